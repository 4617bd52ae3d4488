import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawnChart, serializeSvg } from '../src/lib/chartImage';

describe('chart PNG export: SVG serialisation', () => {
  it('writes a standalone SVG with its computed colours inlined, so theme CSS survives outside the page', () => {
    document.body.innerHTML = `
      <style>.tick { fill: rgb(23, 32, 44); } .bar { stroke: rgb(0, 114, 178); }</style>
      <svg class="recharts-surface" width="300" height="120">
        <text class="tick" x="4" y="20">汽车</text>
        <rect class="bar" x="40" y="10" width="200" height="20" fill="#B26B00" />
      </svg>`;
    const svg = document.querySelector('svg') as SVGSVGElement;
    const { markup, width, height } = serializeSvg(svg);
    expect(width).toBe(300);
    expect(height).toBe(120);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toMatch(/<text[^>]*style="[^"]*fill:\s*rgb\(23, 32, 44\)/);
    expect(markup).toMatch(/<rect[^>]*style="[^"]*stroke:\s*rgb\(0, 114, 178\)/);
    expect(markup).toContain('汽车');
    expect(markup).not.toContain('class="recharts-surface"');
    // The page's own SVG is left untouched.
    expect(svg.getAttribute('style')).toBeNull();
  });
});

describe('chart PNG export: the chart it draws', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  /** A plot as ChartFrame holds it; its slot is a placeholder until the chart is drawn. */
  function plotWithPlaceholder() {
    document.body.innerHTML = '<div class="chart-frame__plot"><div data-plot="away"></div><ul><li>图例</li></ul></div>';
    return document.querySelector('.chart-frame__plot') as HTMLElement;
  }
  /** What Recharts leaves in the slot once drawn: an SVG with a size. */
  function draw(plot: HTMLElement) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.getBoundingClientRect = () => ({ width: 300, height: 120 }) as DOMRect;
    plot.querySelector('[data-plot]')?.replaceWith(svg);
    return svg;
  }

  it('takes a chart already drawn at once', async () => {
    const plot = plotWithPlaceholder();
    const svg = draw(plot);
    await expect(drawnChart(plot, 0)).resolves.toBe(svg);
  });

  it('waits for a chart still to be drawn (the click scrolled it into view) and takes it once drawn', async () => {
    const plot = plotWithPlaceholder();
    let settled = false;
    const found = drawnChart(plot, 10_000).finally(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    const svg = draw(plot);
    await expect(found).resolves.toBe(svg);
  });

  it('gives up on a chart that is never drawn, so the frame can say the image failed', async () => {
    vi.useFakeTimers();
    const plot = plotWithPlaceholder();
    const found = drawnChart(plot, 10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(found).resolves.toBeNull();
  });
});
