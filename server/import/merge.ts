/**
 * What publishing an upload gives: the published version with the uploaded sheets put in
 * place of their part. A figure whose value is unchanged keeps everything it had (its
 * provenance, printed precision, qualifier); a new or changed one is marked as imported, with
 * the file, sheet and row. Facts, comparisons and milestones the template does not carry are
 * kept; trends are rebuilt from the monthly figures for the years that changed, so a new month
 * becomes a point on the trend. Also the checks that need the merged data: a cumulative figure
 * lower than the month before, a value 10× away from the previous period, rows removed.
 */
import type { Dataset, SectorFigureRow } from '../../data/dataset';
import type { ImportSheet } from '../../src/api/admin';
import type { KpiDefinition, KpiPeriodValue } from '../../data/report';
import type { Measure, PeriodId, Provenance, Series, SeriesPoint, Unit } from '../../src/api/common';
import type { PeriodInfo } from '../../src/api/meta';
import { PROJECT_FIELDS } from '../../src/api/projects';
import type { ProjectDetail, ProjectFieldProvenance } from '../../src/api/projects';
import { parsePeriod, periodEndDate } from '../../src/domain/periods';
import { kpiUnit } from './notation';
import { HELP_SHEET_NAME, NATURE, SETTINGS } from './template';
import { withIndicatorCatalog } from './validate';
import type { Findings, ParsedUpload, Written } from './validate';

export interface UploadSource {
  file: string;
  /**
   * The version publishing the upload makes, which its imported figures name: the one after the
   * version it was checked against (publishing on any other base is refused as a conflict).
   */
  version: number;
  /** A CSV holds one sheet and no 说明 sheet: its settings cannot be changed from it. */
  format: 'xlsx' | 'csv';
  /** Sheet names in the file by kind, for provenance. */
  sheetNames: Partial<Record<ImportSheet, string>>;
}

const same = (a: number, b: number) => Number(a.toPrecision(15)) === Number(b.toPrecision(15));

/**
 * The month a period's cumulative-from-January figure ends in, or null: Q3 and H2 start later,
 * and a period to a day (2023D0826) ends inside its month.
 */
function januaryBasedMonth(id: PeriodId): number | null {
  const p = parsePeriod(id);
  return p && p.firstMonth === 1 && p.kind !== 'toDate' ? p.lastMonth : null;
}

const yearOf = (id: PeriodId) => parsePeriod(id)?.year ?? null;

/**
 * Rebuilds the trends of one measure for the years in `years`: for every Jan-based period of
 * such a year, the points up to its month from the figures themselves, filling months without a
 * figure from the published trend. Periods of other years keep their published series.
 */
function rebuildSeries(
  figures: Map<PeriodId, Measure>,
  baseSeries: Map<PeriodId, Series>,
  years: Set<number>,
  cumulative: boolean,
): Map<PeriodId, Series | null> {
  const out = new Map<PeriodId, Series | null>();
  for (const [period, measure] of figures) {
    const year = yearOf(period);
    if (year === null || !years.has(year)) {
      out.set(period, baseSeries.get(period) ?? null);
      continue;
    }
    const month = januaryBasedMonth(period);
    if (month === null) {
      out.set(period, null);
      continue;
    }
    const byMonth = new Map<number, SeriesPoint>();
    for (const [p, series] of baseSeries) {
      if (yearOf(p) !== year) continue;
      for (const point of series.points) {
        const m = januaryBasedMonth(point.period);
        if (m !== null && m <= month) byMonth.set(m, point);
      }
    }
    for (const [p, m] of figures) {
      const pm = januaryBasedMonth(p);
      if (yearOf(p) === year && pm !== null && pm <= month) {
        byMonth.set(pm, {
          period: `${year}M${String(pm).padStart(2, '0')}`,
          value: m.value,
          provenance: m.provenance,
        });
      }
    }
    const hadSeries = [...baseSeries.keys()].some((p) => yearOf(p) === year);
    const points = [...byMonth.entries()].sort(([a], [b]) => a - b).map(([, point]) => point);
    out.set(
      period,
      points.length >= 2 && (hadSeries || points.length >= 3) ? { unit: measure.unit, cumulative, points } : null,
    );
  }
  return out;
}

interface Context {
  source: UploadSource;
  findings: Findings;
}

function imported(ctx: Context, sheet: 'indicators' | 'sectors' | 'projects', row: number): Provenance {
  return {
    kind: 'imported',
    import: { file: ctx.source.file, version: ctx.source.version, sheet: ctx.source.sheetNames[sheet] ?? sheet, row },
  };
}

function measure(written: Written, unit: Unit, provenance: Provenance, before: Measure | undefined | null): Measure {
  if (before && before.unit === unit && same(before.value, written.value)) return before;
  return { value: written.value, unit, digits: written.digits, provenance };
}

/** Years whose figures differ between `before` and `after` (added, changed or removed). */
function changedYears<T>(before: Map<PeriodId, T>, after: Map<PeriodId, T>): Set<number> {
  const years = new Set<number>();
  for (const p of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(p) !== after.get(p)) {
      const y = yearOf(p);
      if (y !== null) years.add(y);
    }
  }
  return years;
}

/** Warnings on a new or changed figure compared with the figures before it. */
function checkAgainstEarlier(
  ctx: Context,
  where: { sheet: string; row: number; column: string; header: string; what: string; written: string },
  period: PeriodId,
  value: Measure,
  all: Map<PeriodId, Measure>,
  cumulative: boolean,
) {
  const end = periodEndDate(period) ?? '';
  const earlier = [...all.entries()]
    .filter(([p]) => (periodEndDate(p) ?? '') < end)
    .sort(([a], [b]) => ((periodEndDate(a) ?? '') < (periodEndDate(b) ?? '') ? -1 : 1));
  /** A warning on the figure's cell. */
  const warn = (code: string, zh: string, en: string) =>
    ctx.findings.add({
      severity: 'warning',
      code,
      sheet: where.sheet,
      row: where.row,
      column: where.column,
      header: where.header,
      value: where.written,
      message: { 'zh-CN': zh, en },
    });
  const month = januaryBasedMonth(period);
  const year = yearOf(period);
  if (cumulative && month !== null) {
    const previous = earlier.filter(([p]) => yearOf(p) === year && januaryBasedMonth(p) !== null).at(-1);
    if (previous && value.value < previous[1].value) {
      warn(
        'cumulative_decrease',
        `${where.what}是 1 月起的累计数，却低于上一期 ${previous[0]} 的累计数；请核对是否填成了当月数。`,
        `${where.what} is cumulative from January but lower than the previous period ${previous[0]}; check it is not a single month's figure.`,
      );
    }
  }
  let last = earlier.filter(([p]) => parsePeriod(p)?.kind === parsePeriod(period)?.kind).at(-1) ?? earlier.at(-1);
  // A running total starts again each January: across the year it compares with the same period
  // a year earlier, never with December's total (against which every January is "a tenth").
  if (cumulative && year !== null && last && yearOf(last[0]) !== year) {
    const sameLastYear = `${year - 1}${period.slice(4)}`;
    const value = all.get(sameLastYear);
    last = value ? [sameLastYear, value] : undefined;
  }
  if (last && last[1].value !== 0 && value.value !== 0 && Math.sign(last[1].value) === Math.sign(value.value)) {
    const ratio = value.value / last[1].value;
    if (ratio >= 10 || ratio <= 0.1) {
      warn(
        'ten_times',
        `${where.what}${ratio >= 10 ? `是上一期 ${last[0]} 的 10 倍以上` : `不到上一期 ${last[0]} 的十分之一`}；请核对单位（亿元/万元）和小数点。`,
        `${where.what} is ${ratio >= 10 ? 'over 10×' : 'under a tenth of'} the previous period ${last[0]}; check the unit (亿元/万元) and the decimal point.`,
      );
    }
  }
}

function mergeKpis(base: Dataset, parsed: ParsedUpload, ctx: Context): KpiDefinition[] {
  const rows = parsed.indicators;
  if (!rows) return base.kpis;
  const sheet = ctx.source.sheetNames.indicators ?? '指标';
  return base.kpis.map((k) => {
    const mine = rows.filter((r) => r.kpi === k.id);
    const values: Partial<Record<PeriodId, KpiPeriodValue>> = {};
    for (const r of mine.filter((x) => x.kind === 'actual')) {
      const before = k.values[r.period];
      const provenance = imported(ctx, 'indicators', r.row);
      const value = measure(r.value, r.unit, provenance, before?.value);
      const yoy = r.yoy ? measure(r.yoy, 'percent', provenance, before?.yoy) : undefined;
      const planCompletion = r.planCompletion
        ? measure(r.planCompletion, 'percent', provenance, before?.planCompletion)
        : undefined;
      const unchanged =
        before && value === before.value && yoy === before.yoy && planCompletion === before.planCompletion;
      values[r.period] = unchanged
        ? before
        : {
            value,
            ...(yoy ? { yoy } : {}),
            ...(planCompletion ? { planCompletion } : {}),
            ...(before?.facts ? { facts: before.facts } : {}),
            ...(before?.comparisons ? { comparisons: before.comparisons } : {}),
          };
    }
    const targets = mine.filter((x) => x.kind === 'target');
    for (const extra of targets.slice(1)) {
      ctx.findings.add({
        severity: 'error',
        code: 'second_target',
        sheet,
        row: extra.row,
        message: {
          'zh-CN': `指标“${k.label['zh-CN']}”已在第 ${targets[0]?.row} 行有年度目标；每个指标只有一个目标。`,
          en: `"${k.label.en}" already has its annual target in row ${targets[0]?.row}; an indicator has one target.`,
        },
      });
    }
    let target = k.target;
    const t = targets[0];
    if (!t) target = undefined;
    else {
      // The published target's figure (and where it comes from) stays only for the same year's target:
      // 2024's 8 % is not the report's 2023 target of 8 %, whose line it would otherwise cite.
      const same = k.target?.period === t.period ? k.target.value : undefined;
      const value = measure(t.value, t.unit, imported(ctx, 'indicators', t.row), same);
      target =
        k.target && k.target.period === t.period && value === k.target.value
          ? k.target
          : {
              // What the template does not carry stays (the task whose reported completion judges it).
              ...k.target,
              period: t.period,
              kind: k.target?.kind ?? (t.unit === 'cny' ? 'cumulative' : 'level'),
              value,
            };
    }
    // Trends, for the years whose figures changed.
    const cumulative =
      k.cumulative ??
      Object.values(k.values).find((v) => v?.series)?.series?.cumulative ??
      (target?.kind === 'cumulative' || kpiUnit(k) === 'cny');
    const beforeFigures = new Map(Object.entries(k.values).flatMap(([p, v]) => (v ? [[p, v.value] as const] : [])));
    const afterFigures = new Map(Object.entries(values).flatMap(([p, v]) => (v ? [[p, v.value] as const] : [])));
    const years = changedYears(beforeFigures, afterFigures);
    if (years.size > 0) {
      const baseSeries = new Map(
        Object.entries(k.values).flatMap(([p, v]) => (v?.series ? [[p, v.series] as const] : [])),
      );
      const series = rebuildSeries(afterFigures, baseSeries, years, cumulative);
      for (const [p, v] of Object.entries(values)) {
        if (!v || !years.has(yearOf(p) ?? -1)) continue;
        const s = series.get(p);
        const { series: _old, ...rest } = v;
        values[p] = s ? { ...rest, series: s } : rest;
        if (v !== k.values[p] || s !== k.values[p].series) {
          const row = mine.find((r) => r.kind === 'actual' && r.period === p);
          if (row && v.value !== k.values[p]?.value) {
            checkAgainstEarlier(
              ctx,
              {
                sheet,
                row: row.row,
                column: 'E',
                header: '数值',
                what: `“${k.label['zh-CN']}” ${p}`,
                written: `${row.value.text} ${row.unitText}`,
              },
              p,
              v.value,
              afterFigures,
              cumulative,
            );
          }
        }
      }
    }
    return { ...k, values, ...(target ? { target } : { target: undefined }) };
  });
}

function mergeSectors(base: Dataset, parsed: ParsedUpload, ctx: Context): SectorFigureRow[] {
  const rows = parsed.sectors;
  if (!rows) return base.sectorFigures;
  const sheet = ctx.source.sheetNames.sectors ?? '产业';
  const key = (s: string, p: string) => `${s}|${p}`;
  const before = new Map(base.sectorFigures.map((f) => [key(f.sector, f.period), f]));
  const merged: SectorFigureRow[] = rows.map((r) => {
    const b = before.get(key(r.sector, r.period));
    const provenance = imported(ctx, 'sectors', r.row);
    const output = r.output ? measure(r.output, 'cny', provenance, b?.output) : undefined;
    const growth = r.growth ? measure(r.growth, 'percent', provenance, b?.growth) : undefined;
    const firms = r.firms ? measure(r.firms, 'firms', provenance, b?.firms) : undefined;
    const share = r.share ? measure(r.share, 'percent', provenance, b?.share) : undefined;
    if (b && output === b.output && growth === b.growth && firms === b.firms && share === b.share) return b;
    return {
      sector: r.sector,
      period: r.period,
      ...(output ? { output } : {}),
      ...(growth ? { growth } : {}),
      ...(firms ? { firms } : {}),
      ...(share ? { share } : {}),
      series: b?.series ?? null,
    };
  });
  // Output trends per sector, for the years whose output changed.
  for (const { id: sector } of base.meta.sectors) {
    const outputs = (list: SectorFigureRow[]) =>
      new Map(list.flatMap((f) => (f.sector === sector && f.output ? [[f.period, f.output] as const] : [])));
    const beforeOutputs = outputs(base.sectorFigures);
    const afterOutputs = outputs(merged);
    const years = changedYears(beforeOutputs, afterOutputs);
    if (years.size === 0) continue;
    const baseSeries = new Map(
      base.sectorFigures.flatMap((f) => (f.sector === sector && f.series ? [[f.period, f.series] as const] : [])),
    );
    const series = rebuildSeries(afterOutputs, baseSeries, years, true);
    merged.forEach((f, i) => {
      if (f.sector !== sector || !years.has(yearOf(f.period) ?? -1)) return;
      const s = f.output ? (series.get(f.period) ?? null) : null;
      const b = before.get(key(f.sector, f.period));
      if (f === b && s === b.series) return;
      merged[i] = { ...f, series: s };
      const row = rows.find((r) => r.sector === sector && r.period === f.period);
      if (row && f.output && f.output !== b?.output) {
        checkAgainstEarlier(
          ctx,
          {
            sheet,
            row: row.row,
            column: 'D',
            header: '产值(亿元)',
            what: `${sector} ${f.period} 产值`,
            written: row.output?.text ?? '',
          },
          f.period,
          f.output,
          afterOutputs,
          true,
        );
      }
    });
  }
  return merged;
}

function mergeProjects(base: Dataset, parsed: ParsedUpload, ctx: Context): ProjectDetail[] {
  const rows = parsed.projects;
  if (!rows) return base.projects;
  const before = new Map(base.projects.map((p) => [p.id, p]));
  return rows.map((r) => {
    const b = before.get(r.id);
    const provenance = imported(ctx, 'projects', r.row);
    const planned = r.planned ? measure(r.planned, 'cny', provenance, b?.planned) : null;
    const completed = r.completed ? measure(r.completed, 'cny', provenance, b?.completed) : null;
    const totalInvestment = r.totalInvestment
      ? measure(r.totalInvestment, 'cny', provenance, b?.totalInvestment)
      : null;
    // A file without the English columns keeps the published English text; an empty cell removes it.
    const nameEn = r.nameEn === undefined ? b?.nameEn : r.nameEn;
    const descriptionEn = r.descriptionEn === undefined ? b?.descriptionEn : r.descriptionEn;
    const fieldsSame =
      b !== undefined &&
      b.name === r.name &&
      b.sector === r.sector &&
      b.type === r.type &&
      b.stage === r.stage &&
      b.level === r.level &&
      b.investmentPeriod === r.investmentPeriod &&
      b.start === r.start &&
      b.expectedCompletion === r.expectedCompletion &&
      b.lastUpdate === r.lastUpdate &&
      b.description === r.description &&
      (b.nameEn ?? null) === (nameEn ?? null) &&
      (b.descriptionEn ?? null) === (descriptionEn ?? null);
    if (
      b &&
      fieldsSame &&
      planned === b.planned &&
      completed === b.completed &&
      totalInvestment === b.totalInvestment
    ) {
      return b;
    }
    const row = {
      name: r.name,
      ...(nameEn ? { nameEn } : {}),
      ...(descriptionEn ? { descriptionEn } : {}),
      description: r.description,
      sector: r.sector,
      type: r.type,
      stage: r.stage,
      level: r.level,
      investmentPeriod: r.investmentPeriod,
      planned,
      completed,
      totalInvestment,
      start: r.start,
      expectedCompletion: r.expectedCompletion,
      lastUpdate: r.lastUpdate,
    };
    if (!b) return { id: r.id, ...row, provenance, milestones: [] };
    // A published project keeps its own provenance (the report names it, or it is illustrative);
    // each attribute the sheet changes is marked as imported, the others keep theirs.
    const fieldProvenance: ProjectFieldProvenance = {};
    for (const field of PROJECT_FIELDS) {
      const own = b[field] === row[field] ? b.fieldProvenance?.[field] : provenance;
      if (own) fieldProvenance[field] = own;
    }
    const precision = {
      ...(b.start === row.start && b.datePrecision?.start ? { start: b.datePrecision.start } : {}),
      ...(b.expectedCompletion === row.expectedCompletion && b.datePrecision?.expectedCompletion
        ? { expectedCompletion: b.datePrecision.expectedCompletion }
        : {}),
    };
    const { fieldProvenance: _f, datePrecision: _d, nameEn: _n, descriptionEn: _e, ...kept } = b;
    return {
      ...kept,
      ...row,
      ...(Object.keys(fieldProvenance).length > 0 ? { fieldProvenance } : {}),
      ...(Object.keys(precision).length > 0 ? { datePrecision: precision } : {}),
    };
  });
}

/** Periods any figure, target or project refers to, in time order; kinds kept from the published list. */
function periodsOf(dataset: Omit<Dataset, 'meta'>, base: Dataset['meta'], asOf: string): PeriodInfo[] {
  const used = new Set<PeriodId>();
  for (const k of dataset.kpis) {
    for (const [p, v] of Object.entries(k.values)) if (v) used.add(p);
    if (k.target) used.add(k.target.period);
  }
  for (const f of dataset.sectorFigures) used.add(f.period);
  for (const p of dataset.projects) if (p.investmentPeriod) used.add(p.investmentPeriod);
  const kinds = new Map(base.periods.map((p) => [p.id, p.kind]));
  const order = new Map(base.periods.map((p, i) => [p.id, i]));
  const asOfYear = Number(asOf.slice(0, 4));
  return [...used]
    .map((id): PeriodInfo => {
      const known = kinds.get(id);
      if (known) return { id, kind: known };
      const p = parsePeriod(id);
      return { id, kind: p?.kind === 'year' && p.year >= asOfYear ? 'target' : 'actual' };
    })
    .sort((a, b) => {
      const ea = periodEndDate(a.id) ?? '';
      const eb = periodEndDate(b.id) ?? '';
      if (ea !== eb) return ea < eb ? -1 : 1;
      return (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || (a.id < b.id ? -1 : 1);
    });
}

/** Every indicator's group must be one of the groups: a group with indicators cannot be dropped. */
function checkGroupsInUse(
  kpis: readonly KpiDefinition[],
  groups: readonly { id: string }[],
  source: UploadSource,
  findings: Findings,
) {
  const known = new Set(groups.map((g) => g.id));
  for (const id of new Set(kpis.map((k) => k.group))) {
    if (known.has(id)) continue;
    const names = kpis.filter((k) => k.group === id).map((k) => k.label);
    findings.add({
      severity: 'error',
      code: 'group_in_use',
      sheet: source.sheetNames.kpiGroupCatalog ?? '指标分组',
      message: {
        'zh-CN': `分组“${id}”不在指标分组中，但指标${names.map((n) => `“${n['zh-CN']}”`).join('、')}属于它；请保留这个分组，或在“指标目录”中把这些指标移到其他分组。`,
        en: `The group "${id}" is not among the indicator groups, but ${names.map((n) => `"${n.en}"`).join(', ')} belong to it; keep the group, or move them to another group in 指标目录.`,
      },
    });
  }
}

/**
 * The dataset publishing `parsed` on top of `base` would give, adding merge-time findings.
 * Settings errors (a bad 数据截至 or 默认时期) are findings too.
 */
export function mergeUpload(
  base: Dataset,
  parsed: ParsedUpload,
  source: UploadSource,
  findings: Findings,
  today: string,
): Dataset {
  const ctx: Context = { source, findings };
  // The uploaded sector catalog replaces the published one (validation kept every sector in use).
  const sectors = parsed.sectorCatalog ?? base.meta.sectors;
  // Likewise the indicator catalog: the 指标 sheet's figures go into its indicators.
  const catalogKpis = parsed.indicatorCatalog ? withIndicatorCatalog(base.kpis, parsed.indicatorCatalog) : base.kpis;
  const kpis = mergeKpis({ ...base, kpis: catalogKpis }, parsed, ctx);
  const sectorFigures = mergeSectors({ ...base, meta: { ...base.meta, sectors } }, parsed, ctx);
  const projects = mergeProjects(base, parsed, ctx);
  const kpiGroups = parsed.kpiGroups ?? base.meta.kpiGroups;
  checkGroupsInUse(kpis, kpiGroups, source, findings);
  const setting = (code: string, zh: string, en: string) =>
    findings.add({ severity: 'error', code, sheet: HELP_SHEET_NAME, column: 'B', message: { 'zh-CN': zh, en } });
  let asOf = base.meta.asOf;
  if (parsed.settings.asOf !== undefined) {
    if (parsed.settings.asOf === '')
      setting(
        'bad_as_of',
        '“数据截至”不是有效日期：请写 2023-09-20。',
        '"数据截至" (as of) is not a valid date: write 2023-09-20.',
      );
    else if (parsed.settings.asOf > today) {
      setting(
        'future_as_of',
        `“数据截至” ${parsed.settings.asOf} 晚于今天。`,
        `"数据截至" (as of) ${parsed.settings.asOf} is after today.`,
      );
    } else asOf = parsed.settings.asOf;
  }
  // Sample data stays sample data: no file can make a demo database pass for official statistics.
  let sample = base.meta.sample;
  if (parsed.settings.sample === null) {
    setting(
      'bad_nature',
      `“${SETTINGS.nature}”应为“${NATURE.official}”或“${NATURE.sample}”。`,
      `"${SETTINGS.nature}" is "${NATURE.official}" (official) or "${NATURE.sample}" (sample data).`,
    );
  } else if (parsed.settings.sample === false && base.meta.sample) {
    setting(
      'sample_stays_sample',
      `这是演示数据库，不能改为“${NATURE.official}”：正式数据请导入新的数据库（npm start）。`,
      `This is a sample database and cannot become "${NATURE.official}": import official data into a new database (npm start).`,
    );
  } else if (parsed.settings.sample === true && !base.meta.sample) {
    sample = true;
    findings.add({
      severity: 'warning',
      code: 'becomes_sample',
      sheet: HELP_SHEET_NAME,
      column: 'B',
      message: {
        'zh-CN': `发布后本数据库将标为演示数据：每个页面和导出文件都会写明“演示数据 · 非正式统计”，且不能再改回正式数据。`,
        en: 'Once published, this database is sample data: every screen and export says "Sample data, not official statistics", for good.',
      },
    });
  }
  const periods = periodsOf({ kpis, sectorFigures, namedFirms: base.namedFirms, projects }, base.meta, asOf);
  let defaultPeriod = base.meta.defaultPeriod;
  if (parsed.settings.defaultPeriod !== undefined) {
    const wanted = parsed.settings.defaultPeriod;
    if (!periods.some((p) => p.id === wanted)) {
      setting(
        'bad_default_period',
        `“默认时期”“${wanted}”没有任何数据；请写数据中已有的时期（${periods.map((p) => p.id).join('、')}）。`,
        `The default period "${wanted}" has no figures; use one of ${periods.map((p) => p.id).join(', ')}.`,
      );
    } else defaultPeriod = wanted;
  } else if (!periods.some((p) => p.id === defaultPeriod)) {
    setting(
      'default_period_removed',
      `默认时期 ${defaultPeriod} 的数据都被删除了；请在“${HELP_SHEET_NAME}”表修改“默认时期”。`,
      `Every figure of the default period ${defaultPeriod} would be removed; change "默认时期" on the ${HELP_SHEET_NAME} sheet.`,
    );
  }
  const added = periods.filter((p) => p.kind === 'actual' && !base.meta.periods.some((b) => b.id === p.id));
  const newest = added.at(-1);
  // A CSV has no 说明 sheet: its settings are changed by uploading the .xlsx template.
  const settingsAt =
    source.format === 'csv'
      ? {
          zh: `上传 .xlsx 模板，在其“${HELP_SHEET_NAME}”表中`,
          en: `upload the .xlsx template and, on its ${HELP_SHEET_NAME} sheet,`,
        }
      : { zh: `请在“${HELP_SHEET_NAME}”表中`, en: `on the ${HELP_SHEET_NAME} sheet,` };
  const settingsSheet = source.format === 'csv' ? null : HELP_SHEET_NAME;
  if (newest && (periodEndDate(newest.id) ?? '') > (periodEndDate(defaultPeriod) ?? '')) {
    findings.add({
      severity: 'warning',
      code: 'default_period_older',
      sheet: settingsSheet,
      column: settingsSheet && 'B',
      message: {
        'zh-CN': `新增时期 ${newest.id}，而看板默认仍显示 ${defaultPeriod}；如需默认显示新时期，${settingsAt.zh}把“默认时期”改为 ${newest.id}。`,
        en: `The upload adds ${newest.id}, but the dashboard still opens on ${defaultPeriod}; to open on the new period, ${settingsAt.en} set "默认时期" to ${newest.id}.`,
      },
    });
  }
  // Figures for a period that ends after 数据截至 would be titled with a date they postdate.
  const afterAsOf = added.filter((p) => (periodEndDate(p.id) ?? '') > asOf);
  if (afterAsOf.length > 0) {
    const ids = afterAsOf.map((p) => p.id).join('、');
    findings.add({
      severity: 'warning',
      code: 'period_after_as_of',
      sheet: settingsSheet,
      column: settingsSheet && 'B',
      message: {
        'zh-CN': `新增时期 ${ids} 结束于“数据截至” ${asOf} 之后；各页面将写“数据截至 ${asOf}”。如数据已更新，${settingsAt.zh}把“数据截至”改为该时期结束后的日期。`,
        en: `The new period ${ids} ends after the "as of" date ${asOf}, which every page shows; if the data is newer, ${settingsAt.en} set "数据截至" to a date after the period's end.`,
      },
    });
  }
  return {
    meta: { ...base.meta, asOf, defaultPeriod, periods, sample, sectors, kpiGroups },
    kpis,
    sectorFigures,
    namedFirms: base.namedFirms,
    projects,
  };
}
