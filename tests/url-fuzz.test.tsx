/**
 * 200 generated addresses mixing valid, invalid, repeated, overlong and encoded values for
 * every parameter of every route. Each must render a usable page, name every shared
 * parameter it ignored, throw nothing, and settle (no redirect loop).
 */
import { screen, waitFor } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SECTOR_IDS } from '../src/api/common';
import { mulberry32 } from '../data/measure';
import { renderApp } from './render';

const rand = mulberry32(20231026);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

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
  ' ',
];

const GLOBAL_VALID = {
  period: ['2022', '2023H1', '2023M07', '2023D0826', '2023'],
  sector: [...SECTOR_IDS],
  lang: ['zh-CN', 'en'],
  theme: ['light', 'dark'],
} as const;

const ROUTE_PARAMS: Record<string, Record<string, readonly string[]>> = {
  '/': {},
  '/sectors': {},
  '/sectors/automotive': {},
  '/sectors/tobacco': {},
  '/projects': {
    stage: ['negotiating', 'signed', 'preliminary', 'construction', 'completed'],
    level: ['municipal', 'district'],
    type: ['transport', 'manufacturing', 'health'],
    q: ['高铁', '大桥', '项目'],
    sort: ['name', '-completed', 'progress', '-lastUpdate'],
    page: ['1', '2'],
  },
  '/projects/baoshan-bridge-west-extension': {},
  '/projects/does-not-exist': {},
  '/present': { slides: ['kpis,sectors', 'pipeline', 'sectors:each'], interval: ['10', '30'], refresh: ['60', '300'] },
};

interface Generated {
  url: string;
  /** Shared parameters whose values must be reported as ignored. */
  ignored: { param: string; value: string }[];
}

function generate(): Generated {
  const path = pick(Object.keys(ROUTE_PARAMS));
  const params = new URLSearchParams();
  const ignored: Generated['ignored'] = [];
  const all = { ...GLOBAL_VALID, ...ROUTE_PARAMS[path] } as Record<string, readonly string[]>;
  for (const [param, valid] of Object.entries(all)) {
    const roll = rand();
    if (roll < 0.35) continue;
    const values =
      roll < 0.6
        ? [pick(valid)]
        : roll < 0.8
          ? [pick(HOSTILE)]
          : roll < 0.9
            ? [pick(valid), pick(HOSTILE)]
            : [pick(HOSTILE), pick(valid)];
    let accepted = false;
    for (const value of values) params.append(param, value);
    if (param in GLOBAL_VALID) {
      for (const value of values) {
        const ok = !accepted && value.trim() !== '' && valid.includes(value);
        if (ok) accepted = true;
        else if (value !== '' && value.trim() !== '')
          ignored.push({ param, value: value.length > 40 ? `${value.slice(0, 40)}…` : value });
      }
    }
  }
  const qs = params.toString();
  return { url: qs ? `${path}?${qs}` : path, ignored };
}

const generated = Array.from({ length: 200 }, generate);
let passed = 0;
afterAll(() => console.info(`URL fuzz: ${generated.length} addresses, ${passed} passed`));

describe('generated addresses', () => {
  it.each(generated.map((g, i) => [`${i + 1}: ${g.url.slice(0, 120)}`, g] as const))('%s', async (_name, g) => {
    const consoleError = vi.spyOn(console, 'error');
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.error);
    window.addEventListener('error', onError);
    const { router, unmount } = renderApp(g.url);
    let navigations = 0;
    const stop = router.subscribe(() => (navigations += 1));
    try {
      await waitFor(() => expect(screen.getAllByRole('heading', { level: 1 }).length).toBeGreaterThan(0), {
        timeout: 5000,
      });
      if (g.ignored.length > 0) {
        const notice = await screen.findByRole('status', { name: /提示|Notice/ });
        for (const { param, value } of g.ignored) {
          expect(notice.textContent).toContain(`${param}=`);
          expect(notice.textContent).toContain(value.trim());
        }
      }
      // Settles: no address change for 300 ms within 3 s, after only a few corrections.
      const deadline = Date.now() + 3000;
      let last = -1;
      while (last !== navigations && Date.now() < deadline) {
        last = navigations;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(last, 'the address keeps changing').toBe(navigations);
      expect(navigations, 'too many redirects').toBeLessThan(6);
      expect(uncaught).toEqual([]);
      expect(consoleError.mock.calls).toEqual([]);
      passed += 1;
    } finally {
      stop();
      unmount();
      window.removeEventListener('error', onError);
    }
  });
});
