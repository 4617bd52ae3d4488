import { describe, expect, it } from 'vitest';
import type { Series } from '../api/common';
import { trendOf } from './trend';

describe('trendOf', () => {
  const series = (kinds: ('reported' | 'imported' | 'illustrative')[]): Series => ({
    unit: 'cny',
    cumulative: true,
    points: kinds.map((kind, i) => ({
      period: `2023M0${i + 1}`,
      value: (i + 1) * 1e8,
      provenance:
        kind === 'reported'
          ? { kind, source: 'L52' }
          : kind === 'imported'
            ? { kind, import: { file: 'a.xlsx', version: 2, sheet: '指标', row: 3 } }
            : { kind },
    })),
  });

  it('draws a line from known points only, leaving illustrative ones out', () => {
    const trend = trendOf(series(['illustrative', 'reported', 'illustrative', 'reported', 'imported']));
    expect(trend?.kind).toBe('line');
    expect(trend?.kind === 'line' && trend.series.points.map((p) => p.period)).toEqual([
      '2023M02',
      '2023M04',
      '2023M05',
    ]);
  });

  it('writes two known points as text and shows nothing for one (it is the value itself)', () => {
    const two = trendOf(series(['illustrative', 'illustrative', 'reported', 'imported']));
    expect(two?.kind === 'text' && two.points.map((p) => p.period)).toEqual(['2023M03', '2023M04']);
    expect(trendOf(series(['illustrative', 'illustrative', 'illustrative', 'reported']))).toBeNull();
    expect(trendOf(null)).toBeNull();
  });
});
