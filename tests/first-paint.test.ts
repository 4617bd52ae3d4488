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
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH } from '../server/boot';
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

  it('is allowed by its hash in the Content-Security-Policy, and no other inline script is', () => {
    const hash = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;
    expect(BOOT_SCRIPT_HASH).toBe(hash);
    expect(contentSecurityPolicy(undefined)).toContain(`script-src 'self' ${hash};`);
    expect(contentSecurityPolicy(undefined)).not.toContain('unsafe-inline');
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
