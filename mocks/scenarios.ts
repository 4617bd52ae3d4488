import { delay, getResponse, http, HttpResponse } from 'msw';
import type { HttpHandler, JsonBodyType } from 'msw';
import { largeProjectSet } from '../data/projects';
import { READ_ACCESS_HEADER } from '../src/api/access';
import { demoDataset } from '../data/demo';
import { reportDataset } from '../data/dataset';
import type { DataVersion } from '../src/api/meta';
import { datasetHandlers, handlers } from './handlers';
import { API, MOCK_VERSION, problem } from './handlers/common';
import { firstVersion } from './handlers/versions';

/** The API's endpoints, as MSW path patterns. */
export const ENDPOINTS = {
  meta: `${API}/meta`,
  kpis: `${API}/kpis`,
  sectors: `${API}/sectors`,
  sector: `${API}/sectors/:id`,
  projects: `${API}/projects`,
  project: `${API}/projects/:id`,
} as const;
export type Endpoint = keyof typeof ENDPOINTS;

export const SCENARIOS = [
  'demo',
  'large',
  'slow',
  'latency300',
  'flaky',
  'broken',
  'offline',
  'hostile',
  'loginAccess',
  'signedOut',
  'republished',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const isScenario = (name: unknown): name is ScenarioName => SCENARIOS.includes(name as ScenarioName);

/** One endpoint answers with an HTTP error. */
export const failWith = (endpoint: Endpoint, status: number, headers: Record<string, string> = {}) =>
  http.get(ENDPOINTS[endpoint], () => {
    const res = problem(status, 'injected', `injected HTTP ${status}`);
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  });

/** The API as a server with READ_ACCESS=login answers a signed-in editor: the usual answers, saying so. */
export const loginAccess = () =>
  http.get(`${API}/*`, async ({ request }) => {
    const real = await getResponse(handlers, request.clone());
    if (!real) return undefined;
    const res = new HttpResponse(real.body, { status: real.status, headers: real.headers });
    res.headers.set(READ_ACCESS_HEADER, 'login');
    return res;
  });

/** The API as a server with READ_ACCESS=login answers a reader who is not signed in: 401 to everything. */
export const signedOut = () =>
  http.get(`${API}/*`, () => {
    const res = problem(401, 'signed_out', 'not signed in');
    res.headers.set(READ_ACCESS_HEADER, 'login');
    return res;
  });

/**
 * The API after a rollback: version 1's content published again as version 2. Switched to on a
 * running mock API (`GET /__scenario/republished`), it shows a page opened before following a
 * new version.
 */
export const REPUBLISHED: DataVersion = { id: 2, publishedAt: '2023-09-01T02:00:00.000Z' };

/** One endpoint cannot be reached at all. */
export const networkError = (endpoint: Endpoint) => http.get(ENDPOINTS[endpoint], () => HttpResponse.error());

/** One endpoint answers 200 with a body that is not JSON. */
export const invalidJson = (endpoint: Endpoint) =>
  http.get(
    ENDPOINTS[endpoint],
    () => new HttpResponse('{"items": [', { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );

/** One endpoint answers with the real payload after `mutate` has broken it. */
export const malformed = (endpoint: Endpoint, mutate: (body: Record<string, unknown>) => unknown) =>
  http.get(ENDPOINTS[endpoint], async ({ request }) => {
    const real = await getResponse(handlers, request.clone());
    if (!real) return HttpResponse.error();
    const body = (await real.json()) as Record<string, unknown>;
    return HttpResponse.json(mutate(body) as JsonBodyType, { status: real.status });
  });

/** One endpoint waits before answering normally. */
export const slow = (endpoint: Endpoint, ms: number) =>
  http.get(ENDPOINTS[endpoint], async () => {
    await delay(ms);
  });

/** Schema-violating payloads a broken backend could plausibly send. */
export const breakers: Record<Endpoint, (body: Record<string, unknown>) => unknown> = {
  meta: (b) => ({ ...b, periods: 'all' }),
  kpis: (b) => ({
    ...b,
    items: (b.items as Record<string, unknown>[]).map((k) => ({
      ...k,
      value: k.value ? { ...(k.value as Record<string, unknown>), value: 'NaN' } : null,
    })),
  }),
  sectors: (b) => ({ ...b, items: (b.items as Record<string, unknown>[]).map(({ label: _l, ...s }) => s) }),
  sector: (b) => ({ ...b, projectCount: -3 }),
  projects: (b) => ({
    ...b,
    items: (b.items as Record<string, unknown>[]).map((p) => ({
      ...p,
      completed: { value: 1e308, unit: 'cny', provenance: { kind: 'illustrative' } },
    })),
  }),
  project: (b) => ({ ...b, milestones: null }),
};

/** Strings an attacker controlling the API (or its data entry) might plant; they must render as text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  'javascript:window.__xss=1',
  '"><svg onload="window.__xss=1">',
] as const;

function plant(body: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  let i = 0;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (fields.includes(k) && typeof v === 'string') out[k] = `${HOSTILE_STRINGS[i++ % HOSTILE_STRINGS.length]} ${v}`;
      else if (k === 'zh-CN' || k === 'en')
        out[k] = typeof v === 'string' && i++ % 3 === 0 ? `${HOSTILE_STRINGS[i % 4]} ${v}` : v;
      else out[k] = visit(v);
    }
    return out;
  };
  return visit(body) as Record<string, unknown>;
}

const hostile = (endpoint: Endpoint) => malformed(endpoint, (b) => plant(b, ['name', 'description', 'formula']));

let requestCount = 0;
/** Resets the `flaky` scenario's request counter (tests start from a known state). */
export const resetFlaky = () => {
  requestCount = 0;
};

let largeSet: ReturnType<typeof largeProjectSet> | null = null;
const large = () => (largeSet ??= largeProjectSet(10_000));

/** Handlers to put in front of the base handlers for a named scenario. */
export function scenarioHandlers(name: ScenarioName | null): HttpHandler[] {
  switch (name) {
    case 'demo':
      return datasetHandlers(() => demoDataset);
    case 'large':
      // Sample projects: the sample's labels come with them.
      return datasetHandlers(() => ({ ...demoDataset, projects: large() }));
    case 'slow':
      return [
        http.get(`${API}/*`, async () => {
          await delay(2000);
        }),
      ];
    case 'latency300':
      return [
        http.get(`${API}/*`, async () => {
          await delay(300);
        }),
      ];
    case 'flaky':
      return [
        http.get(`${API}/*`, () => {
          requestCount += 1;
          if (requestCount % 3 === 0) return problem(500, 'flaky', 'every third request fails');
          return undefined;
        }),
      ];
    case 'broken':
      return (Object.keys(breakers) as Endpoint[]).filter((e) => e !== 'meta').map((e) => malformed(e, breakers[e]));
    case 'offline':
      return [http.get(`${API}/*`, () => HttpResponse.error())];
    case 'hostile':
      return (['kpis', 'sectors', 'sector', 'projects', 'project'] as const).map(hostile);
    case 'loginAccess':
      return [loginAccess()];
    case 'signedOut':
      return [signedOut()];
    case 'republished':
      return datasetHandlers(
        () => reportDataset,
        REPUBLISHED,
        () => [
          ...firstVersion(() => reportDataset, MOCK_VERSION),
          {
            version: REPUBLISHED,
            dataset: () => reportDataset,
            basedOn: 1,
            note: 'Content of version 1, published again',
          },
        ],
      );
    case null:
      return [];
  }
}
