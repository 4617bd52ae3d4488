/**
 * The answers readers ask for of a version, computed in the background as soon as it is loaded
 * (at start, after a publish or a rollback, or when another process published one): every
 * period's `/kpis` for the district and each sector, `/sectors` and each sector's page. Computing
 * one is a few milliseconds of the one event loop, and with three years of months there are
 * hundreds: ten readers opening periods nobody had asked for queued behind each other (p99 264 ms
 * where a cached answer takes well under one). One answer per turn of the event loop, through the
 * app itself (the same cache keys, bytes and ETags as a reader's request), the default period
 * first, then the latest; it stops when a newer version is loaded.
 */
import type { Hono } from 'hono';
import type { DataService, Snapshot } from './service';

export function answersToWarm(snapshot: Snapshot): string[] {
  const { periods, sectors, defaultPeriod } = snapshot.figures.meta;
  const ids = periods.map((p) => p.id);
  const order = [defaultPeriod, ...ids.filter((id) => id !== defaultPeriod).reverse()];
  return order.flatMap((period) => [
    `/api/v1/kpis?period=${period}`,
    `/api/v1/sectors?period=${period}`,
    ...sectors.flatMap(({ id }) => [
      `/api/v1/kpis?period=${period}&sector=${id}`,
      `/api/v1/sectors/${id}?period=${period}`,
    ]),
  ]);
}

export async function warmAnswers(hono: Pick<Hono, 'request'>, service: DataService, snapshot: Snapshot) {
  for (const path of answersToWarm(snapshot)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (service.loaded() !== snapshot) return;
    await hono.request(path);
  }
}
