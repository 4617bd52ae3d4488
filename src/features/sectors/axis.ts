/** A nice rounded bound: 54.9 → 60, 12.8 → 20. */
export function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

/** An axis that always shows zero, with nice bounds either side of it: [−4.2, 12.8] → [−5, 20]. */
export function signedDomain(values: readonly number[]): [number, number] {
  return [0 - niceCeil(-Math.min(0, ...values)), niceCeil(Math.max(0, ...values))]; // 0 − 0 is +0, not −0
}

const STEPS = [1, 2, 2.5, 5];

/**
 * The ticks of an axis from below zero to above it: evenly spaced, zero among them, at most
 * `max`, reaching both bounds ([−5, 20] → −5, 0, 5 … 20; [−5, 60] → −20, 0, 20 … 60). An axis
 * that thins its labels can then keep the one at zero.
 */
export function signedTicks([low, high]: readonly [number, number], max = 6): number[] {
  const span = high - low;
  if (!(span > 0)) return [0];
  for (let magnitude = 10 ** Math.floor(Math.log10(span / max)); ; magnitude *= 10) {
    for (const s of STEPS) {
      const step = s * magnitude;
      const below = Math.ceil(-low / step - 1e-9);
      const above = Math.ceil(high / step - 1e-9);
      if (below + above + 1 <= max) {
        return Array.from({ length: below + above + 1 }, (_, i) => Number(((i - below) * step).toPrecision(12)));
      }
    }
  }
}

/** A value axis: its bounds, and its ticks where they are not Recharts' own. */
export interface ValueAxis {
  domain: [number, number];
  ticks?: number[];
}

/**
 * The growth chart's axis: zero always shown (signedDomain). Below zero (a sector that shrank) it
 * has ticks of its own with zero among them, so an axis that thins its labels keeps "0%".
 */
export function signedAxis(values: readonly number[]): ValueAxis {
  const domain = signedDomain(values);
  if (domain[0] >= 0) return { domain };
  const ticks = signedTicks(domain);
  return { domain: [ticks[0] ?? domain[0], ticks.at(-1) ?? domain[1]], ticks };
}
