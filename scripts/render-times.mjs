/**
 * The data service's answer times for its rendered pages, as a client on this machine sees them
 * (request to last byte): "cached" asks for the same address again (the version's copy),
 * "uncached" for another address each time (an unused parameter: a new render; the API's answers
 * it reads are cached). One request at a time. Shared by `npm run bench` and `npm run bench:api`.
 */

/** The pages whose server render is timed. */
export const RENDER_ROUTES = [
  '/',
  '/projects',
  '/briefing',
  '/sectors?period=2023M07',
  '/projects/gzucm-chongqing-hospital',
];
export const RENDER_REQUESTS = 100;
/** The targets for a render: from the cache, and a new one. */
export const RENDER_TARGETS = { cachedP50Ms: 5, uncachedP99Ms: 50 };

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

/** `{ [route]: { cached: { p50, p99 }, uncached: { p50, p99 } } }` in ms, for the server at `base`. */
export async function renderTimes(base, routes = RENDER_ROUTES, requests = RENDER_REQUESTS) {
  const time = async (url) => {
    const start = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
    await res.arrayBuffer();
    if (!res.ok || !res.headers.get('etag')?.startsWith('"p')) throw new Error(`${url}: not a rendered page`);
    return performance.now() - start;
  };
  const out = {};
  for (const route of routes) {
    const url = (extra) => `${base}${route}${route.includes('?') ? '&' : '?'}${extra}`;
    await time(url('lang=zh-CN'));
    const cached = [];
    const uncached = [];
    for (let i = 0; i < requests; i++) cached.push(await time(url('lang=zh-CN')));
    for (let i = 0; i < requests; i++) uncached.push(await time(url(`lang=zh-CN&bench=${i}`)));
    const stats = (xs) => ({ p50: round(quantile(xs, 0.5)), p99: round(quantile(xs, 0.99)) });
    out[route] = { cached: stats(cached), uncached: stats(uncached) };
  }
  return out;
}

/** The table's head and rows (markdown cells), each figure with a target marked ✓ or ✗. */
export function renderRows(render) {
  const mark = (ok) => (ok ? '✓' : '✗');
  return {
    head: ['server render', 'cached p50', 'cached p99', 'uncached p50', 'uncached p99'],
    rows: [
      ...Object.entries(render).map(([route, { cached, uncached }]) => [
        `\`${route}\``,
        `${cached.p50} ms ${mark(cached.p50 <= RENDER_TARGETS.cachedP50Ms)}`,
        `${cached.p99} ms`,
        `${uncached.p50} ms`,
        `${uncached.p99} ms ${mark(uncached.p99 <= RENDER_TARGETS.uncachedP99Ms)}`,
      ]),
      ['target', `≤ ${RENDER_TARGETS.cachedP50Ms} ms`, '', '', `≤ ${RENDER_TARGETS.uncachedP99Ms} ms`],
    ],
  };
}
