import { describe, expect, it } from 'vitest';
import type { Series } from '../../api/common';
import { trendPoints } from './trendData';

describe('what the trend chart draws', () => {
  it('draws every month on the line and only the reported ones as dots', () => {
    const series: Series = {
      unit: 'cny',
      cumulative: true,
      points: [
        { period: '2023M06', value: 4.8e9, provenance: { kind: 'illustrative' } },
        { period: '2023M07', value: 5.667e9, provenance: { kind: 'reported', source: 'L38' } },
      ],
    };
    const points = trendPoints(series, 'zh-CN');
    expect(points.map((p) => [p.all, p.reported, p.illustrative])).toEqual([
      [4.8e9, null, true],
      [5.667e9, 5.667e9, false],
    ]);
    expect(points[1]?.label).toBe('56.67亿元');
    expect(trendPoints(null, 'zh-CN')).toEqual([]);
  });
});
