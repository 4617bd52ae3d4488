import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_LOCALE, isLocale, translate } from '../lib/i18n';
import type { Catalog, Locale, Translate, Vars } from '../lib/i18n';
import { isTheme } from '../lib/search';
import type { Theme } from '../lib/search';

interface PrefsState {
  locale: Locale;
  /** null: follow the system's colour scheme. */
  theme: Theme | null;
}

/**
 * What the address asks for (?lang=en, ?theme=dark): it wins over what was remembered, from the
 * first render on, so /?lang=en never draws in Chinese first (see also scripts/boot.ts).
 */
function fromLocation(): Partial<PrefsState> {
  if (typeof window === 'undefined') return {};
  const search = new URLSearchParams(window.location.search);
  const lang = search.get('lang');
  const theme = search.get('theme');
  return { ...(isLocale(lang) ? { locale: lang } : {}), ...(isTheme(theme) ? { theme } : {}) };
}

/** Language and theme, remembered across visits (localStorage). */
export const usePrefs = create<PrefsState>()(
  persist((): PrefsState => ({ locale: DEFAULT_LOCALE, theme: null, ...fromLocation() }), {
    name: 'beibei.prefs',
    version: 1,
    storage: createJSONStorage(() => localStorage),
    merge: (persisted, current) => {
      const p = (persisted ?? {}) as Partial<PrefsState>;
      const asked = fromLocation();
      return {
        ...current,
        locale: asked.locale ?? (isLocale(p.locale) ? p.locale : current.locale),
        theme: asked.theme ?? (isTheme(p.theme) ? p.theme : current.theme),
      };
    },
  }),
);

export const useLocale = () => usePrefs((s) => s.locale);

/** The translator for a catalog in the current language. */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, vars?: Vars) => translate(catalog, locale, key, vars), [catalog, locale]);
}

const query = '(prefers-color-scheme: dark)';
const hasMatchMedia = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';
const subscribe = (onChange: () => void) => {
  if (!hasMatchMedia()) return () => undefined;
  const mql = window.matchMedia(query);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
};
const systemTheme = (): Theme => (hasMatchMedia() && window.matchMedia(query).matches ? 'dark' : 'light');

/** The theme in effect: the chosen one, else the system's. */
export function useResolvedTheme(): Theme {
  const chosen = usePrefs((s) => s.theme);
  const system = useSyncExternalStore(subscribe, systemTheme, () => 'light' as const);
  return chosen ?? system;
}
