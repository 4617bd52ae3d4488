/**
 * The fault matrix: every endpoint × every route that uses it × every fault a backend or
 * network can produce. For each case the route must explain what failed in words and
 * offer a retry (or, for a missing item, say it does not exist), keep the header and
 * filters working, throw nothing, and recover once the endpoint heals.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { delay, getResponse, http } from 'msw';
import type { RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiConfig, DEFAULT_TIMEOUT_MS } from '../src/api/client';
import { handlers } from '../mocks/handlers';
import { server } from '../mocks/node';
import { ENDPOINTS, failWith, invalidJson, malformed, networkError, slow } from '../mocks/scenarios';
import type { Endpoint } from '../mocks/scenarios';
import { renderApp } from './render';

type Json = Record<string, unknown>;
type Mutator = (body: Json) => Json | null;

/** Applies `fn` to the first value (depth-first) for which `match` holds; null when none does. */
function mutateFirst(
  body: Json,
  match: (key: string, value: unknown, parent: Json) => boolean,
  fn: (parent: Json, key: string) => void,
): Json | null {
  const copy = structuredClone(body);
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (node === null || typeof node !== 'object') return false;
    const obj = node as Json;
    for (const [key, value] of Object.entries(obj)) {
      if (match(key, value, obj)) {
        fn(obj, key);
        return true;
      }
      if (visit(value)) return true;
    }
    return false;
  };
  return visit(copy) ? copy : null;
}

const firstNumber =
  (replacement: unknown): Mutator =>
  (b) =>
    mutateFirst(
      b,
      (k, v) => k === 'value' && typeof v === 'number',
      (p, k) => (p[k] = replacement),
    );
const COUNT_UNITS = ['firms', 'entities', 'projects', 'cases'];

const SCHEMA_FAULTS: Record<string, Mutator> = {
  'missing field': (b) => {
    const copy = structuredClone(b);
    const key = Object.keys(copy).find((k) => !['period', 'sector', 'page', 'pageSize'].includes(k));
    if (!key) return null;
    Reflect.deleteProperty(copy, key);
    return copy;
  },
  'wrong type': firstNumber('12'),
  '"NaN" string': firstNumber('NaN'),
  '"Infinity" string': firstNumber('Infinity'),
  'negative count': (b) =>
    mutateFirst(
      b,
      (k, v, p) =>
        (k === 'value' && typeof v === 'number' && COUNT_UNITS.includes(String(p.unit))) ||
        ((k === 'total' || k === 'projectCount') && typeof v === 'number'),
      (p, k) => (p[k] = -5),
    ),
  '1e308': firstNumber(1e308),
  'empty arrays': (b) => {
    const copy = structuredClone(b);
    let changed = false as boolean;
    const visit = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Json)) {
        if (Array.isArray(value)) {
          (node as Json)[key] = [];
          changed = true;
        } else visit(value);
      }
    };
    visit(copy);
    return changed ? copy : null;
  },
  '10,000-character string': (b) =>
    mutateFirst(
      b,
      (k, v) =>
        typeof v === 'string' &&
        ![
          'period',
          'id',
          'sector',
          'unit',
          'kind',
          'stage',
          'level',
          'type',
          'group',
          'source',
          'asOf',
          'defaultPeriod',
        ].includes(k),
      (p, k) => (p[k] = '长'.repeat(10_000)),
    ),
};

const TRANSPORT_FAULTS: Record<string, (e: Endpoint) => RequestHandler> = {
  'HTTP 500': (e) => failWith(e, 500),
  'HTTP 503 with Retry-After': (e) => failWith(e, 503, { 'Retry-After': '30' }),
  'HTTP 404': (e) => failWith(e, 404),
  'HTTP 401': (e) => failWith(e, 401),
  'HTTP 403': (e) => failWith(e, 403),
  timeout: (e) =>
    http.get(ENDPOINTS[e], async () => {
      await delay('infinite');
    }),
  'network error': networkError,
  'invalid JSON': invalidJson,
};

interface RouteCase {
  path: string;
  endpoints: Endpoint[];
  /** Text the route shows when everything works. */
  healthy: string;
}

const ROUTES: RouteCase[] = [
  { path: '/', endpoints: ['meta', 'kpis'], healthy: '139.73亿元' },
  { path: '/sectors?period=2023M07', endpoints: ['meta', 'sectors'], healthy: '56.67亿元' },
  { path: '/sectors/automotive?period=2023M07', endpoints: ['meta', 'sector'], healthy: '56.67亿元' },
  { path: '/projects?q=高铁', endpoints: ['meta', 'projects'], healthy: '渝西高铁北碚段' },
  { path: '/projects/yuxi-high-speed-rail-beibei', endpoints: ['meta', 'project'], healthy: '渝西高铁北碚段' },
];

interface Case {
  route: RouteCase;
  endpoint: Endpoint;
  fault: string;
  handler: RequestHandler;
  /** Schema-valid but unusual payloads (empty lists) need not be errors, only survivable. */
  mayBeValid: boolean;
}

/** A real answer of each endpoint for the route, to know which faults apply to it. */
async function sampleBody(route: RouteCase, endpoint: Endpoint): Promise<Json> {
  const url = new URL(route.path, 'http://localhost');
  const period = url.searchParams.get('period');
  const paths: Record<Endpoint, string> = {
    meta: '/meta',
    kpis: '/kpis',
    sectors: '/sectors',
    sector: `/sectors/${url.pathname.split('/')[2] ?? ''}`,
    projects: '/projects',
    project: `/projects/${url.pathname.split('/')[2] ?? ''}`,
  };
  // Only the endpoints that take a period are asked with one (the others refuse unknown parameters).
  const withPeriod = period && ['kpis', 'sectors', 'sector'].includes(endpoint);
  const request = new Request(`http://localhost/api/v1${paths[endpoint]}${withPeriod ? `?period=${period}` : ''}`);
  const response = await getResponse(handlers, request);
  if (response?.status !== 200) throw new Error(`no sample body for ${endpoint}: HTTP ${response?.status ?? '—'}`);
  return (await response.json()) as Json;
}

const cases: Case[] = [];
for (const route of ROUTES) {
  for (const endpoint of route.endpoints) {
    for (const [fault, make] of Object.entries(TRANSPORT_FAULTS)) {
      cases.push({ route, endpoint, fault, handler: make(endpoint), mayBeValid: false });
    }
    const sample = await sampleBody(route, endpoint);
    for (const [fault, mutate] of Object.entries(SCHEMA_FAULTS)) {
      if (mutate(sample) === null) continue; // e.g. /meta has no numbers to corrupt
      cases.push({
        route,
        endpoint,
        fault,
        handler: malformed(endpoint, (body) => mutate(body) ?? body),
        mayBeValid: fault === 'empty arrays',
      });
    }
  }
}

let passed = 0;
const errors: unknown[] = [];
const onWindowError = (event: ErrorEvent) => errors.push(event.error ?? event.message);

beforeAll(() => {
  window.addEventListener('error', onWindowError);
});
beforeEach(() => {
  apiConfig.timeoutMs = 300;
  errors.length = 0;
});
afterEach(() => {
  apiConfig.timeoutMs = DEFAULT_TIMEOUT_MS;
});
afterAll(() => {
  window.removeEventListener('error', onWindowError);
  console.info(`fault matrix: ${cases.length} cases, ${passed} passed`);
});

/** Matches the element showing `text` even when number and unit are separate elements (139.73 | 亿元). */
const figure = (text: string) => (_content: string, el: Element | null) => {
  const squash = (e: Element) => e.textContent.replace(/\s/g, '');
  return el !== null && squash(el).includes(text) && ![...el.children].some((child) => squash(child).includes(text));
};

const NOT_FOUND = /不存在|没有找到|找不到|没有这个/;

describe('fault matrix', () => {
  it.each(cases.map((c) => [`${c.route.path} · ${c.endpoint} · ${c.fault}`, c] as const))('%s', async (_name, c) => {
    const consoleError = vi.spyOn(console, 'error');
    const { user } = renderApp(c.route.path, { handlers: [c.handler] });
    // The app's header is the first banner (chart frames have headers of their own).
    const header = screen.getAllByRole('banner')[0]!;

    // The failure is explained in words with a way to retry — or, for a missing item, named as missing.
    let retry = null as HTMLElement | null;
    await waitFor(
      () => {
        const alerts = screen.queryAllByRole('alert').filter((a) => /加载失败/.test(a.textContent));
        const notFound = screen.queryByRole('heading', { level: 1, name: NOT_FOUND });
        if (alerts.length > 0) {
          const alert = alerts[0]!;
          expect(alert.textContent).toMatch(/HTTP|网络|响应|格式|意外/);
          retry = within(alert).getByRole('button', { name: '重试' });
        } else if (notFound) {
          retry = null;
        } else if (c.mayBeValid) {
          expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
        } else {
          throw new Error('no error explanation yet');
        }
      },
      { timeout: 3000 },
    );

    // The header and its filters keep working.
    expect(within(header).getByRole('combobox', { name: '时期' })).toBeEnabled();
    expect(within(header).getByRole('navigation', { name: '主导航' })).toBeInTheDocument();

    // The endpoint heals: retrying (or coming back) shows the data.
    server.resetHandlers();
    if (retry) await user.click(retry);
    if (retry) {
      expect((await screen.findAllByText(figure(c.route.healthy), {}, { timeout: 3000 })).length).toBeGreaterThan(0);
    }

    expect(errors, 'uncaught errors').toEqual([]);
    expect(
      consoleError.mock.calls.map((args) => String(args[0])),
      'console errors (a render crash caught by a boundary logs here)',
    ).toEqual([]);
    passed += 1;
  });

  // A slow answer (5 s) is not an error: the route waits, shows no failure, then shows the data.
  const dataEndpoints = ROUTES.map((r) => [`${r.path} · ${r.endpoints[1]!} · slow response (5 s)`, r] as const);
  it.each(dataEndpoints)(
    '%s',
    async (_name, route) => {
      cases.push({
        route,
        endpoint: route.endpoints[1]!,
        fault: 'slow',
        handler: slow(route.endpoints[1]!, 5000),
        mayBeValid: true,
      });
      apiConfig.timeoutMs = DEFAULT_TIMEOUT_MS;
      const consoleError = vi.spyOn(console, 'error');
      renderApp(route.path, { handlers: [slow(route.endpoints[1]!, 5000)] });
      await new Promise((r) => setTimeout(r, 3000));
      expect(screen.queryAllByText(figure(route.healthy))).toEqual([]);
      expect(screen.queryAllByRole('alert').filter((a) => /加载失败/.test(a.textContent))).toEqual([]);
      expect((await screen.findAllByText(figure(route.healthy), {}, { timeout: 6000 })).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(consoleError.mock.calls).toEqual([]);
      passed += 1;
    },
    15_000,
  );
});
