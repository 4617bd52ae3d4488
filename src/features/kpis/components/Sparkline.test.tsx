import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Series } from '../../../api/common';
import Sparkline from './Sparkline';

const series = (kinds: ('reported' | 'illustrative')[]): Series => ({
  unit: 'cny',
  cumulative: true,
  points: kinds.map((kind, i) => ({
    period: `2023M0${i + 1}`,
    value: (i + 1) * 10,
    provenance: kind === 'reported' ? { kind, source: 'L52' } : { kind },
  })),
});

describe('Sparkline', () => {
  it('dashes every segment that touches an illustrative point and dots only reported points', () => {
    const { container } = render(
      <Sparkline series={series(['illustrative', 'illustrative', 'reported', 'reported'])} width={100} height={40} />,
    );
    const segments = [...container.querySelectorAll('line')];
    expect(segments.map((l) => l.getAttribute('stroke-dasharray'))).toEqual(['3 3', '3 3', null]);
    expect(container.querySelectorAll('circle')).toHaveLength(2);
  });

  it('rises left to right for growing values, inside its box', () => {
    const { container } = render(<Sparkline series={series(['reported', 'reported'])} width={100} height={40} />);
    const line = container.querySelector('line')!;
    expect(Number(line.getAttribute('x1'))).toBe(5);
    expect(Number(line.getAttribute('x2'))).toBe(95);
    expect(Number(line.getAttribute('y1'))).toBe(35);
    expect(Number(line.getAttribute('y2'))).toBe(5);
  });
});
