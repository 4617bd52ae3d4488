import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { scenarioHandlers } from '../mocks/scenarios';
import { apiGet } from '../src/api/client';
import type { Measure } from '../src/api/common';
import { KpiListSchema } from '../src/api/kpis';
import type { Kpi } from '../src/api/kpis';
import { MetaSchema } from '../src/api/meta';
import { ProjectDetailSchema, ProjectPageSchema } from '../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../src/api/sectors';
import { ApiError } from '../src/api/client';

/** The mock API through the real client: every answer must also satisfy the contract. */
const kpis = (period: string, sector?: string) =>
  apiGet('/kpis', KpiListSchema, { params: { period, sector } }).then((r) => r.items);
const byId = (items: Kpi[], id: string) => {
  const k = items.find((i) => i.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};
const fig = (m: Measure | null | undefined) =>
  m ? { value: m.value, unit: m.unit, source: m.provenance.source } : null;

describe('GET /meta', () => {
  it('lists the report’s periods, the eight sectors, the five stages and the data date', async () => {
    const meta = await apiGet('/meta', MetaSchema);
    expect(meta.defaultPeriod).toBe('2023H1');
    expect(meta.sectors.map((s) => s.id).sort()).toEqual(
      ['automotive', 'consumer', 'electronics', 'energy', 'equipment', 'materials', 'motorcycle', 'pharma'].sort(),
    );
    expect(meta.sectors.filter((s) => s.group === 'leading').map((s) => s.id)).toEqual([
      'electronics',
      'automotive',
      'equipment',
    ]);
    expect(meta.stages).toEqual(['negotiating', 'signed', 'preliminary', 'construction', 'completed']);
    expect(meta.levels).toEqual(['municipal', 'district']);
    expect(meta.asOf).toBe('2023-08-26');
  });
});

describe('GET /kpis', () => {
  it('carries the report’s H1 figures exactly, with their source lines', async () => {
    const items = await kpis('2023H1');
    expect(fig(byId(items, 'industry-gdp-share').value)).toEqual({ value: 45.3, unit: 'percent', source: 'L32' });
    expect(fig(byId(items, 'investment-signed').value)).toEqual({ value: 180e8, unit: 'cny', source: 'L52' });
    expect(fig(byId(items, 'investment-signed').target?.value)).toEqual({ value: 400e8, unit: 'cny', source: 'L54' });
    expect(fig(byId(items, 'investment-arrived').value)).toEqual({ value: 70e8, unit: 'cny', source: 'L52' });
    expect(fig(byId(items, 'investment-arrived').yoy)).toEqual({ value: 41, unit: 'percent', source: 'L52' });
    expect(byId(items, 'investment-arrived').target?.value.qualifier).toBe('atLeast');
    expect(fig(byId(items, 'attraction-target-completion').value)).toEqual({
      value: 156,
      unit: 'percent',
      source: 'L52',
    });
    expect(fig(byId(items, 'project-start-rate').value)).toEqual({ value: 65, unit: 'percent', source: 'L52' });
    expect(fig(byId(items, 'key-projects').value)).toEqual({ value: 139.73e8, unit: 'cny', source: 'L56' });
    expect(byId(items, 'key-projects').value?.digits).toBe(5);
    expect(fig(byId(items, 'key-projects').planCompletion)).toEqual({ value: 119.8, unit: 'percent', source: 'L56' });
    expect(fig(byId(items, 'municipal-key-projects').value)).toEqual({ value: 19.23e8, unit: 'cny', source: 'L58' });
    expect(fig(byId(items, 'private-entities').value)).toEqual({ value: 87_100, unit: 'entities', source: 'L81' });
    expect(fig(byId(items, 'private-entities').yoy)).toEqual({ value: 10, unit: 'percent', source: 'L81' });
    expect(byId(items, 'private-entities').yoy?.digits).toBe(3);
    expect(fig(byId(items, 'private-industrial-output-growth').value)).toEqual({
      value: 2.4,
      unit: 'percent',
      source: 'L81',
    });
    expect(fig(byId(items, 'tech-firm-loans').value)).toEqual({ value: 5500e4, unit: 'cny', source: 'L104' });
  });

  it('derives the district’s output growth and the city-average start rate with their formulas', async () => {
    const items = await kpis('2023H1');
    const growth = byId(items, 'industrial-output-growth').value;
    expect(growth?.value).toBeCloseTo(-5.4, 10);
    expect(growth?.provenance).toEqual({ kind: 'derived', formula: '2.4 − 7.8 (L81)' });
    const city = byId(items, 'project-start-rate').comparisons[0];
    expect(city?.reference?.value).toBe(58);
    expect(city?.reference?.provenance.kind).toBe('derived');
    expect(fig(city?.difference)).toEqual({ value: 7, unit: 'pp', source: 'L52' });
  });

  it('has no value for a period the report does not cover, and says which periods have one', async () => {
    const signed = byId(await kpis('2022'), 'investment-signed');
    expect(signed.value).toBeNull();
    expect(signed.valuePeriod).toBeNull();
    expect(signed.target).toBeNull();
    expect(signed.availablePeriods).toEqual(['2023H1']);
  });

  it('gives the counts "to date" (截至目前, 今年以来) as of the report’s date, not for the full year', async () => {
    const items = await kpis('2023D0826');
    expect(fig(byId(items, 'little-giants').value)).toEqual({ value: 18, unit: 'firms', source: 'L102' });
    expect(fig(byId(items, 'municipal-srdi-firms').value)).toEqual({ value: 242, unit: 'firms', source: 'L102' });
    expect(fig(byId(items, 'private-support').value)).toEqual({ value: 108, unit: 'firms', source: 'L74' });
    // For the full year the latest figure is the one to the report's date, and says so.
    const fullYear = await kpis('2023');
    for (const id of ['little-giants', 'municipal-srdi-firms', 'private-support']) {
      expect(byId(fullYear, id).period).toBe('2023');
      expect(byId(fullYear, id).valuePeriod).toBe('2023D0826');
      expect(byId(fullYear, id).availablePeriods).toEqual(['2023D0826']);
    }
  });

  it('gives the annual targets for the full year 2023 (and for every period of 2023)', async () => {
    const items = await kpis('2023');
    expect(fig(byId(items, 'manufacturing-investment').target?.value)).toEqual({
      value: 150e8,
      unit: 'cny',
      source: 'L32',
    });
    expect(fig(byId(items, 'industrial-output').target?.value)).toEqual({ value: 1000e8, unit: 'cny', source: 'L32' });
    expect(fig(byId(items, 'industrial-value-added-growth').target?.value)).toEqual({
      value: 8,
      unit: 'percent',
      source: 'L32',
    });
  });

  it('adds a sector’s own figures only when that sector is asked for', async () => {
    expect((await kpis('2023M07')).every((k) => k.sector === null)).toBe(true);
    const auto = (await kpis('2023M07', 'automotive')).filter((k) => k.sector === 'automotive');
    expect(auto.map((k) => k.id).sort()).toEqual(['sector-firms-automotive', 'sector-output-automotive']);
    expect(fig(byId(auto, 'sector-output-automotive').value)).toEqual({ value: 56.67e8, unit: 'cny', source: 'L38' });
    // "目前，全区已拥有规上工业企业53家": a count as of the report, not of Jan–Jul.
    expect(byId(auto, 'sector-firms-automotive').value).toBeNull();
    const toDate = await kpis('2023D0826', 'automotive');
    expect(fig(byId(toDate, 'sector-firms-automotive').value)).toEqual({ value: 53, unit: 'firms', source: 'L38' });
  });

  it('has no trend by default: the report gives no monthly points', async () => {
    expect((await kpis('2023H1')).filter((k) => k.series !== null)).toEqual([]);
  });

  it('keeps the sample’s illustrative trend points consistent with the reported total', async () => {
    server.use(...scenarioHandlers('demo'));
    const series = byId(await kpis('2023H1'), 'key-projects').series!;
    const last = series.points.at(-1)!;
    expect(last).toMatchObject({ period: '2023M06', value: 139.73e8, provenance: { kind: 'reported' } });
    expect(series.points.slice(0, -1).every((p) => p.provenance.kind === 'illustrative')).toBe(true);
    const values = series.points.map((p) => p.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it('answers 400 for an unknown period or sector', async () => {
    await expect(kpis('1999')).rejects.toMatchObject({ kind: 'http', status: 400 });
    await expect(kpis('2023H1', 'tobacco')).rejects.toMatchObject({ kind: 'http', status: 400 });
  });
});

describe('GET /sectors and /sectors/{id}', () => {
  it('has the Jan–Jul output and growth of each reported sector, and null where none is reported', async () => {
    const { items } = await apiGet('/sectors', SectorListSchema, { params: { period: '2023M07' } });
    const out = Object.fromEntries(items.map((s) => [s.id, [s.output?.value ?? null, s.growth?.value ?? null]]));
    expect(out).toEqual({
      electronics: [null, null],
      automotive: [56.67e8, 10.8],
      equipment: [54.66e8, 7.4],
      motorcycle: [null, null],
      materials: [27.36e8, 54.9],
      pharma: [38.62e8, 12.8],
      consumer: [null, null],
      energy: [36.25e8, 8.9],
    });
  });

  it('has electronics’ 2022 output and share', async () => {
    const { items } = await apiGet('/sectors', SectorListSchema, { params: { period: '2022' } });
    const electronics = items.find((s) => s.id === 'electronics')!;
    expect(fig(electronics.output)).toEqual({ value: 550.29e8, unit: 'cny', source: 'L36' });
    expect(fig(electronics.share)).toEqual({ value: 59.9, unit: 'percent', source: 'L36' });
  });

  it('gives a sector’s named firms and project count, and no monthly series the report does not give', async () => {
    const d = await apiGet('/sectors/equipment', SectorDetailSchema, { params: { period: '2023M07' } });
    expect(d.series).toBeNull();
    expect(d.firms.map((f) => f.name)).toEqual(['神驰机电', '广仁能源']);
    // The report names no equipment project; it names three in electronic information.
    expect(d.projectCount).toBe(0);
    const electronics = await apiGet('/sectors/electronics', SectorDetailSchema, { params: { period: '2022' } });
    expect(electronics.projectCount).toBe(3);
  });

  it('in the sample, gives a sector’s monthly series summing to the reported total', async () => {
    server.use(...scenarioHandlers('demo'));
    const d = await apiGet('/sectors/equipment', SectorDetailSchema, { params: { period: '2023M07' } });
    expect(d.series?.points).toHaveLength(7);
    expect(d.series?.points.at(-1)).toMatchObject({ value: 54.66e8, provenance: { source: 'L40' } });
    expect(d.firms.map((f) => f.name)).toEqual(['神驰机电', '广仁能源']);
    expect(d.projectCount).toBeGreaterThan(0);
  });

  it('files no firm under a sector the report does not give it (L44, L100, L104)', async () => {
    const { otherFirms } = await apiGet('/sectors', SectorListSchema, { params: { period: '2023M07' } });
    expect(otherFirms.map((f) => [f.name, f.provenance.source])).toEqual([
      ['川仪', 'L44'],
      ['四联', 'L44'],
      ['颜宏齿轮', 'L44'],
      ['华虹仪表', 'L44'],
      ['重庆川仪十七厂有限公司', 'L100'],
      ['重庆顺多利机车公司', 'L104'],
      ['重庆联航科技有限公司', 'L104'],
    ]);
    const pharma = await apiGet('/sectors/pharma', SectorDetailSchema, { params: { period: '2023M07' } });
    // L104: "推荐迅检…为市级备案新型研发机构": recommended, not (yet) one.
    expect(pharma.firms[0]?.note['zh-CN']).toBe('被推荐为市级备案新型研发机构；获种子基金投资');
  });

  it('carries the figures the report gives about a firm, each with its line (L30, L68)', async () => {
    const { firms } = await apiGet('/sectors/electronics', SectorDetailSchema, { params: { period: '2022' } });
    const facts = Object.fromEntries(
      firms.map((f) => [f.name, f.facts?.map((x) => [x.value.value, x.value.unit, x.value.provenance.source])]),
    );
    expect(facts['中科光智(重庆)科技有限公司']).toEqual([
      [90, 'days', 'L30'],
      [580e4, 'cny', 'L30'],
      [1500e4, 'cny', 'L30'],
    ]);
    expect(facts['斯太宝科技有限公司']).toEqual([[40e4, 'cny', 'L68']]);
  });

  it('answers 404 for an unknown sector', async () => {
    await expect(apiGet('/sectors/tobacco', SectorDetailSchema)).rejects.toMatchObject({ kind: 'http', status: 404 });
  });
});

describe('GET /projects, on the sample dataset', () => {
  const page = (params: Record<string, string | number>) => apiGet('/projects', ProjectPageSchema, { params });
  beforeEach(() => server.use(...scenarioHandlers('demo')));

  it('holds the 198 key projects whose H1 completed investment sums to 139.73亿元 at 119.8 % of plan', async () => {
    const all = await page({ pageSize: 500 });
    expect(all.total).toBe(198);
    expect(all.totals.completed).toBe(139.73e8);
    expect(Math.round((all.totals.completed / all.totals.planned) * 1000) / 10).toBe(119.8);
    expect(all.items.reduce((a, p) => a + (p.completed?.value ?? 0), 0)).toBe(139.73e8);
  });

  it('holds the 22 municipal key projects led by the district: 19.23亿元 at 139.2 % of plan', async () => {
    const municipal = await page({ level: 'municipal', pageSize: 100 });
    expect(municipal.total).toBe(22);
    expect(municipal.totals.completed).toBe(19.23e8);
    expect(Math.round((municipal.totals.completed / municipal.totals.planned) * 1000) / 10).toBe(139.2);
  });

  it('filters by stage and keeps per-stage totals for the other filters', async () => {
    const prelim = await page({ stage: 'preliminary', pageSize: 100 });
    const names = prelim.items.map((p) => p.name);
    expect(names).toContain('宝山大桥西延段');
    expect(names).not.toContain('宝山嘉陵江大桥');
    expect(prelim.items.every((p) => p.stage === 'preliminary')).toBe(true);
    expect(prelim.stageTotals.reduce((a, s) => a + s.count, 0)).toBe(198);
  });

  it('searches names and descriptions by Chinese substring', async () => {
    expect((await page({ q: '高铁' })).items.map((p) => p.name)).toEqual(['渝西高铁北碚段']);
    expect((await page({ q: '446米' })).items.map((p) => p.name)).toEqual(['渝武高速公路复线']);
  });

  it('sorts by any field in both directions and pages through the whole set', async () => {
    const asc = await page({ sort: 'completed', pageSize: 500 });
    const values = asc.items.map((p) => p.completed?.value ?? -1);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const desc = await page({ sort: '-completed', pageSize: 500 });
    expect(desc.items[0]?.completed?.value).toBe(Math.max(...values));
    const p1 = await page({ sort: 'name', pageSize: 50, page: 1 });
    const p4 = await page({ sort: 'name', pageSize: 50, page: 4 });
    expect(p1.items).toHaveLength(50);
    expect(p4.items).toHaveLength(48);
    expect(new Set([...p1.items, ...p4.items].map((p) => p.id)).size).toBe(98);
  });

  it('rejects an unknown filter value with 400 rather than guessing', async () => {
    await expect(page({ stage: 'dreaming' })).rejects.toMatchObject({ kind: 'http', status: 400 });
    await expect(page({ pageSize: 100000 })).rejects.toMatchObject({ kind: 'http', status: 400 });
  });
});

describe('GET /projects/{id}', () => {
  it('gives a named project with its reported milestones', async () => {
    const p = await apiGet('/projects/yuwu-expressway-second-line', ProjectDetailSchema);
    expect(p.provenance).toEqual({ kind: 'reported', source: 'L48' });
    // "近日" and "明年": the report gives no day, so neither does the milestone.
    expect(p.milestones.map((m) => [m.label['zh-CN'], m.done, m.precision, m.provenance.source])).toEqual([
      ['近日，施家梁互通主线桥（446米）上跨绕城高速T型梁架桥全部完成', true, 'before', 'L48'],
      ['计划2024年通车（报告：“明年如期通车”）', false, 'year', 'L48'],
    ]);
    expect(p.datePrecision).toEqual({ expectedCompletion: 'year' });
    expect(p.facts?.map((f) => [f.value.value, f.value.unit, f.value.provenance.source])).toEqual([
      [446, 'metres', 'L48'],
    ]);
  });

  it('answers 404 for an unknown project', async () => {
    const error = await apiGet('/projects/nope', ProjectDetailSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 404 });
  });
});
