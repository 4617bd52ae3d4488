import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { Kpi, KpiGroup } from '../../api/kpis';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import type { PeriodInfo } from '../../api/meta';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PanelBoundary } from '../../components/PanelBoundary';
import { formatDate, formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { usePageFilters } from '../../lib/routeSearch';
import { useLocale, useT } from '../../stores/prefs';
import { BehindScheduleNotice } from './components/BehindScheduleNotice';
import { KpiTile } from './components/KpiTile';
import { SkeletonTile } from './components/SkeletonTile';
import { SourcesDialog } from './components/SourcesDialog';
import { kpiMessages } from './messages';
import { arrangeOverview, SKELETON_LAYOUT, sourceLines } from './model';
import './overview.css';
import type { KpiMessageKey } from './messages';

const NO_PERIODS: readonly PeriodInfo[] = [];

const GROUP_KEYS: Record<KpiGroup, KpiMessageKey> = {
  industry: 'group.industry',
  attraction: 'group.attraction',
  projects: 'group.projects',
  private: 'group.private',
  sme: 'group.sme',
};

interface GroupSectionProps {
  title: string;
  /** Tiles in the group once loaded; sizes the section in the row of groups. */
  size: number;
  className?: string;
  note?: ReactNode;
  children: ReactNode;
}

function GroupSection({ title, size, className = '', note, children }: GroupSectionProps) {
  const headingId = useId();
  return (
    <section
      className={`kpi-group ${className}`}
      aria-labelledby={headingId}
      style={{ '--tiles': Math.max(1, size) } as CSSProperties}
    >
      <h2 className="kpi-group__title" id={headingId}>
        {title}
      </h2>
      {note}
      <PanelBoundary what={title}>
        <div className="kpi-grid">{children}</div>
      </PanelBoundary>
    </section>
  );
}

export default function OverviewPage() {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const { period, sector } = usePageFilters();
  const kpis = useQuery(kpiListOptions({ period, sector }));
  const { data: meta } = useQuery(metaOptions());
  const [sourcesOpen, setSourcesOpen] = useState(false);

  const periods: readonly PeriodInfo[] = meta?.periods ?? NO_PERIODS;
  const isTargetPeriod = periods.some((p) => p.id === period && p.kind === 'target');
  const periodText = formatPeriod(period, locale, { target: isTargetPeriod });
  const district = meta ? localized(meta.district, locale) : '';
  const asOf = meta ? formatDate(meta.asOf, locale) : '';
  const sectorName = sector ? (meta?.sectors.find((s) => s.id === sector)?.label[locale] ?? sector) : null;
  const groupTitle = (group: KpiGroup) => t(GROUP_KEYS[group]);
  // Query results arrive as urgent updates; building 17 tiles in a deferred (time-sliced) render
  // keeps the main thread responsive while the skeleton holds their place.
  const data = useDeferredValue(kpis.isError ? undefined : kpis.data);
  const layout = data ? arrangeOverview(data.items, sector) : null;
  const shown: Kpi[] = layout ? [...layout.sector, ...layout.headline, ...layout.groups.flatMap((g) => g.items)] : [];

  /** What each group shows: its tiles, skeletons while loading, or the error with a retry (naming `what` failed to load). */
  const body = (what: string, tiles: Kpi[] | undefined, skeletons: number, render: (k: Kpi) => ReactNode) => {
    if (kpis.isError) {
      return (
        <ErrorPanel what={what} error={kpis.error} onRetry={() => void kpis.refetch()} retrying={kpis.isFetching} />
      );
    }
    if (!tiles) return Array.from({ length: skeletons }, (_, i) => <SkeletonTile key={i} />);
    if (tiles.length === 0) return <p className="kpi-group__empty">{t('group.empty')}</p>;
    return tiles.map(render);
  };

  const headlineTitle = t('headline.title');
  const sectorTitle = sectorName ? t('group.sector', { sector: sectorName }) : '';

  return (
    <div className="page overview" aria-busy={kpis.isPending || kpis.isPlaceholderData}>
      <div className="overview__head">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="overview__intro">{t('page.intro', { district, period: periodText })}</p>
        </div>
        <div className="overview__tools">
          <button type="button" className="button button--quiet" onClick={() => setSourcesOpen(true)} disabled={!data}>
            {t('sources.open')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => window.print()}>
            {t('print.button')}
          </button>
        </div>
      </div>
      {/* Its line is kept from the first paint, so the tiles do not move when it fills. */}
      <div className="overview__behind-slot">
        {data && <BehindScheduleNotice items={data.items} period={data.period} />}
      </div>
      <p className="visually-hidden" role="status">
        {kpis.isPending ? t('page.loading') : kpis.isPlaceholderData ? t('page.updating') : ''}
      </p>

      {sectorName && (
        <div className="kpi-groups">
          <GroupSection title={sectorTitle} size={4} className="kpi-group--sector">
            {layout && layout.sector.length === 0 && !kpis.isError ? (
              <p className="kpi-group__empty">{t('sector.none', { sector: sectorName })}</p>
            ) : (
              body(t('what.group', { group: sectorTitle }), layout?.sector, 2, (k) => (
                <KpiTile key={k.id} kpi={k} periods={periods} />
              ))
            )}
          </GroupSection>
        </div>
      )}

      <div className={`overview__district${sectorName ? ' overview__district--dimmed' : ''}`}>
        {sectorName && <p className="overview__dimmed-note">{t('sector.dimmed', { sector: sectorName })}</p>}
        <GroupSection title={headlineTitle} size={6} className="kpi-group--headline">
          {body(t('what.kpis'), layout?.headline, SKELETON_LAYOUT.headline, (k) => (
            <KpiTile key={k.id} kpi={k} large tag={groupTitle(k.group)} periods={periods} />
          ))}
        </GroupSection>
        <div className="kpi-groups">
          {(layout?.groups.map((g) => [g.group, g.items.length] as const) ?? SKELETON_LAYOUT.groups).map(
            ([group, count]) => (
              <GroupSection key={group} title={groupTitle(group)} size={count}>
                {body(
                  t('what.group', { group: groupTitle(group) }),
                  layout?.groups.find((g) => g.group === group)?.items,
                  count,
                  (k) => (
                    <KpiTile key={k.id} kpi={k} periods={periods} />
                  ),
                )}
              </GroupSection>
            ),
          )}
        </div>
      </div>

      {data && (
        <SourcesDialog
          open={sourcesOpen}
          onClose={() => setSourcesOpen(false)}
          items={shown}
          periods={periods}
          reportTitle={meta ? localized(meta.source.title, locale) : ''}
        />
      )}

      <footer className="overview__print-footer">
        <p>
          {t('print.footer', {
            district,
            period: periodText,
            asOf,
          })}
        </p>
        <p>
          {t('print.sources', {
            title: meta ? localized(meta.source.title, locale) : '',
            list: sourceLines(shown).join(locale === 'zh-CN' ? '、' : ', '),
          })}
        </p>
      </footer>
    </div>
  );
}
