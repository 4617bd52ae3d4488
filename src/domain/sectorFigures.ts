import type { SectorFigure } from '../api/sectors';

/** The four figures a sector may report for a period. */
export type FigureKey = 'output' | 'growth' | 'firms' | 'share';
export const ALL_FIGURES: readonly FigureKey[] = ['output', 'growth', 'firms', 'share'];

/** Whether a sector reports any of `keys` (by default any figure) for its period. */
export const hasFigure = (s: SectorFigure, keys: readonly FigureKey[] = ALL_FIGURES) => keys.some((k) => s[k] !== null);

/** Whether any sector of a list reports a figure: a period that has none shows empty charts. */
export const listHasFigures = (items: readonly SectorFigure[] | undefined, keys: readonly FigureKey[] = ALL_FIGURES) =>
  items?.some((s) => hasFigure(s, keys)) ?? false;
