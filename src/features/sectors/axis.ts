/** A nice rounded bound: 54.9 → 60, 12.8 → 20. */
export function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

/** An axis that always shows zero, with nice bounds either side of it: [−4.2, 12.8] → [−5, 20]. */
export function signedDomain(values: readonly number[]): [number, number] {
  return [-niceCeil(-Math.min(0, ...values)), niceCeil(Math.max(0, ...values))];
}
