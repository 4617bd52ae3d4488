/**
 * /kpis derives what a monthly figure's catalog entry allows: 当月 of a running total (累计),
 * 环比 of the months' own values, and 同比 where the office gave none; each marked derived, with
 * its formula. An indicator whose catalog does not say how it adds up gets neither 当月 nor 环比.
 */
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../data/dataset';
import { reportDataset } from '../../data/dataset';
import type { KpiDefinition } from '../../data/report';
import type { Measure, PeriodId } from '../../src/api/common';
import { kpiFor } from '../../server/answers/figures';

const MONTHS: PeriodId[] = ['2023M01', '2023M11', '2023M12', '2024M01', '2024M02'];
const meta: DatasetMeta = { ...reportDataset.meta, periods: MONTHS.map((id) => ({ id, kind: 'actual' })) };
const imported = (row: number): Measure['provenance'] => ({
  kind: 'imported',
  import: { file: 'month.xlsx', version: 5, sheet: '指标', row },
});
const yi = (v: number, row: number): Measure => ({ value: v * 1e8, unit: 'cny', provenance: imported(row) });

/** 社会消费品零售总额, 1–n月累计 in 亿元. */
const retail = (over: Partial<KpiDefinition> = {}): KpiDefinition => ({
  id: 'retail-sales',
  group: 'industry',
  label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales of consumer goods' },
  sector: null,
  headline: true,
  cumulative: true,
  values: {
    '2023M01': { value: yi(10, 2) },
    '2023M11': { value: yi(200, 3) },
    '2023M12': { value: yi(230, 4) },
    '2024M01': { value: yi(12, 5) },
    '2024M02': { value: yi(27, 6), yoy: { value: 9.9, unit: 'percent', provenance: imported(6) } },
  },
  ...over,
});

describe('/kpis on a monthly running total', () => {
  it('gives February’s own value and 环比, marked derived; the office’s 同比 stays as given', () => {
    const kpi = kpiFor(meta, retail(), '2024M02');
    expect(kpi.monthValue).toMatchObject({
      value: 15e8,
      unit: 'cny',
      provenance: { kind: 'derived', formula: '2024M02 − 2024M01' },
    });
    expect(kpi.mom).toMatchObject({ value: 25, unit: 'percent', provenance: { kind: 'derived' } });
    expect(kpi.yoy).toEqual({ value: 9.9, unit: 'percent', provenance: imported(6) });
  });

  it('starts again in January: its own value is its total, 环比 is against December’s own value, 同比 derived', () => {
    const kpi = kpiFor(meta, retail(), '2024M01');
    expect(kpi.monthValue?.value).toBe(12e8);
    // December 2023: 230 − 200 = 30亿; January 2024: 12亿.
    expect(kpi.mom).toMatchObject({ value: -60, provenance: { formula: '当月 2024M01 ÷ 当月 2023M12 − 1' } });
    expect(kpi.yoy).toMatchObject({ value: 20, provenance: { kind: 'derived', formula: '2024M01 ÷ 2023M01 − 1' } });
  });

  it('derives neither 当月 nor 环比 when the catalog does not say how the figure adds up', () => {
    const kpi = kpiFor(meta, retail({ cumulative: undefined }), '2024M02');
    expect(kpi.monthValue).toBeNull();
    expect(kpi.mom).toBeNull();
  });

  it('takes a level’s own value as the month’s: 环比 of the values, no 当月', () => {
    const kpi = kpiFor(meta, retail({ cumulative: false }), '2024M02');
    expect(kpi.monthValue).toBeNull();
    expect(kpi.mom?.value).toBe(125);
  });
});
