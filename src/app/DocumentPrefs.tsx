import { useEffect } from 'react';
import { useLocale, useResolvedTheme } from '../stores/prefs';

/** Keeps <html lang> and data-theme in step with the address. */
export function DocumentPrefs() {
  const locale = useLocale();
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);
  return null;
}
