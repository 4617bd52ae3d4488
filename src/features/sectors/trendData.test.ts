import { describe, expect, it } from 'vitest';
import type { Series } from '../../api/common';
import { trendOf } from '../../domain/trend';
import { trendPoints } from './trendData';

describe('what the trend chart draws', () => {
  it('draws known months only, each with its value', () => {
    const series: Series = {
      unit: 'cny',
      cumulative: true,
      points: [
        { period: '2023M05', value: 4.1e9, provenance: { kind: 'reported', source: 'L38' } },
        { period: '2023M06', value: 4.8e9, provenance: { kind: 'illustrative' } },
        { period: '2023M07', value: 5.667e9, provenance: { kind: 'reported', source: 'L38' } },
        {
          period: '2023M08',
          value: 6.502e9,
          provenance: { kind: 'imported', import: { file: 'a.xlsx', version: 2, sheet: '产业', row: 3 } },
        },
      ],
    };
    const trend = trendOf(series);
    if (trend?.kind !== 'line') throw new Error('expected a line');
    const points = trendPoints(series, trend.series.points, 'zh-CN');
    expect(points.map((p) => [p.name, p.value])).toEqual([
      ['1–5月', 4.1e9],
      ['1–7月', 5.667e9],
      ['1–8月', 6.502e9],
    ]);
    expect(points[1]?.label).toBe('56.67亿元');
  });
});
