import { describe, expect, it } from 'vitest';
import { niceCeil, signedDomain } from './axis';

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
