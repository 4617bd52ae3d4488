import { describe, expect, it } from 'vitest';
import type { Provenance, Series } from '../api/common';
import { monthOnMonth, monthValue, yearOnYear } from './derive';

const imported = (row: number): Provenance => ({
  kind: 'imported',
  import: { file: 'month.xlsx', version: 3, sheet: '指标', row },
});
const series = (cumulative: boolean, values: Record<string, number>, provenance = imported): Series => ({
  unit: 'cny',
  cumulative,
  points: Object.entries(values).map(([period, value], i) => ({ period, value, provenance: provenance(i + 2) })),
});

/** 1–n月累计 over a year's turn: the total starts again in January. */
const totals = series(true, {
  '2023M01': 10e8,
  '2023M11': 200e8,
  '2023M12': 230e8,
  '2024M01': 12e8,
  '2024M02': 27e8,
  '2024M12': 250e8,
});

describe('the month’s own value (当月)', () => {
  it('is the difference of two cumulative totals, marked derived with both periods', () => {
    expect(monthValue(totals, '2024M02')).toEqual({
      period: '2024M02',
      value: 15e8,
      provenance: { kind: 'derived', formula: '2024M02 − 2024M01' },
    });
    expect(monthValue(totals, '2023M12')?.value).toBe(30e8);
  });

  it('is January’s total in January: the sum restarts, nothing is subtracted from December', () => {
    expect(monthValue(totals, '2024M01')).toEqual({ period: '2024M01', value: 12e8, provenance: imported(5) });
  });

  it('is unknown when the month before is missing, and for periods that are not months', () => {
    expect(monthValue(totals, '2024M12')).toBeNull();
    expect(monthValue(totals, '2023H1')).toBeNull();
    expect(monthValue(totals, '2024M03')).toBeNull();
  });

  it('is the point itself in a series of the months’ own values', () => {
    const own = series(false, { '2024M01': 5, '2024M02': 6 });
    expect(monthValue(own, '2024M02')).toEqual(own.points[1]);
  });

  it('derived from an illustrative total is illustrative', () => {
    const sample = series(true, { '2024M01': 1, '2024M02': 3 }, () => ({ kind: 'illustrative' }));
    expect(monthValue(sample, '2024M02')?.provenance).toEqual({ kind: 'illustrative' });
  });
});

describe('环比 (against the month before)', () => {
  it('compares the months’ own values, in percent to one decimal', () => {
    // 当月 February 15亿 against January 12亿: +25.0 %.
    expect(monthOnMonth(totals, '2024M02')).toEqual({
      value: 25,
      unit: 'percent',
      digits: 3,
      provenance: { kind: 'derived', formula: '当月 2024M02 ÷ 当月 2024M01 − 1' },
    });
  });

  it('compares January with December of the year before (December’s own value, not its total)', () => {
    // 当月 December 2023: 230 − 200 = 30亿; January 2024: 12亿 → −60.0 %.
    expect(monthOnMonth(totals, '2024M01')?.value).toBe(-60);
    expect(monthOnMonth(totals, '2024M01')?.provenance).toEqual({
      kind: 'derived',
      formula: '当月 2024M01 ÷ 当月 2023M12 − 1',
    });
  });

  it('is unknown without the month before’s own value, or against zero', () => {
    expect(monthOnMonth(totals, '2023M12')).toBeNull();
    expect(monthOnMonth(series(false, { '2024M01': 0, '2024M02': 6 }), '2024M02')).toBeNull();
  });
});

describe('同比 (against the same period a year earlier)', () => {
  it('compares cumulative totals of the same months', () => {
    expect(yearOnYear(totals, '2024M01')).toMatchObject({ value: 20, unit: 'percent', digits: 3 });
    expect(yearOnYear(totals, '2024M12')).toMatchObject({
      value: 8.7,
      digits: 2,
      provenance: { kind: 'derived', formula: '2024M12 ÷ 2023M12 − 1' },
    });
  });

  it('is unknown without the year before', () => {
    expect(yearOnYear(totals, '2024M02')).toBeNull();
  });
});

describe('the change of a rate (a percentage) or of a rank', () => {
  /** 城镇调查失业率 by month, a rate: its changes are in percentage points, as statistics print them. */
  const rate = (values: Record<string, number>): Series => ({ ...series(false, values), unit: 'percent' });
  const unemployment = rate({ '2024M09': 5.2, '2024M10': 5.1, '2025M09': 5.3, '2025M10': 5.4 });

  it('is in percentage points, the later rate less the earlier: 5.4% against 5.1% is up 0.3, not 5.9%', () => {
    expect(yearOnYear(unemployment, '2025M10')).toEqual({
      value: 0.3,
      unit: 'pp',
      digits: 1,
      provenance: { kind: 'derived', formula: '2025M10 − 2024M10' },
    });
    expect(monthOnMonth(unemployment, '2024M10')).toEqual({
      value: -0.1,
      unit: 'pp',
      digits: 1,
      provenance: { kind: 'derived', formula: '当月 2024M10 − 当月 2024M09' },
    });
  });

  it('is known from a rate of zero or below, which is no base for a percentage but is one for points', () => {
    expect(yearOnYear(rate({ '2024M03': -1.2, '2025M03': 2.4 }), '2025M03')).toMatchObject({ value: 3.6, unit: 'pp' });
  });

  it('is none for a rank (位次) or a figure already in points', () => {
    const rank: Series = { ...series(false, { '2024M06': 5, '2025M06': 3 }), unit: 'rank' };
    expect(yearOnYear(rank, '2025M06')).toBeNull();
    expect(yearOnYear({ ...rank, unit: 'pp' }, '2025M06')).toBeNull();
  });
});
