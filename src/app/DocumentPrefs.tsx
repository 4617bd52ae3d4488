import { useEffect, useSyncExternalStore } from 'react';
import type { Theme } from '../lib/searchParams';
import { usePrefs } from '../stores/prefs';

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

/** Keeps <html lang> and data-theme in step with the preferences. */
export function DocumentPrefs() {
  const locale = usePrefs((s) => s.locale);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);
  return null;
}
