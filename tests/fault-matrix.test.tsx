/**
 * The fault matrix in the whole app: every route with each endpoint it uses failing. The route
 * shows the failure in the right panel, in words, with a retry (or, for a missing item, says it
 * does not exist); the rest of the page, the header and its filters keep working; nothing is
 * thrown or logged; the route recovers once the endpoint heals. Empty lists show the panel's
 * empty state; a slow answer shows no failure. Which fault yields which error is
 * tests/api-faults.test.ts, and what the user reads for each error, tests/error-panel.test.tsx.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { matchRequestUrl } from 'msw';
import type { RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../src/api/client';
import { server } from '../mocks/node';
import { ENDPOINTS, malformed, slow } from '../mocks/scenarios';
import type { Endpoint } from '../mocks/scenarios';
import { faultTally, payloadFault, TRANSPORT_FAULTS } from './faults';
import type { PayloadFault, TransportFault } from './faults';
import { renderApp } from './render';

type Fault = TransportFault | PayloadFault;

interface Failure {
  fault: Fault;
  /** The failing panel's title and the reason it gives. */
  panel: string;
  reason: string;
}

interface RouteCase {
  path: string;
  endpoint: Exclude<Endpoint, 'meta'>;
  /** Text the route shows when everything works. */
  healthy: string;
  /** The route's data endpoint failing. */
  data: Failure;
  /** /meta failing on this route (the faults differ by route, so that every kind is seen once). */
  meta: Omit<Failure, 'panel'>;
  /** What the route says when its endpoint answers with empty lists. */
  empty: string[];
}

const SERVER_ERROR = '数据服务出错（HTTP 500）。';
const schemaAt = (path: string) => `数据服务返回的数据格式有误（位置：${path}）。为避免显示错误数字，此处暂不显示。`;

const ROUTES: RouteCase[] = [
  {
    path: '/',
    endpoint: 'kpis',
    healthy: '139.73亿元',
    data: {
      fault: 'HTTP 503 with Retry-After',
      panel: '工业指标加载失败',
      reason: '数据服务暂时不可用（HTTP 503），建议 30 秒后重试。',
    },
    meta: { fault: 'HTTP 401', reason: '本看板仅对已登录的用户开放（HTTP 401）。' },
    empty: ['本组暂无指标。'],
  },
  {
    path: '/sectors?period=2023M07',
    endpoint: 'sectors',
    healthy: '56.67亿元',
    data: { fault: '"NaN" string', panel: '分产业规上工业产值加载失败', reason: schemaAt('items[1].output.value') },
    meta: { fault: 'HTTP 403', reason: '没有访问这项数据的权限（HTTP 403），请联系管理员。' },
    empty: ['2023年1–7月累计报告未公布任何分产业数据。'],
  },
  {
    path: '/sectors/automotive?period=2023M07',
    endpoint: 'sector',
    healthy: '56.67亿元',
    data: { fault: 'network error', panel: '产业数据加载失败', reason: '无法连接数据服务，请检查网络连接。' },
    meta: { fault: 'invalid JSON', reason: schemaAt('(root)') },
    // No months: no trend is drawn, and nothing says so (an empty chart frame is no information).
    empty: ['报告没有点名汽车产业的企业。'],
  },
  {
    path: '/projects?q=高铁',
    endpoint: 'projects',
    healthy: '渝西高铁北碚段',
    data: { fault: 'timeout', panel: '项目数据加载失败', reason: '数据服务长时间未响应。' },
    meta: { fault: 'HTTP 404', reason: '数据服务找不到这项数据（HTTP 404）。' },
    empty: ['没有符合条件的项目'],
  },
  {
    path: '/projects/yuxi-high-speed-rail-beibei',
    endpoint: 'project',
    healthy: '渝西高铁北碚段',
    data: { fault: 'HTTP 500', panel: '项目数据加载失败', reason: SERVER_ERROR },
    meta: { fault: 'missing field', reason: schemaAt('district') },
    empty: ['暂无里程碑记录。'],
  },
];

const handlerFor = (endpoint: Endpoint, fault: Fault): RequestHandler =>
  fault in TRANSPORT_FAULTS
    ? TRANSPORT_FAULTS[fault as TransportFault](endpoint)
    : payloadFault(endpoint, fault as PayloadFault);

/** Resolves when the app's request to `endpoint` reaches the mock server. */
function requestArrives(endpoint: Endpoint) {
  return new Promise<void>((resolve) => {
    const listener = ({ request }: { request: Request }) => {
      if (!matchRequestUrl(new URL(request.url), ENDPOINTS[endpoint]).matches) return;
      server.events.removeListener('request:start', listener);
      resolve();
    };
    server.events.on('request:start', listener);
  });
}

/** The client's timeout and slow answers run on a fake clock, advanced by the test (and with real time). */
const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });

/** Matches the element showing `text` even when number and unit are separate elements (139.73 | 亿元). */
const figure = (text: string) => (_content: string, el: Element | null) => {
  const squash = (e: Element) => e.textContent.replace(/\s/g, '');
  return el !== null && squash(el).includes(text) && ![...el.children].some((child) => squash(child).includes(text));
};

const alertTitled = (title: string) =>
  screen.queryAllByRole('alert').find((a) => a.querySelector('.error-panel__title')?.textContent === title);

async function findAlert(title: string) {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = alertTitled(title);
    if (!found) throw new Error(`no alert “${title}”`);
  });
  return found!;
}

/** The app's header (the first banner: chart frames have headers of their own) and its filters work. */
function expectHeaderWorks() {
  const header = screen.getAllByRole('banner')[0]!;
  expect(within(header).getByRole('combobox', { name: '时期' })).toBeEnabled();
  expect(within(header).getByRole('combobox', { name: '产业' })).toBeEnabled();
  expect(within(header).getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
}

const tally = faultTally('the whole app: every route × endpoint');
const errors: unknown[] = [];
const onWindowError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
let consoleError: MockInstance<typeof console.error>;

beforeAll(() => {
  window.addEventListener('error', onWindowError);
});
beforeEach(() => {
  errors.length = 0;
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  window.removeEventListener('error', onWindowError);
});

/** Nothing thrown, nothing logged (a render crash caught by a boundary logs here); then the case counts. */
function expectCleanRun() {
  expect(errors, 'uncaught errors').toEqual([]);
  expect(
    consoleError.mock.calls.map((args) => String(args[0])),
    'console errors',
  ).toEqual([]);
  tally.pass();
}

/** Shows the failure in its panel with a retry, keeps the header, and recovers on retry once healed. */
async function expectExplainedThenHealed(
  route: RouteCase,
  failure: Failure,
  user: ReturnType<typeof renderApp>['user'],
) {
  const alert = await findAlert(failure.panel);
  expect(alert.querySelector('.error-panel__reason')).toHaveTextContent(failure.reason);
  const retry = within(alert).getByRole('button', { name: '重试' });
  expectHeaderWorks();
  server.resetHandlers();
  await user.click(retry);
  expect((await screen.findAllByText(figure(route.healthy))).length).toBeGreaterThan(0);
  await waitFor(() => expect(alertTitled(failure.panel)).toBeUndefined());
}

describe('fault matrix: a route’s own data fails', () => {
  it.each(tally.add(ROUTES.map((r) => [`${r.path} · ${r.endpoint} · ${r.data.fault}`, r] as const)))(
    '%s',
    async (_name, route) => {
      const timeout = route.data.fault === 'timeout';
      if (timeout) useFakeClock();
      const arrived = requestArrives(route.endpoint);
      const { user } = renderApp(route.path, { handlers: [handlerFor(route.endpoint, route.data.fault)] });
      if (timeout) {
        await arrived;
        await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
      }
      await expectExplainedThenHealed(route, route.data, user);
      expectCleanRun();
    },
  );

  it.each(tally.add([['/projects/yuxi-high-speed-rail-beibei · project · HTTP 404'] as const]))('%s', async () => {
    renderApp('/projects/yuxi-high-speed-rail-beibei?stage=signed', {
      handlers: [TRANSPORT_FAULTS['HTTP 404']('project')],
    });
    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这个项目' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回项目列表' })).toHaveAttribute('href', '/projects?stage=signed');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expectHeaderWorks();
    expectCleanRun();
  });
});

describe('fault matrix: /meta fails on every route', () => {
  it.each(tally.add(ROUTES.map((r) => [`${r.path} · meta · ${r.meta.fault}`, r] as const)))(
    '%s',
    async (_name, route) => {
      const { user } = renderApp(route.path, { handlers: [handlerFor('meta', route.meta.fault)] });
      const alert = await findAlert('基础信息加载失败');
      expect(alert.querySelector('.error-panel__reason')).toHaveTextContent(route.meta.reason);
      const signIn = within(alert).queryByRole('link', { name: '登录后查看' });
      if (route.meta.fault === 'HTTP 401') expect(signIn).toHaveAttribute('href', '/admin');
      else expect(signIn).toBeNull();
      // The page's own data does not need /meta: it is shown beside the failure.
      expect((await screen.findAllByText(figure(route.healthy))).length).toBeGreaterThan(0);
      expectHeaderWorks();
      server.resetHandlers();
      await user.click(within(alert).getByRole('button', { name: '重试' }));
      await waitFor(() => expect(alertTitled('基础信息加载失败')).toBeUndefined());
      // The footer names the report again, from the healed /meta.
      expect(within(screen.getAllByRole('contentinfo').at(-1)!).getByText(/^资料来源：/)).toBeInTheDocument();
      expectCleanRun();
    },
  );
});

describe('fault matrix: empty lists', () => {
  it.each(tally.add(ROUTES.map((r) => [`${r.path} · ${r.endpoint} · empty arrays`, r] as const)))(
    '%s',
    async (_name, route) => {
      const handler =
        route.endpoint === 'projects'
          ? // A list with no items has no total either (the generic fault keeps the total: see below).
            malformed('projects', (b) => ({
              ...b,
              items: [],
              total: 0,
              totals: { count: 0, withMoney: 0, planned: 0, completed: 0 },
              stageTotals: (b.stageTotals as object[]).map((s) => ({
                ...s,
                count: 0,
                withMoney: 0,
                planned: 0,
                completed: 0,
              })),
            }))
          : payloadFault(route.endpoint, 'empty arrays');
      renderApp(route.path, { handlers: [handler] });
      for (const text of route.empty) expect(await screen.findByText(text)).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expectHeaderWorks();
      expectCleanRun();
    },
  );

  it.each(tally.add([['/projects?q=高铁 · projects · empty arrays, total kept'] as const]))('%s', async () => {
    // A contradictory answer (no items, a total of 1): an empty table and the pager, no crash.
    renderApp('/projects?q=高铁', { handlers: [payloadFault('projects', 'empty arrays')] });
    expect(await screen.findByText('第 1 / 1 页，第 1–1 项，共 1 项')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: '项目列表' })).queryAllByRole('rowheader')).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expectHeaderWorks();
    expectCleanRun();
  });
});

describe('fault matrix: a slow answer is not an error', () => {
  it.each(tally.add(ROUTES.map((r) => [`${r.path} · ${r.endpoint} · slow response (5 s)`, r] as const)))(
    '%s',
    async (_name, route) => {
      useFakeClock();
      const arrived = requestArrives(route.endpoint);
      renderApp(route.path, { handlers: [slow(route.endpoint, 5000)] });
      await arrived;
      await vi.advanceTimersByTimeAsync(3000);
      expect(screen.queryAllByText(figure(route.healthy))).toEqual([]);
      expect(screen.queryAllByRole('alert')).toEqual([]);
      await vi.advanceTimersByTimeAsync(2000);
      expect((await screen.findAllByText(figure(route.healthy))).length).toBeGreaterThan(0);
      expect(screen.queryAllByRole('alert')).toEqual([]);
      expectCleanRun();
    },
  );
});
