import type { Theme } from '../../lib/search';

/**
 * Colours Recharts writes into SVG attributes (ticks, value labels). CSS variables do not
 * work there, and the PNG export needs real colours; these match --text / --text-muted.
 */
export const CHART_INK: Record<Theme, { text: string; muted: string; other: string }> = {
  light: { text: '#17202c', muted: '#46505e', other: '#6B7280' },
  dark: { text: '#e8edf3', muted: '#aab5c3', other: '#9CA3AF' },
};
