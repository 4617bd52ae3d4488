import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { metaOptions } from '../../api/meta';
import { sectorListOptions } from '../../api/sectors';
import { MeasureText } from '../../components/FigureText';
import { Skeleton } from '../../components/Skeleton';
import type { SectorFigure } from '../../api/sectors';
import { formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useSectorColor } from '../../lib/sectorColors';
import { usePageFilters } from '../../lib/routeSearch';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { FirmList } from './FirmList';
import { PeriodLinks } from './PeriodLinks';
import { FigureChart } from './FigureChart';
import { ShareChart } from './ShareChart';
import type { SectorChartProps } from './chartContext';
import { FallbackNotice } from './FallbackNotice';
import { listHasFigures } from '../../domain/sectorFigures';
import type { FigureKey } from '../../domain/sectorFigures';
import { MissingFigures } from './MissingFigures';
import { GROUPS, orderSectors } from './sectorOrder';
import { useNearestPeriodWithFigures, useSectorTo } from './sectorNavigation';
import './sectors.css';

/** The charts of the page, in their order. */
const CHARTS: readonly FigureKey[] = ['output', 'growth', 'share', 'firms'];

/** Every sector, grouped, with its figures for the period or "not reported". */
function SectorOverview({ items, loading = false }: { items: readonly SectorFigure[]; loading?: boolean }) {
  const sectorColor = useSectorColor();
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const sectorTo = useSectorTo();
  return (
    <section className="sectors-overview" aria-labelledby="sectors-overview-title">
      <h2 id="sectors-overview-title" className="visually-hidden">
        {t('overview.title')}
      </h2>
      {GROUPS.map((g) => (
        <div key={g} className={`sectors-group sectors-group--${g}`}>
          <h3 className="sectors-group__title">{t(`group.${g}`)}</h3>
          <ul className="sectors-group__list">
            {orderSectors(items)
              .filter((s) => s.group === g)
              .map((s) => {
                const figures = [s.output, s.growth, s.firms].filter((m) => m !== null);
                return (
                  <li key={s.id} className="sector-chip" style={{ borderLeftColor: sectorColor(s.id, theme) }}>
                    <Link to={sectorTo(s.id)} className="sector-chip__name">
                      {localized(s.label, locale)}
                    </Link>
                    <span className="sector-chip__figures">
                      {loading ? (
                        <Skeleton width="7em" />
                      ) : figures.length > 0 ? (
                        figures.map((m, i) => (
                          <Fragment key={i}>
                            {i > 0 && t('list.figureSep')}
                            <MeasureText measure={m} signed={m === s.growth} />
                          </Fragment>
                        ))
                      ) : (
                        t('notReported')
                      )}
                    </span>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

export default function SectorsPage() {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const { period: asked } = usePageFilters();
  const askedList = useQuery(sectorListOptions(asked));
  const meta = useQuery(metaOptions());
  const nearest = useNearestPeriodWithFigures(
    null,
    asked,
    askedList.data ? listHasFigures(askedList.data.items) : undefined,
  );
  // The period moved to is shown from the render that finds it: the server sends its figures.
  const period = nearest.shown;
  const moved = period !== asked;
  const from = moved ? asked : nearest.from;
  const list = useQuery(sectorListOptions(period));
  const items = list.data?.items ?? [];
  const deciding = nearest.deciding && !moved;
  // While the figures load (or the page looks for a period that has some), the sector list from
  // /meta holds their place (no layout shift, and no "nothing reported" flashing by).
  const placeholders: SectorFigure[] =
    meta.data?.sectors.map((s) => ({ ...s, output: null, growth: null, firms: null, share: null })) ?? [];
  const loading = list.isPending || deciding;
  const periodText = formatPeriod(period, locale);
  // Once the figures are in, a chart is drawn only for a figure some sector has; the others are one line.
  const settled = list.data !== undefined && !loading && !list.isError;
  const drawn = CHARTS.filter((f) => !settled || listHasFigures(items, [f]));
  const missing = CHARTS.filter((f) => !drawn.includes(f));
  const chart: SectorChartProps = {
    period,
    items,
    loading,
    error: list.isError ? list.error : undefined,
    onRetry: () => void list.refetch(),
    retrying: list.isFetching,
  };
  return (
    <div className="page sectors-page">
      <h1>{t('page.title')}</h1>
      <p className="sectors-intro">{t('page.intro', { period: periodText })}</p>
      <FallbackNotice from={from} shown={period} reserve={nearest.reserve} />
      {list.data && !deciding ? (
        <SectorOverview items={items} />
      ) : (
        loading && placeholders.length > 0 && <SectorOverview items={placeholders} loading />
      )}
      {list.data && !loading && !listHasFigures(items) ? (
        // Four empty charts would say the same thing four times. The notice takes the charts' place
        // (below the list, not above it), so the page does not move when the answer arrives.
        <div className="sectors-nothing" role="status">
          <p>{t('overview.nothing', { period: periodText })}</p>
          <PeriodLinks sector={null} />
        </div>
      ) : (
        <>
          <div className="sectors-grid">
            {drawn.map((f) =>
              f === 'share' ? <ShareChart key={f} {...chart} /> : <FigureChart key={f} figure={f} {...chart} />,
            )}
          </div>
          <MissingFigures figures={missing} period={period} />
        </>
      )}
      {list.data && list.data.otherFirms.length > 0 && (
        <section className="sector-panel sectors-other-firms" aria-labelledby="sectors-other-firms-title">
          <h2 id="sectors-other-firms-title">{t('otherFirms.title')}</h2>
          <p>{t('otherFirms.intro')}</p>
          <FirmList firms={list.data.otherFirms} />
        </section>
      )}
    </div>
  );
}
