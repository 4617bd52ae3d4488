import { describe, expect, it } from 'vitest';
import type { Measure } from '../api/common';
import type { Target } from '../api/kpis';
import { paceOf, paceVerdict } from './pace';

const yi = (v: number): Measure => ({ value: v * 1e8, unit: 'cny', provenance: { kind: 'reported', source: 'L52' } });
const annual = (v: number, kind: Target['kind'] = 'cumulative'): Target => ({
  period: '2023',
  kind,
  value: kind === 'level' ? { value: v, unit: 'percent', provenance: { kind: 'reported', source: 'L32' } } : yi(v),
});

describe('paceOf', () => {
  it('signed 180 of 400亿元 at the end of June is 45.0 % against 49.6 % elapsed: behind by 4.6 points', () => {
    const pace = paceOf(yi(180), annual(400), '2023H1');
    expect(pace.kind).toBe('behind');
    expect(pace.progress).toBeCloseTo(0.45, 6);
    expect(pace.elapsed).toBeCloseTo(181 / 365, 6);
    expect(pace.gapPoints).toBe(-4.6);
  });

  it('is ahead when progress exceeds the elapsed share of the year', () => {
    const pace = paceOf(yi(100), annual(150), '2023H1');
    expect(pace.kind).toBe('ahead');
    expect(pace.gapPoints).toBe(17.1);
  });

  it('is on schedule when progress equals the elapsed share to one decimal', () => {
    // 212 of 365 days at the end of July: 58.08 %; 58.08 of 100 is on schedule.
    expect(paceOf(yi(58.08), annual(100), '2023M07').kind).toBe('onSchedule');
  });

  it('says there is no target when there is none, or it belongs to another year', () => {
    expect(paceOf(yi(180), null, '2023H1').kind).toBe('noTarget');
    expect(paceOf(yi(180), annual(400), '2022').kind).toBe('noTarget');
  });

  it('says there is no value when the period has none', () => {
    expect(paceOf(null, annual(400), '2023H1').kind).toBe('noValue');
  });

  it('judges a level target by the value itself, with no elapsed share', () => {
    const growth = { value: 6.5, unit: 'percent', provenance: { kind: 'illustrative' } } as const;
    const pace = paceOf(growth, annual(8, 'level'), '2023H1');
    expect(pace).toEqual({ kind: 'behind', progress: null, elapsed: null, gapPoints: -1.5 });
  });

  it('judges a level target of a lower-is-better figure the other way: below it is ahead', () => {
    const unemployment = { value: 5.2, unit: 'percent', provenance: { kind: 'illustrative' } } as const;
    expect(paceOf(unemployment, annual(5.5, 'level'), '2023H1', 'lower')).toEqual({
      kind: 'ahead',
      progress: null,
      elapsed: null,
      gapPoints: -0.3,
    });
    expect(paceOf({ ...unemployment, value: 5.8 }, annual(5.5, 'level'), '2023H1', 'lower').kind).toBe('behind');
    expect(paceOf(unemployment, annual(5.5, 'level'), '2023H1', 'neutral').kind).toBe('behind');
  });
});

describe('paceVerdict', () => {
  it('is behind, on or ahead of schedule by the gap as printed, to one decimal point', () => {
    // Signed 180 of 400亿元 at the end of June (181 of 365 days): 45.0 % vs 49.6 %.
    expect(paceVerdict(180 / 400, 181 / 365)).toBe('behind');
    expect(paceVerdict(0.6, 181 / 365)).toBe('ahead');
    // 49.61 % and 49.59 % both print as 49.6 %: on schedule, not "ahead by 0.0".
    expect(paceVerdict(0.4961, 0.4959)).toBe('onSchedule');
    expect(paceVerdict(0.4959, 0.4961)).toBe('onSchedule');
    // A gap that prints as 0.1 is a gap.
    expect(paceVerdict(0.4971, 0.4959)).toBe('ahead');
    expect(paceVerdict(0.4949, 0.4961)).toBe('behind');
  });

  it('is exceeded once the annual target is reached, whatever the share of the year elapsed', () => {
    expect(paceVerdict(1, 0.5)).toBe('exceeded');
    expect(paceVerdict(1, 1)).toBe('exceeded');
    expect(paceVerdict(1.2, 1)).toBe('exceeded');
    expect(paceVerdict(0.999, 0.5)).toBe('ahead');
  });

  it('is the verdict the tiles print: paceOf judges a cumulative target by it', () => {
    // 420 of 400亿元 by the end of June: 105 %, the target reached, not "ahead by 55.4 points".
    const reached = paceOf(yi(420), annual(400), '2023H1');
    expect(reached.kind).toBe('exceeded');
    expect(reached.gapPoints).toBe(55.4);
    for (const [value, period] of [
      [180, '2023H1'],
      [240, '2023H1'],
      [290.4, '2023M09'],
      [400, '2023'],
    ] as const) {
      const pace = paceOf(yi(value), annual(400), period);
      expect(pace.kind).toBe(paceVerdict(pace.progress ?? NaN, pace.elapsed ?? NaN));
    }
  });
});
