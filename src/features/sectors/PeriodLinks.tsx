import { Fragment } from 'react';
import { Link } from 'react-router';
import type { PeriodId, SectorId } from '../../api/common';
import { formatPeriod } from '../../lib/format';
import { useSharedQuery } from '../../lib/routeSearch';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { usePeriodsWithFigures } from './sectorNavigation';

/** When the chosen period has no figures: links to the periods that do (same page, other period). */
export function PeriodLinks({ sector, sectorLabel }: { sector: SectorId | null; sectorLabel?: string }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const search = useSharedQuery();
  const periods = usePeriodsWithFigures(sector);
  if (!periods || periods.length === 0) return null;
  const to = (p: PeriodId) => {
    const params = new URLSearchParams(search);
    params.set('period', p);
    return { search: `?${params.toString()}` };
  };
  return (
    <p className="sectors-period-links">
      {sectorLabel ? t('periods.hintSector', { sector: sectorLabel }) : t('periods.hint')}{' '}
      {periods.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && t('list.sep')}
          <Link to={to(p.id)}>{formatPeriod(p.id, locale, { target: p.kind === 'target' })}</Link>
        </Fragment>
      ))}
    </p>
  );
}
