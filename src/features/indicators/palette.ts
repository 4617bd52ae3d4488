import type { Theme } from '../../lib/search';

/** Colours Recharts writes into SVG attributes (CSS variables do not reach them); they match --text / --text-muted. */
export const INK: Record<Theme, { text: string; muted: string }> = {
  light: { text: '#17202c', muted: '#46505e' },
  dark: { text: '#e8edf3', muted: '#aab5c3' },
};

/** The value and the derived month's own value; each at least 3:1 against the page. */
export const TREND_COLORS: Record<Theme, { value: string; month: string }> = {
  light: { value: '#1d4ed8', month: '#b45309' },
  dark: { value: '#93c5fd', month: '#fbbf24' },
};

/** Years from the latest back: the latest the strongest. */
const YEAR_COLORS: Record<Theme, string[]> = {
  light: ['#1d4ed8', '#b45309', '#0f766e', '#6b7280', '#7c3aed'],
  dark: ['#93c5fd', '#fbbf24', '#5eead4', '#9ca3af', '#c4b5fd'],
};

/** The colour of `year` among `years` (in order), the latest first in the palette. */
export function yearColor(years: readonly number[], year: number, theme: Theme): string {
  const colors = YEAR_COLORS[theme];
  const back = years.length - 1 - years.indexOf(year);
  return colors[back % colors.length] ?? colors[0] ?? '#000';
}
