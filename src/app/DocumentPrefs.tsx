import { useEffect } from 'react';
import { useChosenTheme, useLocale } from '../stores/prefs';

/**
 * Keeps <html lang> and data-theme in step with the address, as the head script and the server
 * write them: data-theme only where the address chooses a theme (without it the stylesheet
 * follows the system's). Each is written only when it changes: setting even the same language
 * again restyles every element (3-10 ms on /projects on this machine, four times that on the
 * phone Lighthouse models, in the task that hydrates the page).
 */
export function DocumentPrefs() {
  const locale = useLocale();
  const theme = useChosenTheme();
  useEffect(() => {
    const root = document.documentElement;
    if (root.lang !== locale) root.lang = locale;
    if (theme === null) delete root.dataset.theme;
    else if (root.dataset.theme !== theme) root.dataset.theme = theme;
  }, [locale, theme]);
  return null;
}
