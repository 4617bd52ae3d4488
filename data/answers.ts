/**
 * What the API answers, independent of how it is served: request validation with its error
 * bodies, and each endpoint's response computed from a data version's figures. The mock API
 * (MSW) and the data service (server/) both answer through these functions, so they cannot
 * drift apart; the contract suite checks the server's SQL project queries against
 * `queryProjects` below.
 */
import * as z from 'zod/mini';
import { PeriodIdSchema, SectorIdSchema, STAGE_IDS } from '../src/api/common';
import type { PeriodId, SectorId } from '../src/api/common';
import type { Kpi, KpiList, PeriodTarget } from '../src/api/kpis';
import type { DataVersion, Meta } from '../src/api/meta';
import { MAX_PAGE_SIZE, ProjectFilterSchema, progressOf } from '../src/api/projects';
import type { Project, ProjectDetail, ProjectFilter, ProjectPage, ProjectSortField } from '../src/api/projects';
import type { SectorDetail, SectorFigure, SectorList } from '../src/api/sectors';
import { periodEndDate } from '../src/domain/periods';
import type { DatasetMeta, Figures } from './dataset';
import type { KpiDefinition } from './report';

/** An answer other than 200: the status and the JSON error body every endpoint uses. */
export class Problem {
  readonly status: number;
  readonly body: { error: string; message: string };
  constructor(status: number, error: string, message: string) {
    this.status = status;
    this.body = { error, message };
  }
}

export const DEFAULT_PAGE_SIZE = 50;

/** Query parameters each endpoint accepts; any other is refused so a typo is never silently ignored. */
export const ALLOWED_PARAMS = {
  meta: [],
  kpis: ['period', 'sector'],
  sectors: ['period'],
  sector: ['period'],
  projects: Object.keys(ProjectFilterSchema.shape),
  project: [],
} as const satisfies Record<string, readonly string[]>;
export type Endpoint = keyof typeof ALLOWED_PARAMS;

/** Values are shown back in messages; a hostile or huge one is cut so the message stays readable. */
const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

export function unknownParam(endpoint: Endpoint, params: URLSearchParams): Problem | null {
  const allowed: readonly string[] = ALLOWED_PARAMS[endpoint];
  for (const key of params.keys()) {
    if (!allowed.includes(key)) return new Problem(400, 'bad_query', `unknown parameter ${quote(key)}`);
  }
  return null;
}

/** The period parameter: absent → the default; present but not a period of the data → 400. */
export function parsePeriod(meta: DatasetMeta, raw: string | null): PeriodId | Problem {
  if (raw === null || raw === '') return meta.defaultPeriod;
  const parsed = PeriodIdSchema.safeParse(raw);
  if (!parsed.success || !meta.periods.some((p) => p.id === parsed.data)) {
    return new Problem(400, 'bad_period', `unknown period ${quote(raw)}`);
  }
  return parsed.data;
}

export function parseSector(raw: string | null): SectorId | null | Problem {
  if (raw === null || raw === '') return null;
  const parsed = SectorIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : new Problem(400, 'bad_sector', `unknown sector ${quote(raw)}`);
}

export function parseProjectFilter(params: URLSearchParams): ProjectFilter | Problem {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (value === '') continue;
    raw[key] = key === 'page' || key === 'pageSize' ? Number(value) : value;
  }
  const parsed = z.strictObject(ProjectFilterSchema.shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new Problem(
      400,
      'bad_query',
      `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'} (page size ≤ ${MAX_PAGE_SIZE})`,
    );
  }
  return parsed.data;
}

export const notFound = (what: 'sector' | 'project', id: string) =>
  new Problem(404, 'not_found', `no ${what} ${quote(id)}`);

/* ---------------------------------------------------------------------------------------- */

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

/** The per-sector tiles (output with growth and share, firm counts), derived from the sector figures. */
export function sectorKpis(figures: Figures): KpiDefinition[] {
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
    if (Object.keys(outputValues).length > 0) {
      out.push({
        id: `sector-output-${id}`,
        group: 'industry',
        label: { 'zh-CN': `${label['zh-CN']}产业规上工业产值`, en: `${label.en}: above-scale output` },
        sector: id,
        headline: false,
        values: outputValues,
      });
    }
    if (Object.keys(firmValues).length > 0) {
      out.push({
        id: `sector-firms-${id}`,
        group: 'industry',
        label: { 'zh-CN': `${label['zh-CN']}产业规上工业企业`, en: `${label.en}: above-scale firms` },
        sector: id,
        headline: false,
        values: firmValues,
      });
    }
  }
  return out;
}

const yearOf = (period: PeriodId) => period.slice(0, 4);

/**
 * Of the periods a figure has a value for, the one a statistical release prints as its latest
 * figure (最新数据) for `period`: the latest whose end is not after the end of `period`. On an
 * equal end the period asked for wins, then the one listed later. Null: none up to `period`.
 */
export function latestPeriodUpTo(available: readonly PeriodId[], period: PeriodId): PeriodId | null {
  const limit = periodEndDate(period);
  if (limit === null) return null;
  let best: { id: PeriodId; end: string } | null = null;
  for (const id of available) {
    const end = periodEndDate(id);
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

export function kpiFor(
  meta: DatasetMeta,
  def: KpiDefinition,
  period: PeriodId,
  all: readonly KpiDefinition[] = [def],
): Kpi {
  const available = meta.periods.map((p) => p.id).filter((p) => def.values[p] !== undefined);
  const valuePeriod = latestPeriodUpTo(available, period);
  const v = valuePeriod === null ? undefined : def.values[valuePeriod];
  return {
    id: def.id,
    group: def.group,
    label: def.label,
    sector: def.sector,
    headline: def.headline,
    period,
    valuePeriod: v ? valuePeriod : null,
    value: v?.value ?? null,
    yoy: v?.yoy ?? null,
    planCompletion: v?.planCompletion ?? null,
    periodTarget: valuePeriod === null ? null : periodTargetOf(all, def.id, valuePeriod),
    target: def.target && yearOf(def.target.period) === yearOf(period) ? def.target : null,
    comparisons: v?.comparisons ?? [],
    facts: v?.facts ?? [],
    series: v?.series ?? null,
    availablePeriods: available,
  };
}

/** District-wide figures always; sector figures only for the sector asked for. */
export const kpiList = (figures: Figures, period: PeriodId, sector: SectorId | null): KpiList => ({
  period,
  sector,
  items: [...figures.kpis, ...sectorKpis(figures)]
    .filter((d) => d.sector === null || d.sector === sector)
    .map((d) => kpiFor(figures.meta, d, period, figures.kpis)),
});

/* ---------------------------------------------------------------------------------------- */

/** Names sort as a Chinese reader expects (by pinyin). */
export const nameCollator = new Intl.Collator('zh-CN');

/** A project as listed (the detail without its milestones and facts). */
export const listed = ({ milestones: _m, facts: _f, ...p }: ProjectDetail): Project => p;

const stageOrder = new Map(STAGE_IDS.map((s, i) => [s, i]));

/**
 * The value each sort field orders by; strings in Chinese collation order. What the source does
 * not give (a level, money) orders before every known value, so it comes last in descending order.
 */
const sortValue: Record<ProjectSortField, (p: Project) => string | number> = {
  name: (p) => p.name,
  sector: (p) => p.sector ?? '',
  type: (p) => p.type,
  stage: (p) => stageOrder.get(p.stage) ?? 0,
  level: (p) => p.level ?? '',
  planned: (p) => p.planned?.value ?? -1,
  completed: (p) => p.completed?.value ?? -1,
  progress: (p) => progressOf(p) ?? -1,
  start: (p) => p.start ?? '',
  expectedCompletion: (p) => p.expectedCompletion ?? '',
  lastUpdate: (p) => p.lastUpdate,
};

/**
 * A published project list prepared for querying: lower-cased search text (descriptions, which
 * often repeat, once each), and for each sort order the list's positions in that order, made on
 * first use. A search of 10,000 projects is then one pass over them and a walk along the order
 * up to the page asked for: no sorting and no collator per request.
 */
export interface ProjectIndex {
  readonly projects: readonly Project[];
  readonly names: readonly string[];
  /** Each project's description, as an index into `descriptions`. */
  readonly descriptionOf: Int32Array;
  readonly descriptions: readonly string[];
  /** Every sort key as a number: strings replaced by their rank in Chinese collation order. */
  readonly keys: Readonly<Record<ProjectSortField, Float64Array>>;
  readonly orders: Map<string, Int32Array>;
}

function rankKeys(values: readonly (string | number)[]): Float64Array {
  if (values.every((v) => typeof v === 'number')) return Float64Array.from(values);
  const distinct = [...new Set(values.map(String))].sort(nameCollator.compare);
  const rank = new Map<string, number>();
  distinct.forEach((v, i) => {
    const prev = distinct[i - 1];
    rank.set(v, prev !== undefined && nameCollator.compare(prev, v) === 0 ? (rank.get(prev) ?? i) : i);
  });
  return Float64Array.from(values, (v) => rank.get(String(v)) ?? 0);
}

export function indexProjects(all: readonly ProjectDetail[]): ProjectIndex {
  const projects = all.map(listed);
  const keys = {} as Record<ProjectSortField, Float64Array>;
  for (const field of Object.keys(sortValue) as ProjectSortField[]) {
    keys[field] = rankKeys(projects.map(sortValue[field]));
  }
  const descriptions: string[] = [];
  const seen = new Map<string, number>();
  const descriptionOf = Int32Array.from(projects, (p) => {
    const text = p.description.toLowerCase();
    let id = seen.get(text);
    if (id === undefined) {
      id = descriptions.push(text) - 1;
      seen.set(text, id);
    }
    return id;
  });
  return {
    projects,
    names: projects.map((p) => p.name.toLowerCase()),
    descriptionOf,
    descriptions,
    keys,
    orders: new Map(),
  };
}

/** Positions in `sort` order: by the key, then the name (both reversed for `-field`), then as published. */
function orderOf(index: ProjectIndex, sort: string): Int32Array {
  let order = index.orders.get(sort);
  if (!order) {
    const dir = sort.startsWith('-') ? -1 : 1;
    const key = index.keys[sort.replace(/^-/, '') as ProjectSortField];
    const name = index.keys.name;
    order = Int32Array.from(index.projects.keys()).sort(
      (a, b) => dir * ((key[a] ?? 0) - (key[b] ?? 0) || (name[a] ?? 0) - (name[b] ?? 0)) || a - b,
    );
    index.orders.set(sort, order);
  }
  return order;
}

const indexes = new WeakMap<readonly ProjectDetail[], ProjectIndex>();
const indexOf = (source: readonly ProjectDetail[] | ProjectIndex): ProjectIndex => {
  if (!Array.isArray(source)) return source as ProjectIndex;
  const list = source as readonly ProjectDetail[];
  let index = indexes.get(list);
  if (!index) indexes.set(list, (index = indexProjects(list)));
  return index;
};

/**
 * Everything the list query does: filter, search, sort (ties by name, then published order),
 * total and page. Totals per stage ignore the stage filter so the funnel can show every stage.
 */
export function queryProjects(source: readonly ProjectDetail[] | ProjectIndex, filter: ProjectFilter): ProjectPage {
  const index = indexOf(source);
  const { projects, names, descriptionOf, descriptions } = index;
  const q = filter.q?.trim().toLowerCase() ?? '';
  /** Per distinct description: 0 not yet looked at, 1 contains the query, 2 does not. */
  const descriptionMatch = new Uint8Array(descriptions.length);
  const stageTotals = STAGE_IDS.map((stage) => ({ stage, count: 0, withMoney: 0, planned: 0, completed: 0 }));
  const totals = { count: 0, withMoney: 0, planned: 0, completed: 0 };
  /** Adds a project to a total; its money only where both amounts are given. */
  const add = (total: typeof totals, p: Project) => {
    total.count += 1;
    if (!p.planned || !p.completed) return;
    total.withMoney += 1;
    total.planned += p.planned.value;
    total.completed += p.completed.value;
  };
  const selected = new Uint8Array(projects.length);
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    if (!p) continue;
    if (filter.sector && p.sector !== filter.sector) continue;
    if (filter.level && p.level !== filter.level) continue;
    if (filter.type && p.type !== filter.type) continue;
    if (q !== '' && !names[i]?.includes(q)) {
      const d = descriptionOf[i] ?? 0;
      if (descriptionMatch[d] === 0) descriptionMatch[d] = descriptions[d]?.includes(q) ? 1 : 2;
      if (descriptionMatch[d] !== 1) continue;
    }
    const stage = stageTotals[stageOrder.get(p.stage) ?? 0];
    if (stage) add(stage, p);
    if (filter.stage && p.stage !== filter.stage) continue;
    selected[i] = 1;
    add(totals, p);
  }
  const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = filter.page ?? 1;
  const from = (page - 1) * pageSize;
  const items: Project[] = [];
  if (from < totals.count) {
    const order = filter.sort ? orderOf(index, filter.sort) : null;
    let seenCount = 0;
    for (let k = 0; k < projects.length && items.length < pageSize; k++) {
      const i = order ? (order[k] ?? 0) : k;
      if (selected[i] !== 1) continue;
      if (seenCount++ >= from) items.push(projects[i] as Project);
    }
  }
  return { items, page, pageSize, total: totals.count, totals, stageTotals };
}
