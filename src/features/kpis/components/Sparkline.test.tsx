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
  it('never draws an illustrative point: the line runs through the known points only', () => {
    const { container } = render(
      <Sparkline
        series={series(['illustrative', 'reported', 'illustrative', 'reported', 'reported'])}
        width={100}
        height={40}
      />,
    );
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(container.querySelectorAll('line')).toHaveLength(2);
    expect(container.querySelector('[stroke-dasharray]')).toBeNull();
    // The first known point (20) is at the left edge, the last (50) at the right.
    const [first] = container.querySelectorAll('circle');
    expect(Number(first?.getAttribute('cx'))).toBe(5);
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
