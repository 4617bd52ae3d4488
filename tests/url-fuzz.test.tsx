/**
 * Addresses mixing valid, invalid, repeated, overlong and encoded values for every parameter of
 * every route. 200 generated ones are read by the routes' search schemas, against an oracle that
 * knows which values it made valid (it never parses them itself): each reads the values it should,
 * reports exactly the values it could not use, and its corrected address reads again with nothing
 * to correct (so no page can loop correcting it). A handful run through the whole app: a usable
 * page, every ignored value named, the address corrected once, nothing thrown or logged.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PERIOD } from '../src/api/common';
import { reportDataset } from '../data/dataset';
import { presentationSearch } from '../src/features/presentation/params';
import { trackerSearch } from '../src/features/projects/params';
import { readSearch, sharedSearch, shownValue, withoutIgnored } from '../src/lib/search';
import type { SearchContext, SearchSchema } from '../src/lib/search';
import { mulberry32 } from '../data/measure';
import { renderApp } from './render';

const rand = mulberry32(20231026);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Values no parameter accepts (q accepts any text up to 100 characters: only the overlong one is bad there). */
const HOSTILE = [
  'bogus',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%00',
  '😀',
  '2023H3',
  '1e308',
  '-1',
  'NaN',
  'x'.repeat(5000),
  '北碚',
];
const OVERLONG = 'x'.repeat(5000);
/** An empty or blank value counts as absent: never reported. */
const BLANK = [' ', ''];

const PERIODS = ['2022', '2023H1', '2023M07', '2023D0826', '2023'] as const;
const SECTORS = reportDataset.meta.sectors.map((s) => s.id);
const ctx: SearchContext = { periods: PERIODS, defaultPeriod: DEFAULT_PERIOD, sectors: SECTORS };

const SHARED_VALID: Record<string, readonly string[]> = {
  period: PERIODS,
  sector: SECTORS,
  lang: ['zh-CN', 'en'],
  theme: ['light', 'dark'],
};

interface Route {
  path: string;
  own: SearchSchema;
  valid: Record<string, readonly string[]>;
}
const NONE = {};
const ROUTES: Route[] = [
  ...['/', '/sectors', '/sectors/automotive', '/briefing', '/projects/baoshan-bridge-west-extension'].map((path) => ({
    path,
    own: NONE,
    valid: {},
  })),
  {
    path: '/projects',
    own: trackerSearch,
    valid: {
      stage: ['negotiating', 'signed', 'preliminary', 'construction', 'completed'],
      level: ['municipal', 'district'],
      type: ['transport', 'manufacturing', 'health'],
      q: ['高铁', '大桥', '项目'],
      sort: ['name', '-completed', 'progress', '-lastUpdate'],
      page: ['1', '2', '17'],
      pageSize: ['25', '50', '100', '200'],
    },
  },
  {
    path: '/present',
    own: presentationSearch,
    valid: {
      slides: ['kpis', 'pipeline', 'sectors:each'],
      interval: ['10', '30'],
      refresh: ['60', '300'],
      layout: ['slides', 'screen'],
    },
  },
];

interface Generated {
  route: Route;
  search: URLSearchParams;
  /** What the reading must give: the first valid value of each parameter given one. */
  used: Record<string, string>;
  ignored: { param: string; value: string }[];
}

const isValid = (param: string, value: string, valid: readonly string[]) =>
  param === 'q' ? value !== OVERLONG : valid.includes(value);

function generate(): Generated {
  const route = pick(ROUTES);
  const search = new URLSearchParams();
  const used: Record<string, string> = {};
  const ignored: Generated['ignored'] = [];
  for (const [param, valid] of Object.entries({ ...SHARED_VALID, ...route.valid })) {
    const roll = rand();
    if (roll < 0.35) continue;
    const values =
      roll < 0.55
        ? [pick(valid)]
        : roll < 0.75
          ? [pick(HOSTILE)]
          : roll < 0.8
            ? [pick(BLANK)]
            : roll < 0.9
              ? [pick(valid), pick(HOSTILE)]
              : [pick(HOSTILE), pick(valid), pick(valid)];
    for (const value of values) {
      search.append(param, value);
      if (value.trim() === '') continue;
      if (used[param] === undefined && isValid(param, value, valid)) used[param] = value;
      else ignored.push({ param, value: shownValue(value) });
    }
  }
  return { route, search, used, ignored };
}

const byParam = (a: { param: string; value: string }, b: { param: string; value: string }) =>
  a.param.localeCompare(b.param) || a.value.localeCompare(b.value);

const generated = Array.from({ length: 200 }, generate);
let passed = 0;
afterAll(() => console.info(`URL fuzz: ${generated.length} addresses, ${passed} passed`));

describe('generated addresses, read by the routes’ search schemas', () => {
  it.each(generated.map((g, i) => [`${i + 1}: ${g.route.path}?${g.search.toString().slice(0, 100)}`, g] as const))(
    '%s',
    (_name, g) => {
      const schema = { ...sharedSearch, ...g.route.own };
      const read = readSearch(schema, g.search, ctx);
      expect(read.used).toEqual(g.used);
      expect([...read.ignored].sort(byParam)).toEqual([...g.ignored].sort(byParam));
      if (g.used.period === undefined) expect(read.values.period).toBe(DEFAULT_PERIOD);

      const corrected = withoutIgnored(g.search, read);
      const again = readSearch(schema, corrected, ctx);
      expect(again.ignored).toEqual([]);
      expect(again.values).toEqual(read.values);
      // Parameters no schema reads are left as they were.
      for (const [param, value] of g.search) if (!(param in schema)) expect(corrected.getAll(param)).toContain(value);
      passed += 1;
    },
  );
});

/** Whole-app addresses: [address, the values the notice must name, the address it is corrected to]. */
const IN_APP: [string, string[], string][] = [
  [
    '/?period=2023H3&period=2023M07&lang=xx&theme=dark',
    ['period=“2023H3”', 'lang=“xx”'],
    '/?period=2023M07&theme=dark',
  ],
  // No period left: the page then moves to the nearest one with sector figures, as /sectors does.
  ['/sectors?sector=tobacco&period=%3Cscript%3E', ['sector=“tobacco”', 'period=“<script>”'], '/sectors?period=2023M07'],
  ['/sectors/automotive?period=2023M07&theme=neon', ['theme=“neon”'], '/sectors/automotive?period=2023M07'],
  [
    '/projects?stage=bogus&page=abc&sort=price&q=高铁',
    ['stage=“bogus”', 'page=“abc”', 'sort=“price”'],
    `/projects?q=${encodeURIComponent('高铁')}`,
  ],
  ['/projects?stage=bogus&sector=tobacco&theme=dark', ['stage=“bogus”', 'sector=“tobacco”'], '/projects?theme=dark'],
  [`/projects?q=${OVERLONG}&level=municipal`, [`q=“${shownValue(OVERLONG)}”`], '/projects?level=municipal'],
  [
    '/projects/baoshan-bridge-west-extension?lang=en&sector=x',
    ['sector="x"'],
    '/projects/baoshan-bridge-west-extension?lang=en',
  ],
  ['/briefing?period=2021', ['period=“2021”'], '/briefing'],
  [
    '/present?slides=kpis,bogus&interval=0&period=2023M07',
    ['slides=bogus', 'interval=0'],
    '/present?slides=kpis&period=2023M07',
  ],
];
let appPassed = 0;
afterAll(() => console.info(`URL fuzz in the app: ${IN_APP.length} addresses, ${appPassed} passed`));

describe('addresses opened in the app', () => {
  it.each(IN_APP)('%s', async (url, named, correctedTo) => {
    const consoleError = vi.spyOn(console, 'error');
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.error);
    window.addEventListener('error', onError);
    const { router, unmount } = renderApp(url);
    const corrections: string[] = [];
    const stop = router.subscribe(() =>
      corrections.push(`${router.state.location.pathname}${router.state.location.search}`),
    );
    try {
      expect((await screen.findAllByRole('heading', { level: 1 })).length).toBeGreaterThan(0);
      const current = () => `${router.state.location.pathname}${decodeURIComponent(router.state.location.search)}`;
      await waitFor(() => expect(current()).toBe(decodeURIComponent(correctedTo)));
      const notice = url.startsWith('/present')
        ? await screen.findByText(/已忽略无效参数/)
        : await screen.findByRole('status', { name: /提示|Notice/ });
      for (const text of named) expect(notice.textContent).toContain(text);
      // Corrected once (the shared parameters, then the page's own): no loop.
      expect(corrections.length).toBeLessThanOrEqual(2);
      expect(uncaught).toEqual([]);
      expect(consoleError.mock.calls).toEqual([]);
      appPassed += 1;
    } finally {
      stop();
      unmount();
      window.removeEventListener('error', onError);
    }
  });
});
