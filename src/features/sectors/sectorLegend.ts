/** The sector charts' legends: each sector in its colour, a button to its page. */
import type { SectorFigure } from '../../api/sectors';
import type { ChartLegendGroup } from '../../components/ChartFrame';
import { localized } from '../../lib/i18n';
import type { ChartContext } from './chartContext';
import { REST_ID } from './plotData';
import type { ShareDatum } from './plotData';
import { GROUPS } from './sectorOrder';

/** The given sectors by group (leading industries, then diversified growth). */
export function sectorLegend(items: readonly SectorFigure[], ctx: ChartContext): ChartLegendGroup[] {
  return GROUPS.map((g) => ({
    key: g,
    label: ctx.t(`group.${g}`),
    items: items
      .filter((s) => s.group === g)
      .map((s) => {
        const label = localized(s.label, ctx.locale);
        return {
          key: s.id,
          label,
          color: ctx.color(s.id),
          actionLabel: ctx.t('chart.openSector', { sector: label }),
          onSelect: () => ctx.open(s.id),
        };
      }),
  })).filter((g) => g.items.length > 0);
}

/** The share chart's parts in their order, each with its share; the derived rest opens nothing. */
export function shareLegend(data: readonly ShareDatum[], ctx: ChartContext): ChartLegendGroup[] {
  return [
    {
      key: 'share',
      items: data.map((d) => {
        const id = d.id;
        return {
          key: d.id,
          label: `${d.name} ${d.label}`,
          color: d.color,
          ...(id === REST_ID
            ? {}
            : { onSelect: () => ctx.open(id), actionLabel: ctx.t('chart.openSector', { sector: d.name }) }),
        };
      }),
    },
  ];
}
