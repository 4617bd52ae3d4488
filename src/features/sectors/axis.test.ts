import { describe, expect, it } from 'vitest';
import { niceCeil, signedAxis, signedDomain, signedTicks } from './axis';

describe('axis bounds of the growth chart', () => {
  it('rounds a bound up to one significant digit', () => {
    expect(niceCeil(54.9)).toBe(60);
    expect(niceCeil(12.8)).toBe(20);
    expect(niceCeil(7)).toBe(7);
    expect(niceCeil(0.34)).toBe(0.4);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(-3)).toBe(0);
  });

  it('always shows zero, with nice bounds either side of it', () => {
    expect(signedDomain([-4.2, 12.8, 3])).toEqual([-5, 20]);
    expect(signedDomain([-31.5, -2])).toEqual([-40, 0]);
    const [low, high] = signedDomain([8.1, 15.6]);
    expect(low).toBeCloseTo(0);
    expect(high).toBe(20);
  });
});

describe('ticks of the growth chart when a sector shrank', () => {
  it('are evenly spaced, at most six, reach both bounds and have zero among them', () => {
    expect(signedTicks([-5, 20])).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(signedTicks([-40, 0])).toEqual([-40, -30, -20, -10, 0]);
    expect(signedTicks([-5, 60])).toEqual([-20, 0, 20, 40, 60]);
    expect(signedTicks([-0.4, 0.3])).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
    for (const domain of [signedDomain([-4.2, 12.8]), signedDomain([-31.5, 88]), signedDomain([-0.7, 0.05])]) {
      const ticks = signedTicks(domain);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks).toContain(0);
      expect(ticks[0]).toBeLessThanOrEqual(domain[0]);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(domain[1]);
      const steps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0));
      for (const s of steps) expect(s).toBeCloseTo(steps[0] ?? 0, 9);
    }
  });
});

describe("the growth chart's axis", () => {
  it("keeps Recharts' ticks when nothing shrank, and has its own, bounds included, when something did", () => {
    expect(signedAxis([10.8, 54.9])).toEqual({ domain: [0, 60] });
    expect(signedAxis([-12.5, -3.1, 54.9])).toEqual({ domain: [-20, 60], ticks: [-20, 0, 20, 40, 60] });
    expect(signedAxis([-4.2, 12.8])).toEqual({ domain: [-5, 20], ticks: [-5, 0, 5, 10, 15, 20] });
  });
});
