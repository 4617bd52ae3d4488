import { useEffect } from 'react';
import { usePrefs, useResolvedTheme } from '../stores/prefs';

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
