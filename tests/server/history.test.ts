/**
 * An indicator's history (`/kpis/{id}/history`): every period it has in order, the month's own
 * value of a running total derived with its formula (January's is its total: the sum restarts),
 * 同比 as given or derived, missing months left missing; answered by the data service once per
 * version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../../data/report';
import { SCALE_MONTHS, scaleDataset } from '../../data/scale';
import { historyOf } from '../../server/answers/history';
import type { PeriodId, Provenance } from '../../src/api/common';
import { KpiHistorySchema } from '../../src/api/history';
import { startService } from './harness';
import type { TestServer } from './harness';

const imported = (row: number): Provenance => ({
  kind: 'imported',
  import: { file: '月报.xlsx', version: 2, sheet: '指标', row },
});
const yi = (value: number, row: number) => ({
  value: { value: value * 1e8, unit: 'cny' as const, provenance: imported(row) },
});

/** A running total over 2023M10–2024M03, 2024M02 not reported. */
const runningTotal = (cumulative: boolean | undefined): KpiDefinition => ({
  id: 'retail-sales',
  group: 'consumption',
  label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales' },
  sector: null,
  headline: false,
  cumulative,
  values: {
    '2023M10': yi(100, 10),
    '2023M11': yi(112, 11),
    '2023M12': yi(125, 12),
    '2024M01': yi(11, 13),
    '2024M03': yi(33, 15),
    '2023H2': yi(60, 16),
  },
});
const PERIODS: PeriodId[] = ['2023M10', '2023M11', '2023M12', '2023H2', '2024M01', '2024M02', '2024M03', '2024'];

describe('historyOf: an indicator over its periods', () => {
  const history = historyOf(runningTotal(true), PERIODS);
  const at = (period: PeriodId) => history.points.find((p) => p.period === period);

  it('lists every period with a value in the order of their ends, the shorter first on the same end', () => {
    expect(history.points.map((p) => p.period)).toEqual([
      '2023M10',
      '2023M11',
      '2023H2',
      '2023M12',
      '2024M01',
      '2024M03',
    ]);
    expect(at('2023M11')?.value.provenance).toEqual(imported(11));
  });

  it('derives the month’s own value (当月) from the totals, with its formula', () => {
    expect(at('2023M11')?.monthValue).toEqual({
      value: 12e8,
      unit: 'cny',
      provenance: { kind: 'derived', formula: '2023M11 − 2023M10' },
    });
    expect(at('2023M10')?.monthValue).toBeNull();
  });

  it('starts again in January: its own value is its total, as reported, and 环比 compares it with December’s own', () => {
    expect(at('2024M01')?.monthValue).toEqual({ value: 11e8, unit: 'cny', provenance: imported(13) });
    expect(at('2024M01')?.mom).toMatchObject({
      value: -15.4,
      unit: 'percent',
      provenance: { kind: 'derived', formula: '当月 2024M01 ÷ 当月 2023M12 − 1' },
    });
  });

  it('derives nothing across a missing month', () => {
    expect(at('2024M03')?.monthValue).toBeNull();
    expect(at('2024M03')?.mom).toBeNull();
    expect(at('2023H2')?.monthValue).toBeNull();
  });

  it('derives no 当月 where the catalog does not say the figures are running totals', () => {
    const unknown = historyOf(runningTotal(undefined), PERIODS);
    expect(unknown.cumulative).toBeNull();
    expect(unknown.points.every((p) => p.monthValue === null && p.mom === null)).toBe(true);
    const levels = historyOf(runningTotal(false), PERIODS);
    expect(levels.points.find((p) => p.period === '2023M11')?.monthValue).toBeNull();
    expect(levels.points.find((p) => p.period === '2023M11')?.mom?.value).toBe(12);
  });

  it('takes 同比 as given, else derives it from the same period a year earlier', () => {
    const def = runningTotal(true);
    def.values['2024M01'] = { ...yi(11, 13), yoy: { value: 4.2, unit: 'percent', provenance: imported(13) } };
    def.values['2023M01'] = yi(10, 1);
    def.values['2023M03'] = yi(30, 3);
    const h = historyOf(def, ['2023M01', '2023M03', ...PERIODS]);
    expect(h.points.find((p) => p.period === '2024M01')?.yoy?.value).toBe(4.2);
    expect(h.points.find((p) => p.period === '2024M03')?.yoy).toMatchObject({
      value: 10,
      provenance: { kind: 'derived', formula: '2024M03 ÷ 2023M03 − 1' },
    });
    expect(h.points.find((p) => p.period === '2023M10')?.yoy).toBeNull();
  });
});

describe('GET /api/v1/kpis/{id}/history on the scale sample’s first 14 months', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Its projects have no part in the figures' history: left out, the database is seeded in a moment.
    server = await startService({ seed: () => ({ ...scaleDataset('2024M02'), projects: [] }) });
  });
  afterAll(() => server.stop());

  const history = async (id: string) => {
    const res = await server.request(`/api/v1/kpis/${id}/history`);
    expect(res.status).toBe(200);
    return KpiHistorySchema.parse(await res.json());
  };

  it('answers a running total over every month, 当月 restarting in January, 同比 from the year before', async () => {
    const h = await history('industrial-output');
    expect(h.cumulative).toBe(true);
    expect(h.points.map((p) => p.period)).toEqual([...SCALE_MONTHS.slice(0, 14)]);
    const [dec, jan, feb] = [h.points[11], h.points[12], h.points[13]];
    expect(jan?.monthValue?.value).toBe(jan?.value.value);
    expect(feb?.monthValue?.value).toBe((feb?.value.value ?? 0) - (jan?.value.value ?? 0));
    expect(dec?.monthValue?.value).toBeGreaterThan(0);
    expect(jan?.mom?.value).toBeCloseTo(((jan?.value.value ?? 0) / (dec?.monthValue?.value ?? 1) - 1) * 100, 0);
    expect(jan?.yoy).not.toBeNull();
    expect(h.targets.map((t) => t.period)).toEqual(['2024']);
  });

  it('answers a quarterly figure with its quarters only', async () => {
    expect((await history('gdp')).points.map((p) => p.period)).toEqual(['2023M03', '2023M06', '2023M09', '2023M12']);
  });

  it('is computed once per version: the same ETag, and 304 to it', async () => {
    const first = await server.request('/api/v1/kpis/gdp/history');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"v\d+-/);
    const again = await server.request('/api/v1/kpis/gdp/history', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 to an indicator the version does not have, and 400 to a parameter', async () => {
    const missing = await server.request('/api/v1/kpis/no-such-figure/history');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    expect((await server.request('/api/v1/kpis/gdp/history?sector=electronics')).status).toBe(400);
  });
});
