import { Fragment } from 'react';
import { useLocation } from 'react-router';
import type { SectorId } from '../../api/common';
import { formatPeriod } from '../../lib/format';
import { AppLink } from '../../components/AppLink';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { usePeriodsWithFigures } from './sectorNavigation';

/** When the chosen period has no figures: links to the periods that do (same page, other period). */
export function PeriodLinks({ sector, sectorLabel }: { sector: SectorId | null; sectorLabel?: string }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const { pathname } = useLocation();
  const periods = usePeriodsWithFigures(sector);
  if (!periods || periods.length === 0) return null;
  return (
    <p className="sectors-period-links">
      {sectorLabel ? t('periods.hintSector', { sector: sectorLabel }) : t('periods.hint')}{' '}
      {periods.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && t('list.sep')}
          <AppLink to={pathname} params={{ period: p.id }}>
            {formatPeriod(p.id, locale, { target: p.kind === 'target' })}
          </AppLink>
        </Fragment>
      ))}
    </p>
  );
}
