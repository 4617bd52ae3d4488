/**
 * The drawn part of the sector overview's charts (Recharts): loaded by the first of them that
 * comes near the window. A module of its own, so that pages without these charts (a sector's own
 * page) do not count it among the code they may load.
 */
export const loadSectorPlots = () => import('./SectorPlots');
