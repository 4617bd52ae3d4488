/**
 * What the API answers for `/projects`: a version's project list filtered, searched, sorted,
 * totalled and paged in memory. The data service (server/service.ts indexes each version once)
 * and the mock API (mocks/handlers/projects.ts, which simulates it) both answer through
 * `queryProjects`; tests/server/project-index.test.ts checks it against a plain filter and sort.
 */
import { STAGE_IDS } from '../../src/api/common';
import { progressOf } from '../../src/api/projects';
import type { Project, ProjectDetail, ProjectFilter, ProjectPage, ProjectSortField } from '../../src/api/projects';

export const DEFAULT_PAGE_SIZE = 50;

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
 * A published project list prepared for querying: lower-cased search text (each name and
 * description with its English one where the office gave one, so "bridge" finds 宝山大桥西延段;
 * descriptions, which often repeat, once each), and for each sort order the list's positions in
 * that order, made on first use. A search of 10,000 projects is then one pass over them and a walk along the order
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

/**
 * A text and its English form, lower-cased, joined by a NUL: no published text holds one (the
 * import refuses it in every cell), so a query matches within one of them, never across.
 */
const searchText = (text: string, english: string | null | undefined) =>
  (english ? `${text}\u0000${english}` : text).toLowerCase();

export function indexProjects(all: readonly ProjectDetail[]): ProjectIndex {
  const projects = all.map(listed);
  const keys = {} as Record<ProjectSortField, Float64Array>;
  for (const field of Object.keys(sortValue) as ProjectSortField[]) {
    keys[field] = rankKeys(projects.map(sortValue[field]));
  }
  const descriptions: string[] = [];
  const seen = new Map<string, number>();
  const descriptionOf = Int32Array.from(projects, (p) => {
    const text = searchText(p.description, p.descriptionEn);
    let id = seen.get(text);
    if (id === undefined) {
      id = descriptions.push(text) - 1;
      seen.set(text, id);
    }
    return id;
  });
  return {
    projects,
    names: projects.map((p) => searchText(p.name, p.nameEn)),
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
    if (filter.provenance && p.provenance.kind !== filter.provenance) continue;
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
