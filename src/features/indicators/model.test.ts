import { describe, expect, it } from 'vitest';
import type { Measure, PeriodId, Provenance } from '../../api/common';
import type { KpiHistory, KpiHistoryPoint } from '../../api/history';
import { pickedPoint, sameMonthsOf, trendOf } from './model';

const imported: Provenance = { kind: 'imported', import: { file: '月报.xlsx', version: 3, sheet: '指标', row: 4 } };
const yi = (v: number, provenance: Provenance = imported): Measure => ({ value: v * 1e8, unit: 'cny', provenance });
const pct = (v: number): Measure => ({ value: v, unit: 'percent', provenance: imported });

const point = (period: PeriodId, value: Measure, rest: Partial<KpiHistoryPoint> = {}): KpiHistoryPoint => ({
  period,
  value,
  monthValue: null,
  yoy: null,
  mom: null,
  planCompletion: null,
  ...rest,
});

const history = (points: KpiHistoryPoint[], cumulative: boolean | null = true): KpiHistory => ({
  id: 'retail-sales',
  group: 'consumption',
  label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales' },
  sector: null,
  cumulative,
  points,
  targets: [],
});

const derived = (formula: string): Provenance => ({ kind: 'derived', formula });

/** Nov 2023 – Feb 2025, March 2024 missing. */
const months = history([
  point('2023M11', yi(112)),
  point('2023M12', yi(125), { monthValue: yi(13, derived('2023M12 − 2023M11')) }),
  point('2024M01', yi(11), { monthValue: yi(11), yoy: pct(4.2) }),
  point('2024M02', yi(21), { monthValue: yi(10, derived('2024M02 − 2024M01')) }),
  point('2024M11', yi(120)),
  point('2024M12', yi(134), { yoy: pct(7.2) }),
  point('2025M01', yi(12), { yoy: pct(9.1) }),
  point('2025M02', yi(23, { kind: 'illustrative' })),
]);

describe('the trend: every period, the month’s own value beside a running total', () => {
  it('draws the values and the derived months, never an illustrative value', () => {
    const trend = trendOf(months);
    expect(trend.data.slice(0, 4)).toEqual([
      { period: '2023M11', value: 112e8, month: null },
      { period: '2023M12', value: 125e8, month: 13e8 },
      { period: '2024M01', value: 11e8, month: 11e8 },
      { period: '2024M02', value: 21e8, month: 10e8 },
    ]);
    expect(trend.data.at(-1)).toEqual({ period: '2025M02', value: null, month: null });
    expect(trend.hasMonth).toBe(true);
    expect(trend.few).toBe(false);
  });

  it('says too few to draw below three known values (the report’s dataset)', () => {
    const two = trendOf(history([point('2023H1', yi(180)), point('2023D0826', yi(205.6))], null));
    expect(two.few).toBe(true);
    expect(two.hasMonth).toBe(false);
  });
});

describe('the same months of each year', () => {
  const same = sameMonthsOf(months);

  it('puts December and January in rows of their own: the sum starts again each January', () => {
    expect(same.years).toEqual([2023, 2024, 2025]);
    expect(same.months.map((m) => m.month)).toEqual([1, 2, 11, 12]);
    const jan = same.months[0]?.byYear;
    expect([...(jan?.keys() ?? [])]).toEqual([2024, 2025]);
    expect(jan?.get(2025)?.point.yoy?.value).toBe(9.1);
    expect(same.months[3]?.byYear.get(2023)?.point.value.value).toBe(125e8);
    expect(same.single).toBe(false);
  });

  it('leaves a month a year lacks empty, and an illustrative value listed but not drawn', () => {
    expect(same.months[2]?.byYear.get(2025)).toBeUndefined();
    expect(same.months[1]?.byYear.get(2025)).toMatchObject({ drawn: null, point: { period: '2025M02' } });
  });

  it('leaves out periods that are not months, and says when no month has two years', () => {
    const one = sameMonthsOf(history([point('2023H1', yi(180)), point('2023M07', yi(205)), point('2023M08', yi(230))]));
    expect(one.months.map((m) => m.month)).toEqual([7, 8]);
    expect(one.single).toBe(true);
    expect(sameMonthsOf(history([point('2023H1', yi(180))])).months).toEqual([]);
  });
});

describe('the period the address picks', () => {
  it('is that period when the indicator has it, else the latest before it', () => {
    expect(pickedPoint(months, '2024M02')).toBe('2024M02');
    expect(pickedPoint(months, '2024M07')).toBe('2024M02');
    expect(pickedPoint(months, '2023M01')).toBeNull();
    expect(pickedPoint(months, null)).toBeNull();
  });
});
