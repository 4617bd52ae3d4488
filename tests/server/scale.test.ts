/**
 * The scale sample (data/scale.ts): the same on every run, consistent in every month, and its
 * monthly workbooks import without an error and publish — here across the year's turn, where
 * the catalog changes and the running totals restart (`npm run bench:scale` and
 * `npm run demo:scale` publish all 36).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { SCALE_MONTHS, SCALE_PROJECT_COUNT, scaleDataset } from '../../data/scale';
import { loadDataset } from '../../server/db/publish';
import { publishedVersion } from '../../server/db/versions';
import { prepareImport } from '../../server/import/prepare';
import { loadScale, scaleWorkbook } from '../../server/import/scale';
import type { ScaleStep } from '../../server/import/scale';
import { contrastRatio, MetaSchema, MIN_SECTOR_CONTRAST, THEME_SURFACES } from '../../src/api/meta';
import { KpiListSchema } from '../../src/api/kpis';
import { startService } from './harness';
import type { TestServer } from './harness';

const last = scaleDataset('2025M12');
const byMonth = new Map(SCALE_MONTHS.map((m) => [m, scaleDataset(m)]));
const value = (d: Dataset, kpi: string, period: string) =>
  d.kpis.find((k) => k.id === kpi)?.values[period]?.value.value;

describe('the scale sample', () => {
  it('is the same on every run', async () => {
    vi.resetModules();
    const fresh = (await import('../../data/scale')).scaleDataset('2025M12');
    expect(fresh).not.toBe(last);
    expect(fresh).toEqual(last);
  });

  it('has 36 months, 40 indicators, 12 sectors and 2,000 projects, its catalog growing each January', () => {
    expect(SCALE_MONTHS).toHaveLength(36);
    expect([SCALE_MONTHS[0], SCALE_MONTHS.at(-1)]).toEqual(['2023M01', '2025M12']);
    const sizes = (m: string) => {
      const d = byMonth.get(m);
      return [d?.kpis.length, d?.meta.sectors.length, d?.projects.length];
    };
    expect(sizes('2023M12')).toEqual([38, 10, SCALE_PROJECT_COUNT]);
    expect(sizes('2024M01')).toEqual([39, 11, SCALE_PROJECT_COUNT]);
    expect(sizes('2025M12')).toEqual([40, 12, 2000]);
    expect(last.meta.sectors.slice(0, 8)).toEqual(reportDataset.meta.sectors);
    // About half the indicators have a target for the year.
    expect(last.kpis.filter((k) => k.target?.period === '2025').length).toBeGreaterThanOrEqual(18);
  });

  it('is illustrative throughout and labelled as sample data', () => {
    expect(last.meta.sample).toBe(true);
    const kinds = new Set([
      ...last.kpis.flatMap((k) => Object.values(k.values).map((v) => v?.value.provenance.kind)),
      ...last.sectorFigures.map((f) => f.output?.provenance.kind),
      ...last.projects.map((p) => p.provenance.kind),
    ]);
    expect([...kinds]).toEqual(['illustrative']);
  });

  it('never lowers a running total within a year, and restarts it in January', () => {
    for (const k of last.kpis.filter((x) => x.cumulative)) {
      const points = Object.entries(k.values).sort(([a], [b]) => a.localeCompare(b));
      for (const [i, [period, v]] of points.entries()) {
        const [before, earlier] = points[i - 1] ?? [];
        if (before?.slice(0, 4) === period.slice(0, 4)) {
          expect(v?.value.value, `${k.id} ${period}`).toBeGreaterThanOrEqual(earlier?.value.value ?? 0);
        }
      }
      expect(value(last, k.id, '2025M12') ?? 0).toBeGreaterThan(value(last, k.id, '2025M03') ?? 0);
    }
    expect(value(last, 'retail-sales', '2025M01') ?? 0).toBeLessThan((value(last, 'retail-sales', '2024M12') ?? 0) / 5);
  });

  it('adds up: sectors to the district, parts to their whole, 同比 to the year before', () => {
    for (const month of SCALE_MONTHS) {
      const rows = last.sectorFigures.filter((f) => f.period === month);
      const sum = (pick: (f: (typeof rows)[number]) => number | undefined) =>
        rows.reduce((a, f) => a + (pick(f) ?? 0), 0);
      expect(sum((f) => f.share?.value)).toBeCloseTo(100, 6);
      expect(sum((f) => f.output?.value)).toBe(value(last, 'industrial-output', month));
      expect(sum((f) => f.firms?.value)).toBe(value(last, 'above-scale-firms', month));
      const v = (kpi: string) => value(last, kpi, month) ?? NaN;
      expect(v('tax-revenue')).toBeLessThan(v('public-budget-revenue'));
      expect(v('manufacturing-investment')).toBeLessThan(v('industrial-investment'));
      expect(v('industrial-investment')).toBeLessThan(v('fixed-asset-investment'));
      expect(v('exports') + v('imports')).toBe(v('foreign-trade'));
      expect(v('investment-arrived')).toBeLessThan(v('investment-signed'));
    }
    for (const k of last.kpis) {
      for (const [period, v] of Object.entries(k.values)) {
        const yearBefore = k.values[`${Number(period.slice(0, 4)) - 1}${period.slice(4)}`]?.value.value;
        if (!v?.yoy || !yearBefore) continue;
        expect(v.yoy.value, `${k.id} ${period}`).toBeCloseTo((v.value.value / yearBefore - 1) * 100, 1);
      }
    }
  });

  it('moves its projects through the stages, completed never above planned, adding up to the key-projects figure', () => {
    const order = ['negotiating', 'signed', 'preliminary', 'construction', 'completed'];
    let previous: Dataset | null = null;
    for (const [month, d] of byMonth) {
      let completed = 0;
      for (const [i, p] of d.projects.entries()) {
        if (p.planned && p.completed) expect(p.completed.value).toBeLessThanOrEqual(p.planned.value);
        completed += p.completed?.value ?? 0;
        const before = previous?.projects[i];
        if (before) expect(order.indexOf(p.stage)).toBeGreaterThanOrEqual(order.indexOf(before.stage));
      }
      expect(Math.abs(completed - (value(last, 'key-projects', month) ?? 0))).toBeLessThanOrEqual(5e5);
      previous = d;
    }
    const stages = (d: Dataset | undefined) => d?.projects.filter((p) => p.stage === 'completed').length ?? 0;
    expect(stages(byMonth.get('2025M12'))).toBeGreaterThan(stages(byMonth.get('2023M01')));
  });

  it('colours its new sectors so that they stand out in both themes', () => {
    for (const { id, color } of last.meta.sectors) {
      for (const theme of ['light', 'dark'] as const) {
        expect(contrastRatio(color?.[theme] ?? '', THEME_SURFACES[theme]), `${id} ${theme}`).toBeGreaterThanOrEqual(
          MIN_SECTOR_CONTRAST,
        );
      }
    }
  });
});

describe('the scale sample’s workbooks', () => {
  let server: TestServer;
  let steps: ScaleStep[];
  let published: Dataset;

  beforeAll(async () => {
    // November 2023 as published, then December and January through the monthly import.
    server = await startService({ seed: () => scaleDataset('2023M11') });
    steps = await loadScale(server.service.database(), { months: ['2023M12', '2024M01'] });
    const current = await publishedVersion(server.service.database());
    published = await loadDataset(server.service.database(), current?.id ?? 0);
    await server.service.poll();
  }, 60_000);
  afterAll(() => server.stop());

  it('the first goes on top of the report with no error, making the database sample data', async () => {
    const { report } = await prepareImport({
      bytes: await scaleWorkbook('2023M01'),
      fileName: 'x.xlsx',
      base: reportDataset,
      baseVersion: 1,
      today: '2026-12-07',
    });
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => i.code)).toContain('becomes_sample');
  });

  it('publish a version a month, across the year’s turn', () => {
    expect(steps.map((s) => [s.month, s.version])).toEqual([
      ['2023M12', 2],
      ['2024M01', 3],
    ]);
  });

  it('publish the sample as the office had it: January’s new indicator and sector, its figures and projects', async () => {
    const expected = scaleDataset('2024M01');
    const figures = (d: Dataset) =>
      d.kpis.map((k) => [k.id, Object.entries(k.values).map(([p, v]) => [p, v?.value.value])]);
    expect(figures(published)).toEqual(figures(expected));
    expect(published.sectorFigures.map((f) => [f.sector, f.period, f.output?.value, f.share?.value])).toEqual(
      expected.sectorFigures.map((f) => [f.sector, f.period, f.output?.value, f.share?.value]),
    );
    expect(published.projects.map((p) => [p.id, p.stage, p.completed?.value])).toEqual(
      expected.projects.map((p) => [p.id, p.stage, p.completed?.value]),
    );
    const meta = MetaSchema.parse(await (await server.request('/api/v1/meta')).json());
    expect(meta.sample).toBe(true);
    expect(meta.sectors.map((s) => s.id)).toContain('instruments');
    expect(meta.periods.map((p) => p.id).slice(-3)).toEqual(['2023M12', '2024M01', '2024']);
    const kpis = KpiListSchema.parse(await (await server.request('/api/v1/kpis?period=2024M01')).json());
    const online = kpis.items.find((k) => k.id === 'online-retail');
    expect(online?.value?.value).toBe(value(expected, 'online-retail', '2024M01'));
    expect(online?.target?.period).toBe('2024');
  });
});
