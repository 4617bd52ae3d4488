import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { DEFAULT_LOCALE, isLocale, translate } from '../lib/i18n';
import type { Catalog, Locale, Translate, Vars } from '../lib/i18n';
import { isTheme, readPrefs } from '../lib/search';
import type { Theme } from '../lib/search';

/**
 * Language and theme live in the address (?lang=en, ?theme=dark), which every render reads: a
 * shared link, back and forward, and a render on the server all show what the address says. The
 * only thing kept here is the choice made last time, for the next visit to an address that asks
 * for none (see withRemembered).
 */
export interface Prefs {
  locale: Locale;
  /** null: follow the system's colour scheme. */
  theme: Theme | null;
}

// The format server/boot.ts reads before the first paint; earlier versions wrote the same.
const STORAGE_KEY = 'beibei.prefs';

/** The language and theme chosen last time (nothing where none was, or storage is unavailable). */
export function rememberedPrefs(): Partial<Prefs> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    const state = (raw as { state?: Partial<Record<keyof Prefs, unknown>> } | null)?.state ?? {};
    return {
      ...(isLocale(state.locale) ? { locale: state.locale } : {}),
      ...(isTheme(state.theme) ? { theme: state.theme } : {}),
    };
  } catch {
    return {};
  }
}

/** Remembers a choice made in the header for the next visit. */
export function rememberPrefs(choice: Partial<Prefs>) {
  try {
    const state = { ...rememberedPrefs(), ...choice };
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state, version: 1 }));
  } catch {
    // Private mode or full storage: the address still holds the choice for this visit.
  }
}

/**
 * The address completed with the remembered choice where it asks for no language or theme it
 * can use (a value it cannot use stays, to be reported): what the first render reads, at start
 * (src/main.tsx) and in server/boot.ts before the first paint. The default language and a theme
 * that follows the system are not written.
 */
export function withRemembered(url: URL, remembered: Partial<Prefs>): URL {
  const asked = readPrefs(url.searchParams);
  const added = new URLSearchParams();
  if (!asked.lang && remembered.locale && remembered.locale !== DEFAULT_LOCALE) added.set('lang', remembered.locale);
  if (!asked.theme && remembered.theme) added.set('theme', remembered.theme);
  const extra = added.toString();
  const next = new URL(url);
  // Appended as text: the rest of the address stays exactly as it was written.
  if (extra) next.search = `${url.search}${url.search ? '&' : '?'}${extra}`;
  return next;
}

/** The language and theme the current address asks for. */
function useAddressPrefs(): Prefs {
  const { search } = useLocation();
  return useMemo(() => {
    const { lang, theme } = readPrefs(new URLSearchParams(search));
    return { locale: lang ?? DEFAULT_LOCALE, theme };
  }, [search]);
}

/** The language of the current address. */
export const useLocale = (): Locale => useAddressPrefs().locale;

/** The translator for a catalog in the current language. */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, vars?: Vars) => translate(catalog, locale, key, vars), [catalog, locale]);
}

// One list for every subscriber, made on first use: matchMedia parses the query and sets up a
// list each time it is called, which at hydration ran once per component that reads the theme.
let systemList: MediaQueryList | null | undefined;
const systemQuery = (): MediaQueryList | null => {
  if (systemList === undefined) {
    systemList =
      typeof window !== 'undefined' && typeof window.matchMedia === 'function'
        ? window.matchMedia('(prefers-color-scheme: dark)')
        : null;
  }
  return systemList;
};
const subscribe = (onChange: () => void) => {
  const list = systemQuery();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
};
const systemTheme = (): Theme => (systemQuery()?.matches ? 'dark' : 'light');

/** The theme the address asks for; null where it asks for none (the system's is in effect). */
export const useChosenTheme = (): Theme | null => useAddressPrefs().theme;

/** The theme in effect: the address's, else the system's. */
export function useResolvedTheme(): Theme {
  const chosen = useChosenTheme();
  const system = useSyncExternalStore(subscribe, systemTheme, () => 'light' as const);
  return chosen ?? system;
}
