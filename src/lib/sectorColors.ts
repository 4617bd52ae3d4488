import type { SectorId } from '../api/common';
import type { Theme } from './search';

/**
 * One colour per sector, the same in every chart, legend and badge. Hues follow the
 * Okabe–Ito colour-blind-safe palette; each theme has its own shade so every colour keeps
 * at least 3:1 contrast against that theme's surface (WCAG 1.4.11).
 */
export const SECTOR_COLORS: Record<Theme, Record<SectorId, string>> = {
  light: {
    electronics: '#0072B2',
    automotive: '#B26B00',
    equipment: '#007A5A',
    motorcycle: '#6A3D9A',
    materials: '#C24A00',
    pharma: '#A8457F',
    consumer: '#6E6200',
    energy: '#4D4D4D',
  },
  dark: {
    electronics: '#56B4E9',
    automotive: '#E69F00',
    equipment: '#2BC49A',
    motorcycle: '#B79AE0',
    materials: '#FF7F3F',
    pharma: '#E08CC0',
    consumer: '#E6D548',
    energy: '#BDBDBD',
  },
};

export const sectorColor = (id: SectorId, theme: Theme): string => SECTOR_COLORS[theme][id];
