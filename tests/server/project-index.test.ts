/**
 * The project list's query (server/answers/projects.ts `queryProjects`, which both the mock API
 * and the data service answer with) against a plain reference written the obvious way (list
 * items without the detail-only milestones and facts): filter, collator sort, slice. Every filter
 * of the contract suite and a few hundred generated ones, on the report's 198 projects and on
 * 10,000.
 */
import { describe, expect, it } from 'vitest';
import { queryProjects } from '../../server/answers/projects';
import { reportDataset } from '../../data/dataset';
import { mulberry32 } from '../../data/measure';
import { largeProjectSet } from '../../data/projects';
import { LEVEL_IDS, PROJECT_TYPE_IDS, STAGE_IDS } from '../../src/api/common';
import { PROJECT_SORT_FIELDS } from '../../src/api/projects';
import type { Project, ProjectDetail, ProjectFilter, ProjectPage, ProjectSortField } from '../../src/api/projects';

const collator = new Intl.Collator('zh-CN');
const stageOrder = (p: Project) => STAGE_IDS.indexOf(p.stage);
const value: Record<ProjectSortField, (p: Project) => string | number> = {
  name: (p) => p.name,
  sector: (p) => p.sector ?? '',
  type: (p) => p.type,
  stage: stageOrder,
  level: (p) => p.level ?? '',
  planned: (p) => p.planned?.value ?? -1,
  completed: (p) => p.completed?.value ?? -1,
  progress: (p) => (p.planned && p.completed && p.planned.value > 0 ? p.completed.value / p.planned.value : -1),
  start: (p) => p.start ?? '',
  expectedCompletion: (p) => p.expectedCompletion ?? '',
  lastUpdate: (p) => p.lastUpdate,
};
/**
 * The collator's order of every text the sort keys give, as ranks (texts it finds equal share
 * one): comparing two ranks is comparing the texts, without the collator's cost on 10,000 rows
 * for each of a hundred filters. And the list items, made once per project list.
 */
const prepared = new WeakMap<readonly ProjectDetail[], { items: Project[]; rank: Map<string, number> }>();

function prepare(all: readonly ProjectDetail[]) {
  const known = prepared.get(all);
  if (known) return known;
  const items = all.map(({ milestones: _m, facts: _f, ...p }) => p);
  const texts = new Set<string>();
  for (const p of items) {
    for (const key of Object.values(value)) {
      const v = key(p);
      if (typeof v === 'string') texts.add(v);
    }
  }
  const sorted = [...texts].sort(collator.compare);
  const rank = new Map<string, number>();
  sorted.forEach((text, i) => {
    const before = sorted[i - 1];
    rank.set(text, before !== undefined && collator.compare(before, text) === 0 ? (rank.get(before) ?? i) : i);
  });
  const made = { items, rank };
  prepared.set(all, made);
  return made;
}

function reference(all: readonly ProjectDetail[], filter: ProjectFilter): ProjectPage {
  const { items, rank } = prepare(all);
  const order = (text: string) => rank.get(text) ?? NaN;
  const compare = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : order(String(a)) - order(String(b));
  const q = filter.q?.trim().toLowerCase() ?? '';
  const others = items.filter(
    (p) =>
      (!filter.sector || p.sector === filter.sector) &&
      (!filter.level || p.level === filter.level) &&
      (!filter.type || p.type === filter.type) &&
      (!filter.provenance || p.provenance.kind === filter.provenance) &&
      (q === '' || [p.name, p.nameEn, p.description, p.descriptionEn].some((text) => text?.toLowerCase().includes(q))),
  );
  const matches = others.filter((p) => !filter.stage || p.stage === filter.stage);
  if (filter.sort) {
    const desc = filter.sort.startsWith('-');
    const key = value[filter.sort.replace(/^-/, '') as ProjectSortField];
    matches.sort((a, b) => {
      const c = compare(key(a), key(b)) || order(a.name) - order(b.name);
      return desc ? -c : c;
    });
  }
  const sum = (items: Project[]) => {
    const withMoney = items.filter((p) => p.planned && p.completed);
    return {
      count: items.length,
      withMoney: withMoney.length,
      planned: withMoney.reduce((n, p) => n + (p.planned?.value ?? 0), 0),
      completed: withMoney.reduce((n, p) => n + (p.completed?.value ?? 0), 0),
    };
  };
  const pageSize = filter.pageSize ?? 50;
  const page = filter.page ?? 1;
  return {
    items: matches.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total: matches.length,
    totals: sum(matches),
    stageTotals: STAGE_IDS.map((stage) => ({ stage, ...sum(others.filter((p) => p.stage === stage)) })),
  };
}

const KINDS = ['reported', 'derived', 'imported', 'illustrative'] as const;

function filters(seed: number, count: number): ProjectFilter[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T | undefined =>
    rand() < 0.6 ? undefined : items[Math.floor(rand() * items.length)];
  const words = [
    '北碚',
    '桥',
    '产业',
    '园',
    '示例',
    '医院',
    '渝',
    'a',
    '不存在',
    '  蔡家  ',
    'bridge',
    'Beibei',
    'park',
  ];
  return Array.from({ length: count }, () => {
    const sort = pick(PROJECT_SORT_FIELDS);
    return {
      stage: pick(STAGE_IDS),
      sector: pick(reportDataset.meta.sectors.map((s) => s.id)),
      level: pick(LEVEL_IDS),
      type: pick(PROJECT_TYPE_IDS),
      provenance: pick(KINDS),
      q: pick(words),
      sort: sort && rand() < 0.5 ? `-${sort}` : sort,
      page: rand() < 0.7 ? 1 : 1 + Math.floor(rand() * 5),
      pageSize: rand() < 0.5 ? 50 : 1 + Math.floor(rand() * 500),
    };
  });
}

const every: ProjectFilter[] = [
  {},
  ...PROJECT_SORT_FIELDS.flatMap((f) => [
    { sort: f, pageSize: 500 },
    { sort: `-${f}`, pageSize: 500 },
  ]),
  ...STAGE_IDS.map((stage) => ({ stage, sort: 'name' })),
  ...KINDS.map((provenance) => ({ provenance, sort: '-planned', pageSize: 500 })),
];

describe('the project query', () => {
  const large = largeProjectSet(10_000);

  it('finds a project by its English name or description, and by its Chinese one', () => {
    const ids = (q: string) => queryProjects(reportDataset.projects, { q, pageSize: 500 }).items.map((p) => p.id);
    expect(ids('bridge')).toContain('baoshan-bridge-west-extension');
    expect(ids('BRIDGE')).toEqual(ids('bridge'));
    expect(ids('宝山大桥')).toContain('baoshan-bridge-west-extension');
    // Not across the line between a name and its English form.
    expect(ids('西延段\nbaoshan')).toEqual([]);
  });

  it('keeps only the projects of the provenance asked for, in every total too', () => {
    const named = queryProjects(large, { provenance: 'reported', pageSize: 500 });
    expect(named.total).toBe(reportDataset.projects.length);
    expect(named.items.map((p) => p.name).sort()).toEqual(reportDataset.projects.map((p) => p.name).sort());
    expect(named.stageTotals.reduce((n, s) => n + s.count, 0)).toBe(named.total);
    expect(queryProjects(large, { provenance: 'illustrative' }).total).toBe(10_000 - named.total);
    expect(queryProjects(large, { provenance: 'imported' }).total).toBe(0);
  });

  it('answers as the plain reference on the report’s 198 projects', () => {
    for (const filter of [...every, ...filters(1, 400)]) {
      expect(queryProjects(reportDataset.projects, filter), JSON.stringify(filter)).toStrictEqual(
        reference(reportDataset.projects, filter),
      );
    }
  });

  it('answers as the plain reference on 10,000 projects', () => {
    for (const filter of [...every, ...filters(2, 60)]) {
      expect(queryProjects(large, filter), JSON.stringify(filter)).toStrictEqual(reference(large, filter));
    }
  });
});
