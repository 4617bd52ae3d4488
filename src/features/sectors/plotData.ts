/** What the sector plots draw (SectorPlots.tsx): one datum per bar, in the order drawn. */
import type { Measure, SectorId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import type { FigureKey } from '../../domain/sectorFigures';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import type { Theme } from '../../lib/search';
import type { SectorColorOf } from '../../lib/sectorColors';
import { CHART_INK } from './chartTheme';
import { orderSectors } from './sectorOrder';

export interface BarDatum {
  id: SectorId;
  sector: SectorFigure;
  name: string;
  value: number;
  label: string;
}

/** The share chart's part for the rest of the district: no sector id (a letter first) can be it. */
export const REST_ID = '~rest';

export interface ShareDatum {
  /** The sector's id, or REST_ID. */
  id: SectorId;
  name: string;
  value: number;
  label: string;
  color: string;
}

/** One bar per sector that reports `key`, leading industries first. */
export function barData(items: readonly SectorFigure[], key: FigureKey, locale: Locale, signed = false): BarDatum[] {
  return orderSectors(items).flatMap((s) => {
    const m = s[key];
    return m
      ? [
          {
            id: s.id,
            sector: s,
            name: localized(s.label, locale),
            value: m.value,
            label: formatMeasure(m, locale, { signed }),
          },
        ]
      : [];
  });
}

/**
 * The rest of the district's output when one sector's share is reported (2022: electronics
 * 59.9 % → others 40.1 %). Derived, with its formula, never passed off as reported.
 */
export function remainderShare(share: Measure): Measure {
  const decimals = Math.max(0, (share.digits ?? 3) - Math.floor(Math.log10(Math.abs(share.value) || 1)) - 1);
  const factor = 10 ** decimals;
  const value = Math.round((100 - share.value) * factor) / factor;
  const source = share.provenance.source ? ` (${share.provenance.source})` : '';
  return {
    value,
    unit: 'percent',
    digits: Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1 + decimals),
    provenance: { kind: 'derived', formula: `100% − ${String(share.value)}%${source}` },
  };
}

/**
 * The reported shares, and the rest of the district (`rest`, derived) when they do not add up
 * to 100 %, named `otherName`.
 */
export function shareData(
  items: readonly SectorFigure[],
  locale: Locale,
  theme: Theme,
  otherName: string,
  sectorColor: SectorColorOf,
): { data: ShareDatum[]; rest: Measure | null } {
  const reported = orderSectors(items).filter((s) => s.share !== null);
  const data: ShareDatum[] = reported.flatMap((s) =>
    s.share
      ? [
          {
            id: s.id,
            name: localized(s.label, locale),
            value: s.share.value,
            label: formatMeasure(s.share, locale),
            color: sectorColor(s.id, theme),
          },
        ]
      : [],
  );
  const total = data.reduce((a, d) => a + d.value, 0);
  const rest =
    reported.length > 0 && total < 100
      ? remainderShare({
          ...(reported[0]?.share ?? { unit: 'percent', provenance: { kind: 'derived', formula: '' } }),
          value: total,
        })
      : null;
  if (rest) {
    data.push({
      id: REST_ID,
      name: otherName,
      value: rest.value,
      label: formatMeasure(rest, locale),
      color: CHART_INK[theme].other,
    });
  }
  return { data, rest };
}
