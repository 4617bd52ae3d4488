import { Fragment } from 'react';
import { useLocation } from 'react-router';
import type { PeriodId } from '../../api/common';
import { AppLink } from '../../components/AppLink';
import type { FigureKey } from '../../domain/sectorFigures';
import { formatPeriod } from '../../lib/format';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { usePeriodsByFigure } from './sectorNavigation';

/**
 * The sector figures the period does not have, in one line in place of their charts, with the
 * periods that have each as links to this page: 2023年1–7月累计未公布：各产业占全区比重、
 * 分产业企业数。另见：各产业占全区比重 2022年；分产业企业数 2023年至今（截至8月26日）
 */
export function MissingFigures({ figures, period }: { figures: readonly FigureKey[]; period: PeriodId }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const { pathname } = useLocation();
  const byFigure = usePeriodsByFigure();
  if (figures.length === 0) return null;
  const elsewhere = figures.flatMap((f) => {
    const periods = byFigure?.[f] ?? [];
    return periods.length > 0 ? [{ figure: f, periods }] : [];
  });
  return (
    <p className="sectors-missing">
      {t('missing.label', { period: formatPeriod(period, locale) })}
      {figures.map((f) => t(`missing.${f}`)).join(t('list.sep'))}
      {t('missing.end')}
      {elsewhere.length > 0 && (
        <span className="sectors-missing__see">
          {t('missing.see')}
          {elsewhere.map(({ figure, periods }, i) => (
            <Fragment key={figure}>
              {i > 0 && t('missing.seeSep')}
              {t(`missing.${figure}`)}{' '}
              {periods.map((p, j) => (
                <Fragment key={p.id}>
                  {j > 0 && t('list.sep')}
                  <AppLink to={pathname} params={{ period: p.id }}>
                    {formatPeriod(p.id, locale, { target: p.kind === 'target' })}
                  </AppLink>
                </Fragment>
              ))}
            </Fragment>
          ))}
        </span>
      )}
    </p>
  );
}
