/**
 * The language and theme the address asks for hold from the first paint: the inline script sets
 * them on <html> before the static shell paints (allowed by its hash in the CSP), and the prefs
 * store starts from them, over what was remembered.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH } from '../server/boot';
import { contentSecurityPolicy } from '../server/csp';

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
  it('sets the address’s language and theme on <html>, over the remembered ones', () => {
    remember({ locale: 'zh-CN', theme: 'light' });
    window.history.replaceState({}, '', '/?lang=en&theme=dark');
    boot();
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('falls back to the remembered ones, and ignores values that are neither', () => {
    remember({ locale: 'en', theme: 'dark' });
    window.history.replaceState({}, '', '/?lang=fr&theme=pink');
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

describe('the prefs store', () => {
  it('starts in the language and theme the address asks for, over what was remembered', async () => {
    remember({ locale: 'zh-CN', theme: 'light' });
    window.history.replaceState({}, '', '/?lang=en&theme=dark');
    vi.resetModules();
    const { usePrefs } = await import('../src/stores/prefs');
    expect(usePrefs.getState()).toMatchObject({ locale: 'en', theme: 'dark' });
  });
});
