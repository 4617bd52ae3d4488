import { Fragment } from 'react';
import { Link } from 'react-router';
import type { SectorFigure } from '../../api/sectors';
import { localized } from '../../lib/i18n';
import type { ChartContext } from './chartContext';

/** Sectors without a figure, listed in words (never drawn as zero), each a link to its page. */
export function NotReported({ items, ctx }: { items: readonly SectorFigure[]; ctx: ChartContext }) {
  if (items.length === 0) return null;
  return (
    <p className="sectors-not-reported">
      {ctx.t('chart.notReported')}
      {items.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 && ctx.t('list.sep')}
          <Link to={ctx.sectorTo(s.id)}>{localized(s.label, ctx.locale)}</Link>
        </Fragment>
      ))}
    </p>
  );
}
