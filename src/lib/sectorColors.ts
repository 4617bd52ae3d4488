import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SectorId } from '../api/common';
import { metaOptions } from '../api/meta';
import type { SectorInfo } from '../api/meta';
import type { Theme } from './search';

/**
 * The colours of sectors the catalog gives none (versions published before sectors had their
 * colour), by the sector's place in the catalog: the Okabe–Ito colour-blind-safe hues, a shade per
 * theme with at least 3:1 contrast against that theme's surface (WCAG 1.4.11), as the import
 * requires of the colours an office gives.
 */
const PALETTE: Record<Theme, readonly string[]> = {
  light: ['#0072B2', '#B26B00', '#007A5A', '#6A3D9A', '#C24A00', '#A8457F', '#6E6200', '#4D4D4D'],
  dark: ['#56B4E9', '#E69F00', '#2BC49A', '#B79AE0', '#FF7F3F', '#E08CC0', '#E6D548', '#BDBDBD'],
};

/** A sector's colour in a theme: the one its catalog entry gives, else the palette's by its place. */
export type SectorColorOf = (id: SectorId, theme: Theme) => string;

/** One colour per sector, the same in every chart, legend and badge, from the catalog `sectors`. */
export function sectorColors(sectors: readonly Pick<SectorInfo, 'id' | 'color'>[]): SectorColorOf {
  return (id, theme) => {
    const place = sectors.findIndex((s) => s.id === id);
    const palette = PALETTE[theme];
    return sectors[place]?.color?.[theme] ?? palette[Math.max(place, 0) % palette.length] ?? '#4D4D4D';
  };
}

const selectSectors = (meta: { sectors: SectorInfo[] }) => meta.sectors;
const NONE: SectorInfo[] = [];

/** The sectors' colours of the version the page shows (/meta's sectors). */
export function useSectorColor(): SectorColorOf {
  const sectors = useQuery({ ...metaOptions(), select: selectSectors }).data ?? NONE;
  return useMemo(() => sectorColors(sectors), [sectors]);
}
