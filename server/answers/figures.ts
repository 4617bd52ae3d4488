/**
 * What the API answers from a data version's figures: `/meta`, `/sectors`, `/sectors/{id}` and
 * `/kpis`, independent of how they are served. The data service (server/routes/) answers through
 * these functions and the mock API (mocks/handlers/) imports them to simulate it, so the two
 * cannot drift apart; the contract suite (tests/server/contract.test.ts) asks both the same.
 */
import type { PeriodId, Provenance, SectorId, Series } from '../../src/api/common';
import type { Kpi, KpiList, KpiListSent, PeriodTarget } from '../../src/api/kpis';
import type { DataVersion, Meta } from '../../src/api/meta';
import type { SectorDetail, SectorFigure, SectorList } from '../../src/api/sectors';
import { monthOnMonth, monthValue, yearOnYear } from '../../src/domain/derive';
import { periodEndDate } from '../../src/domain/periods';
import type { DatasetMeta, Figures } from '../../data/dataset';
import type { KpiDefinition, KpiPeriodValue } from '../../data/report';

export const metaOf = (figures: Figures, dataVersion: DataVersion): Meta => ({ ...figures.meta, dataVersion });

export function sectorFigure(figures: Figures, id: SectorId, period: PeriodId): SectorFigure {
  const info = figures.meta.sectors.find((s) => s.id === id);
  const row = figures.sectorFigures.find((r) => r.sector === id && r.period === period);
  return {
    id,
    label: info?.label ?? { 'zh-CN': id, en: id },
    group: info?.group ?? 'multipoint',
    output: row?.output ?? null,
    growth: row?.growth ?? null,
    firms: row?.firms ?? null,
    share: row?.share ?? null,
  };
}

export const sectorList = (figures: Figures, period: PeriodId): SectorList => ({
  period,
  items: figures.meta.sectors.map((s) => sectorFigure(figures, s.id, period)),
  otherFirms: figures.namedFirms.filter((f) => f.sector === null).map(({ sector: _s, ...firm }) => firm),
});

export const sectorDetail = (figures: Figures, id: SectorId, period: PeriodId, projectCount: number): SectorDetail => ({
  period,
  sector: sectorFigure(figures, id, period),
  series: figures.sectorFigures.find((r) => r.sector === id && r.period === period)?.series ?? null,
  firms: figures.namedFirms.filter((f) => f.sector === id).map(({ sector: _s, ...firm }) => firm),
  projectCount,
});

const fact = (zh: string, en: string, value: NonNullable<Kpi['value']>) => ({ label: { 'zh-CN': zh, en }, value });

const sectorTiles = new WeakMap<Figures, KpiDefinition[]>();

/** The per-sector tiles (output with growth and share, firm counts), derived from the sector figures once per version. */
export function sectorKpis(figures: Figures): KpiDefinition[] {
  let tiles = sectorTiles.get(figures);
  if (!tiles) {
    tiles = sectorKpisOf(figures);
    sectorTiles.set(figures, tiles);
  }
  return tiles;
}

function sectorKpisOf(figures: Figures): KpiDefinition[] {
  const out: KpiDefinition[] = [];
  for (const { id, label } of figures.meta.sectors) {
    const outputValues: KpiDefinition['values'] = {};
    const firmValues: KpiDefinition['values'] = {};
    for (const row of figures.sectorFigures) {
      if (row.sector !== id) continue;
      if (row.output) {
        outputValues[row.period] = {
          value: row.output,
          ...(row.growth ? { yoy: row.growth } : {}),
          ...(row.share ? { facts: [fact('占全区比重', 'Share of district', row.share)] } : {}),
          ...(row.series ? { series: row.series } : {}),
        };
      }
      if (row.firms) firmValues[row.period] = { value: row.firms };
    }
    const tile = (kind: 'output' | 'firms', zh: string, en: string, values: KpiDefinition['values']) => {
      if (Object.keys(values).length === 0) return;
      const tileLabel = { 'zh-CN': `${label['zh-CN']}产业${zh}`, en: `${label.en}: ${en}` };
      out.push({
        id: `sector-${kind}-${id}`,
        group: 'industry',
        label: tileLabel,
        sector: id,
        headline: false,
        values,
      });
    };
    tile('output', '规上工业产值', 'above-scale output', outputValues);
    tile('firms', '规上工业企业', 'above-scale firms', firmValues);
  }
  return out;
}

const yearOf = (period: PeriodId) => period.slice(0, 4);

/**
 * `periodEndDate`, remembered: an answer asks it for every period of every tile, and with three
 * years of months that parsing was a third of an answer's time. Periods come from the data or from
 * a validated request; the memory is emptied should it ever hold more than a few thousand.
 */
const ends = new Map<PeriodId, string | null>();
function endOf(period: PeriodId): string | null {
  let end = ends.get(period);
  if (end === undefined) {
    if (ends.size > 5000) ends.clear();
    end = periodEndDate(period);
    ends.set(period, end);
  }
  return end;
}

/**
 * Of the periods a figure has a value for, the one a statistical release prints as its latest
 * figure (最新数据) for `period`: the latest whose end is not after the end of `period`. On an
 * equal end the period asked for wins, then the one listed later. Null: none up to `period`.
 */
export function latestPeriodUpTo(available: readonly PeriodId[], period: PeriodId): PeriodId | null {
  const limit = endOf(period);
  if (limit === null) return null;
  let best: { id: PeriodId; end: string } | null = null;
  for (const id of available) {
    const end = endOf(id);
    if (end === null || end > limit) continue;
    if (!best || end > best.end || (end === best.end && best.id !== period)) best = { id, end };
  }
  return best?.id ?? null;
}

/**
 * The period-target completion reported for a figure's task in a period: by the indicator its
 * target names as reporting it (`periodCompletionKpi`, L52's 156 % for 签约资金 and 到位资金), or
 * the figure's own value when it is that indicator; null when the period has none.
 */
export function periodTargetOf(defs: readonly KpiDefinition[], id: string, period: PeriodId): PeriodTarget | null {
  const named = defs.find((d) => d.id === id)?.target?.periodCompletionKpi;
  const kpi = named ?? (defs.some((d) => d.target?.periodCompletionKpi === id) ? id : undefined);
  const completion = kpi === undefined ? undefined : defs.find((d) => d.id === kpi)?.values[period]?.value;
  return kpi !== undefined && completion ? { completion, kpi } : null;
}

/**
 * The figure's values as one series, for what is derived from them: of every period (同比 needs
 * the same period a year earlier), running totals if the catalog says the figures are.
 */
function seriesOf(def: KpiDefinition, periods: readonly PeriodId[]): Series | null {
  const points = periods.flatMap((period) => {
    const value = def.values[period]?.value;
    return value ? [{ period, value: value.value, provenance: value.provenance }] : [];
  });
  const first = def.values[points[0]?.period ?? '']?.value;
  return first ? { unit: first.unit, cumulative: def.cumulative === true, points } : null;
}

const seriesMemo = new WeakMap<KpiDefinition, { available: readonly PeriodId[]; series: Series | null }>();

/** `seriesOf`, made once per definition of a version (a version's definitions never change), not per answer. */
function seriesOfCached(def: KpiDefinition, available: readonly PeriodId[]): Series | null {
  const memo = seriesMemo.get(def);
  if (memo && memo.available.length === available.length && memo.available.every((p, i) => p === available[i])) {
    return memo.series;
  }
  const series = seriesOf(def, available);
  seriesMemo.set(def, { available, series });
  return series;
}

/**
 * 当月 and 环比 where the catalog says how the figures add up (running totals or the months'
 * own values), and 同比 derived where none is given, from the same period a year earlier.
 */
function derivedChanges(def: KpiDefinition, available: readonly PeriodId[], period: PeriodId, v: KpiPeriodValue) {
  const series = seriesOfCached(def, available);
  const known = def.cumulative !== undefined;
  const own = series && known && series.cumulative ? monthValue(series, period) : null;
  return {
    yoy: v.yoy ?? (series && yearOnYear(series, period)),
    monthValue: own && { ...v.value, value: own.value, provenance: own.provenance, digits: undefined },
    mom: series && known ? monthOnMonth(series, period) : null,
  };
}

export function kpiFor(
  meta: DatasetMeta,
  def: KpiDefinition,
  period: PeriodId,
  all: readonly KpiDefinition[] = [def],
): Kpi {
  const available = meta.periods.map((p) => p.id).filter((p) => def.values[p] !== undefined);
  const valuePeriod = latestPeriodUpTo(available, period);
  const v = valuePeriod === null ? undefined : def.values[valuePeriod];
  const changes = valuePeriod === null || !v ? null : derivedChanges(def, available, valuePeriod, v);
  return {
    id: def.id,
    group: def.group,
    label: def.label,
    sector: def.sector,
    headline: def.headline,
    ...(def.direction ? { direction: def.direction } : {}),
    period,
    valuePeriod: v ? valuePeriod : null,
    value: v?.value ?? null,
    yoy: changes?.yoy ?? null,
    monthValue: changes?.monthValue ?? null,
    mom: changes?.mom ?? null,
    planCompletion: v?.planCompletion ?? null,
    periodTarget: valuePeriod === null ? null : periodTargetOf(all, def.id, valuePeriod),
    target: def.target && yearOf(def.target.period) === yearOf(period) ? def.target : null,
    comparisons: v?.comparisons ?? [],
    facts: v?.facts ?? [],
    series: v?.series ?? null,
    availablePeriods: available,
  };
}

/**
 * District-wide figures always; sector figures only for the sector asked for. The server and the
 * mock API send it as `compactKpiList` makes it: each set of periods and each trend point's source once.
 */
export function kpiList(figures: Figures, period: PeriodId, sector: SectorId | null): KpiList {
  const list: KpiList = {
    period,
    sector,
    items: [...figures.kpis, ...sectorKpis(figures)]
      .filter((d) => d.sector === null || d.sector === sector)
      .map((d) => kpiFor(figures.meta, d, period, figures.kpis)),
  };
  return list;
}

/** An imported figure's source without its row (the rows of one sheet share it), any other as it is. */
const sourceKey = (p: Provenance) =>
  p.import ? `${p.kind}\n${p.import.file}\n${p.import.version}\n${p.import.sheet}` : JSON.stringify(p);

/** `list` as sent: the periods of its tiles and the sources of its trend points listed once, then named by index. */
export function compactKpiList(list: KpiList): KpiListSent {
  const periodSets: PeriodId[][] = [];
  const setIndex = new Map<string, number>();
  const sources: Provenance[] = [];
  const sourceIndex = new Map<string, number>();
  const indexOf = <T>(table: T[], index: Map<string, number>, key: string, item: T) => {
    let i = index.get(key);
    if (i === undefined) {
      i = table.push(item) - 1;
      index.set(key, i);
    }
    return i;
  };
  const items = list.items.map(({ availablePeriods, ...kpi }) => ({
    ...kpi,
    periods: indexOf(periodSets, setIndex, availablePeriods.join(), availablePeriods),
    series: kpi.series && {
      ...kpi.series,
      points: kpi.series.points.map(({ provenance, ...point }) => {
        const source = indexOf(sources, sourceIndex, sourceKey(provenance), provenance);
        const row = provenance.import?.row;
        return row === sources[source]?.import?.row ? { ...point, source } : { ...point, source, row };
      }),
    },
  }));
  return { period: list.period, sector: list.sector, items, periodSets, sources };
}
