import { useQuery } from '@tanstack/react-query';
import { Fragment, Suspense, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PeriodId } from '../../api/common';
import type { Kpi, KpiGroup } from '../../api/kpis';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import type { PeriodInfo } from '../../api/meta';
import { ErrorPanel } from '../../components/ErrorPanel';
import { MeasureText } from '../../components/FigureText';
import { PanelBoundary } from '../../components/PanelBoundary';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { targetWording } from '../../domain/kpi';
import { formatDate, formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import { lazyComponent } from '../../lib/lazyComponent';
import { usePageFilters } from '../../lib/routeSearch';
import { patchSearch } from '../../lib/search';
import { useFirstDeferred } from '../../lib/useFirstDeferred';
import { useLocale, useT } from '../../stores/prefs';
import { BehindScheduleNotice } from './components/BehindScheduleNotice';
import { KpiTile } from './components/KpiTile';
import { SkeletonTile } from './components/SkeletonTile';
import { kpiMessages } from './messages';
import { arrangeOverview, SKELETON_LAYOUT, sourceLines, taskLabel } from './model';
import './overview.css';

const NO_PERIODS: readonly PeriodInfo[] = [];

// The list of every figure's source is loaded when the reader first asks for it, not with the page.
const SourcesDialog = lazyComponent(() => import('./components/SourcesDialog').then((m) => m.SourcesDialog));

/** The most columns a group spans: the page's grid has 6 at most (1920 px), 4 at 1366 px. */
const MAX_SPAN = 6;

interface GroupSectionProps {
  title: string;
  /** Tiles in the group once loaded: the columns it spans in the page's grid. */
  size: number;
  className?: string;
  /** A line under the tiles. */
  note?: ReactNode;
  children: ReactNode;
}

function GroupSection({ title, size, className = '', note, children }: GroupSectionProps) {
  const headingId = useId();
  return (
    <section
      className={`kpi-group ${className}`}
      aria-labelledby={headingId}
      data-span={Math.min(MAX_SPAN, Math.max(1, size))}
    >
      <h2 className="kpi-group__title" id={headingId}>
        {title}
      </h2>
      <PanelBoundary what={title}>
        <div className="kpi-grid">{children}</div>
      </PanelBoundary>
      {note}
    </section>
  );
}

const periodText = (id: PeriodId, periods: readonly PeriodInfo[], locale: Locale) =>
  formatPeriod(id, locale, { target: periods.some((p) => p.id === id && p.kind === 'target') });

/** Targets of figures that have no value yet, in one compact row per target period: 2023年全年目标 …. */
/** A target's figure, worded as a rate to reach (增速目标) or a ceiling (…以内) where it is one. */
function TargetValue({ kpi, target }: { kpi: Kpi; target: NonNullable<Kpi['target']> }) {
  const t = useT(kpiMessages);
  const wording = targetWording(kpi, target);
  return (
    <strong className="kpi-targets__value">
      <MeasureText measure={target.value} />
      {wording === 'rate' && t('targets.level')}
      {wording === 'cap' && t('targets.cap')}
    </strong>
  );
}

function TargetsRow({ items, periods }: { items: readonly Kpi[]; periods: readonly PeriodInfo[] }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const byPeriod = new Map<PeriodId, Kpi[]>();
  for (const k of items) if (k.target) byPeriod.set(k.target.period, [...(byPeriod.get(k.target.period) ?? []), k]);
  return [...byPeriod].map(([period, kpis]) => {
    const title = t('targets.title', { period: periodText(period, periods, locale) });
    return (
      <section key={period} className="kpi-targets" aria-label={title}>
        <h2 className="kpi-targets__title">{title}</h2>
        <ul className="kpi-targets__list">
          {kpis.map((kpi) =>
            kpi.target ? (
              <li key={kpi.id} className="kpi-targets__item">
                <span className="kpi-targets__label">{localized(kpi.label, locale)}</span>{' '}
                <TargetValue kpi={kpi} target={kpi.target} />{' '}
                <ProvenanceBadge provenance={kpi.target.value.provenance} compact />
              </li>
            ) : null,
          )}
        </ul>
      </section>
    );
  });
}

/** What is not yet published up to the period, in one line, with the later periods that have it. */
function PendingLine({ items, periods }: { items: readonly Kpi[]; periods: readonly PeriodInfo[] }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  if (items.length === 0) return null;
  const later = periods.filter((p) => items.some((k) => k.availablePeriods.includes(p.id)));
  return (
    <p className="kpi-pending">
      <span className="kpi-pending__label">{t('pending.label')}</span>
      {items.map((k) => localized(k.label, locale)).join(t('pending.join'))}
      {later.length > 0 && (
        <span className="kpi-pending__later">
          {t('pending.later')}
          {later.map((p, i) => (
            <Fragment key={p.id}>
              {i > 0 && t('pending.join')}
              <Link to={{ pathname: '/', search: `?${patchSearch(search, { period: p.id }).toString()}` }}>
                {periodText(p.id, periods, locale)}
              </Link>
            </Fragment>
          ))}
        </span>
      )}
    </p>
  );
}

export default function OverviewPage() {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const { period, sector } = usePageFilters();
  const kpis = useQuery(kpiListOptions({ period, sector }));
  const { data: meta } = useQuery(metaOptions());
  const [sourcesOpen, setSourcesOpen] = useState(false);
  // Mounted from its first opening on, so that closing it returns focus to the button.
  const [sourcesWanted, setSourcesWanted] = useState(false);

  const periods: readonly PeriodInfo[] = meta?.periods ?? NO_PERIODS;
  const chosenPeriod = periodText(period, periods, locale);
  const district = meta ? localized(meta.district, locale) : '';
  const asOf = meta ? formatDate(meta.asOf, locale) : '';
  const sectorName = sector ? (meta?.sectors.find((s) => s.id === sector)?.label[locale] ?? sector) : null;
  // Named by /meta; until it has answered (or when it cannot), a group is headed as the figures it holds.
  const groupTitle = (group: KpiGroup) => {
    const named = meta?.kpiGroups.find((g) => g.id === group);
    return named ? localized(named.label, locale) : t('what.kpis');
  };
  // The first build of 17 tiles is time-sliced while the skeleton holds their place.
  const data = useFirstDeferred(kpis.isError ? undefined : kpis.data);
  const layout = data ? arrangeOverview(data.items, sector, meta?.kpiGroups.map((g) => g.id) ?? []) : null;
  const shown: Kpi[] = layout
    ? [...layout.sector, ...layout.headline, ...layout.groups.flatMap((g) => g.items), ...layout.targets]
    : [];
  /** A tile, with the name of the indicator that reports its task's period-target completion when that is another. */
  const tile = (k: Kpi, large = false) => (
    <KpiTile
      key={k.id}
      kpi={k}
      large={large}
      tag={large ? groupTitle(k.group) : undefined}
      periods={periods}
      taskLabel={taskLabel(k, data?.items ?? [])}
    />
  );
  const sectorPending = layout?.pending.filter((k) => k.sector !== null) ?? [];
  const districtPending = layout?.pending.filter((k) => k.sector === null) ?? [];

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
      <div className="page-head overview__head">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="overview__intro">{t('page.intro', { district, period: chosenPeriod })}</p>
        </div>
        <div className="overview__tools">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setSourcesWanted(true);
              setSourcesOpen(true);
            }}
            disabled={!data}
          >
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
          <GroupSection
            title={sectorTitle}
            // The whole row: its tiles line up with the columns below, its lines run the full width.
            size={MAX_SPAN}
            className="kpi-group--sector"
            note={<PendingLine items={sectorPending} periods={periods} />}
          >
            {layout && layout.sector.length === 0 && !kpis.isError
              ? sectorPending.length === 0 && (
                  <p className="kpi-group__empty">{t('sector.none', { sector: sectorName })}</p>
                )
              : body(t('what.group', { group: sectorTitle }), layout?.sector, 2, (k) => tile(k))}
          </GroupSection>
        </div>
      )}

      <div className={`overview__district${sectorName ? ' overview__district--dimmed' : ''}`}>
        {sectorName && <p className="overview__dimmed-note">{t('sector.dimmed', { sector: sectorName })}</p>}
        <div className="kpi-groups">
          {/* Without headline figures the row is left out, unless there is no figure at all: then it says so. */}
          {(!layout || layout.headline.length > 0 || shown.length + layout.pending.length === 0) && (
            <GroupSection title={headlineTitle} size={MAX_SPAN} className="kpi-group--headline">
              {body(t('what.kpis'), layout?.headline, SKELETON_LAYOUT.headline, (k) => tile(k, true))}
            </GroupSection>
          )}
          {(layout?.groups.map((g) => [g.group, g.items.length] as const) ?? SKELETON_LAYOUT.groups).map(
            ([group, count]) => (
              <GroupSection key={group} title={groupTitle(group)} size={count}>
                {body(
                  t('what.group', { group: groupTitle(group) }),
                  layout?.groups.find((g) => g.group === group)?.items,
                  count,
                  (k) => tile(k),
                )}
              </GroupSection>
            ),
          )}
        </div>
        {layout && <TargetsRow items={layout.targets} periods={periods} />}
        <PendingLine items={districtPending} periods={periods} />
      </div>

      {data && sourcesWanted && (
        <Suspense fallback={null}>
          <SourcesDialog.Component
            open={sourcesOpen}
            onClose={() => setSourcesOpen(false)}
            items={shown}
            periods={periods}
            reportTitle={meta ? localized(meta.source.title, locale) : ''}
          />
        </Suspense>
      )}

      <footer className="overview__print-footer">
        <p>
          {t('print.footer', {
            district,
            period: chosenPeriod,
            asOf,
          })}
        </p>
        <p>
          {t('print.sources', {
            title: meta ? localized(meta.source.title, locale) : '',
            // The report's lines are its paragraphs: L56-L58 is 56–58, as the badges say.
            list: sourceLines(shown)
              .map((line) => line.replace(/^L(\d+)(?:-L(\d+))?$/, (_, a: string, b?: string) => (b ? `${a}–${b}` : a)))
              .join(locale === 'zh-CN' ? '、' : ', '),
          })}
        </p>
      </footer>
    </div>
  );
}
