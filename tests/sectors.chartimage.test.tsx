import { describe, expect, it } from 'vitest';
import { serializeSvg } from '../src/lib/chartImage';

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
