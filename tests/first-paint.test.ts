/**
 * The language and theme the address asks for hold from the first paint: the inline script sets
 * them on <html> before the static shell paints (allowed by its hash in the CSP), and the first
 * render reads them from the address, over what was remembered; an address that asks for none is
 * completed with the remembered ones by the same rule before anything reads it.
 */
import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH, MODULES_ELEMENT_ID, MODULES_SCRIPT, MODULES_SCRIPT_HASH } from '../server/boot';
import { contentSecurityPolicy } from '../server/csp';
import { createQueryClient } from '../src/api/queryClient';
import { App } from '../src/app/App';
import { AppRoutes } from '../src/app/routes';
import { rememberedPrefs, rememberPrefs, withRemembered } from '../src/stores/prefs';

const remember = (state: object) => localStorage.setItem('beibei.prefs', JSON.stringify({ state, version: 1 }));
// The inline script as the browser runs it: as a script of its own.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const boot = new Function(BOOT_SCRIPT) as () => void;

afterEach(() => {
  localStorage.clear();
  window.history.replaceState({}, '', '/');
  document.documentElement.lang = 'zh-CN';
  delete document.documentElement.dataset.theme;
});

describe('the first-paint script', () => {
  it.each([
    [
      'sets the address’s language and theme on <html>, over the remembered ones',
      'zh-CN',
      'light',
      '/?lang=en&theme=dark',
    ],
    ['falls back to the remembered ones, and ignores values that are neither', 'en', 'dark', '/?lang=fr&theme=pink'],
    [
      'takes the first usable value of a repeated parameter, as the app reads it',
      'zh-CN',
      'light',
      '/?lang=fr&lang=%20en&theme=&theme=dark',
    ],
  ] as const)('%s', (_name, locale, theme, address) => {
    remember({ locale, theme });
    window.history.replaceState({}, '', address);
    boot();
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('leaves the defaults alone with nothing asked or remembered, and survives broken storage', () => {
    localStorage.setItem('beibei.prefs', '{not json');
    boot();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('is allowed by its hash in the Content-Security-Policy, and no other inline script is but the modules script', () => {
    const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    expect(BOOT_SCRIPT_HASH).toBe(hash(BOOT_SCRIPT));
    expect(MODULES_SCRIPT_HASH).toBe(hash(MODULES_SCRIPT));
    expect(contentSecurityPolicy(undefined)).toContain(
      `script-src 'self' ${hash(BOOT_SCRIPT)} ${hash(MODULES_SCRIPT)};`,
    );
    expect(contentSecurityPolicy(undefined)).not.toContain('unsafe-inline');
  });
});

describe('the modules script of a page rendered on the server', () => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function(MODULES_SCRIPT) as () => void;
  const list = {
    entry: '/assets/index-a1.js',
    run: ['/assets/runtime-b2.js', '/assets/react-dom-c3.js', '/assets/shell-d4.js'],
    preload: ['/assets/OverviewPage-e5.js', '/assets/pace-f6.js'],
  };
  const added = () =>
    [...document.head.querySelectorAll('script[src], link[rel="modulepreload"]')].map((el) => ({
      tag: el.tagName.toLowerCase(),
      url: el.getAttribute('src') ?? el.getAttribute('href'),
      type: el.getAttribute('type'),
      crossOrigin: el.getAttribute('crossorigin'),
      // A script added by a script runs as soon as it arrives unless it is not `async`: then in order.
      inOrder: el instanceof HTMLScriptElement ? !el.async : null,
    }));
  const urls = () => added().map((el) => el.url);
  const everything = [...list.run, list.entry, ...list.preload];
  const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  /** After the tasks queued until now have run. */
  const tasksRun = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('waits for the first contentful paint where the browser reports paints', async () => {
    document.body.innerHTML = `<script type="application/json" id="${MODULES_ELEMENT_ID}">${JSON.stringify(list)}</script>`;
    const observers: {
      callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void;
      options: unknown;
    }[] = [];
    class PaintObserver {
      static supportedEntryTypes = ['paint', 'resource'];
      constructor(readonly callback: (typeof observers)[number]['callback']) {}
      observe(options: unknown) {
        observers.push({ callback: this.callback, options });
      }
    }
    vi.stubGlobal('PerformanceObserver', PaintObserver);
    const paint = (name: string) => {
      for (const { callback } of observers) callback({ getEntriesByName: (n) => (n === name ? [{ name }] : []) });
    };
    run();
    expect(observers.map((o) => o.options)).toEqual([{ type: 'paint', buffered: true }]);
    await painted();
    paint('first-paint');
    // A frame and a first paint of nothing to read are not the page painted.
    await tasksRun();
    expect(added()).toEqual([]);
    paint('first-contentful-paint');
    await tasksRun();
    expect(urls()).toEqual(everything);
    paint('first-contentful-paint');
    await tasksRun();
    expect(added()).toHaveLength(everything.length);
  });

  it('runs the entry’s modules and then the entry, in order, and preloads the page’s own, as the list names them', async () => {
    document.body.innerHTML = `<script type="application/json" id="${MODULES_ELEMENT_ID}">${JSON.stringify(list)}</script>`;
    run();
    // Nothing before the first paint: the page's document has the network to itself.
    expect(added()).toEqual([]);
    await painted();
    await tasksRun();
    expect(added()).toEqual([
      { tag: 'script', url: '/assets/runtime-b2.js', type: 'module', crossOrigin: '', inOrder: true },
      { tag: 'script', url: '/assets/react-dom-c3.js', type: 'module', crossOrigin: '', inOrder: true },
      { tag: 'script', url: '/assets/shell-d4.js', type: 'module', crossOrigin: '', inOrder: true },
      { tag: 'script', url: '/assets/index-a1.js', type: 'module', crossOrigin: '', inOrder: true },
      { tag: 'link', url: '/assets/OverviewPage-e5.js', type: null, crossOrigin: '', inOrder: null },
      { tag: 'link', url: '/assets/pace-f6.js', type: null, crossOrigin: '', inOrder: null },
    ]);
  });

  it('adds each script and preload in a task of its own, so that asking for them makes no long task', () => {
    document.body.innerHTML = `<script type="application/json" id="${MODULES_ELEMENT_ID}">${JSON.stringify(list)}</script>`;
    // The page's task queue: timers (and the frame) run one per task, the soonest first.
    const queue: { due: number; run: () => void }[] = [];
    vi.stubGlobal('setTimeout', (run: () => void, ms = 0) => queue.push({ due: ms, run }));
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => queue.push({ due: 16, run }));
    vi.stubGlobal('PerformanceObserver', undefined);
    run();
    const addedPerTask: number[] = [];
    while (queue.length > 0) {
      const next = queue.reduce((soonest, task) => (task.due < soonest.due ? task : soonest));
      queue.splice(queue.indexOf(next), 1);
      const before = added().length;
      next.run();
      addedPerTask.push(added().length - before);
    }
    expect(urls()).toEqual(everything);
    expect(Math.max(...addedPerTask), 'elements added in one task').toBe(1);
  });

  it('asks at once in a page that is not shown, which paints no frame and whose timers are slowed', () => {
    document.body.innerHTML = `<script type="application/json" id="${MODULES_ELEMENT_ID}">${JSON.stringify(list)}</script>`;
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    run();
    expect(visibility).toHaveBeenCalled();
    expect(urls()).toEqual(everything);
  });
});

describe('the address at start', () => {
  const complete = (path: string, remembered: Parameters<typeof withRemembered>[1]) => {
    const url = withRemembered(new URL(path, 'http://localhost'), remembered);
    return `${url.pathname}${url.search}`;
  };

  it('gets the language and theme chosen last time where it asks for none', () => {
    expect(complete('/sectors', { locale: 'en' })).toBe('/sectors?lang=en');
    expect(complete('/projects?q=%E9%AB%98&page=2', { locale: 'en', theme: 'dark' })).toBe(
      '/projects?q=%E9%AB%98&page=2&lang=en&theme=dark',
    );
  });

  it('keeps what the address asks for, and writes neither the default language nor a theme that follows the system', () => {
    expect(complete('/?lang=zh-CN&theme=light', { locale: 'en', theme: 'dark' })).toBe('/?lang=zh-CN&theme=light');
    expect(complete('/', { locale: 'zh-CN', theme: null })).toBe('/');
    expect(complete('/', {})).toBe('/');
  });

  it('keeps a value it cannot use, to be reported, and adds the remembered one after it', () => {
    expect(complete('/?lang=xx', { locale: 'en' })).toBe('/?lang=xx&lang=en');
  });

  it('reads the remembered choice as the first-paint script does, and survives broken storage', () => {
    remember({ locale: 'en', theme: 'dark' });
    expect(rememberedPrefs()).toEqual({ locale: 'en', theme: 'dark' });
    remember({ locale: 'fr', theme: 'pink' });
    expect(rememberedPrefs()).toEqual({});
    localStorage.setItem('beibei.prefs', '{not json');
    expect(rememberedPrefs()).toEqual({});
    rememberPrefs({ locale: 'en' });
    window.history.replaceState({}, '', '/');
    boot();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the first render', () => {
  // On the server, as before the first effect runs in the browser: only what the render reads.
  const firstRender = (path: string) =>
    renderToString(
      createElement(App, {
        queryClient: createQueryClient({ retry: false }),
        children: createElement(MemoryRouter, { initialEntries: [path] }, createElement(AppRoutes)),
      }),
    );

  it('is in the language the address asks for, whatever was remembered', () => {
    remember({ locale: 'zh-CN' });
    const html = firstRender('/?lang=en&theme=dark');
    expect(html).toContain('aria-label="Main navigation"');
    expect(html).toContain('Economic Monitor');
    expect(html).not.toContain('经济运行监测');
  });

  it('is in Chinese at an address that asks for no language', () => {
    remember({ locale: 'en' });
    expect(firstRender('/sectors')).toContain('aria-label="主导航"');
  });
});
