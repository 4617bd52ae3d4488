/** What scripts/scale-bench.ts uses of autocannon, which ships no types. */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    total: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    non2xx: number;
    errors: number;
    timeouts: number;
    requests: Histogram;
    latency: Histogram;
  }
  export default function autocannon(options: Record<string, unknown>): Promise<Result>;
}
