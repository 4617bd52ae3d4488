import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LEVEL_IDS, PROJECT_TYPE_IDS, STAGE_IDS } from '../../api/common';
import type { Provenance, StageId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import type { ReportedProjectTotals } from '../../api/meta';
import { fromReportAlone, projectListOptions } from '../../api/projects';
import type { Project, ProjectFilter, ProjectPage, ProjectSort, ProjectSortField } from '../../api/projects';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PanelBoundary } from '../../components/PanelBoundary';
import { SelectField } from '../../components/SelectField';
import { formatPeriod } from '../../lib/format';
import { useSetSearch } from '../../lib/routeSearch';
import { useFirstDeferred } from '../../lib/useFirstDeferred';
import { useAddressCheck } from '../../stores/addressNotices';
import { useLocale, useT } from '../../stores/prefs';
import { ExportButton } from './components/ExportButton';
import { Pager } from './components/Pager';
import { useDescribe, useMoneyUnit } from './components/projectCells';
import type { RowContext } from './components/projectCells';
import { ProjectTable } from './components/ProjectTable';
import { ProjectTotals } from './components/ProjectTotals';
import { SearchBox } from './components/SearchBox';
import { SortSelect } from './components/SortSelect';
import { StageFunnel } from './components/StageFunnel';
import { useProjectLabels } from './labels';
import { projectMessages } from './messages';
import {
  hasActiveFilters,
  listSearch,
  parseSort,
  TRACKER_PARAMS,
  trackerSearch,
  useTrackerState,
  withoutPaging,
} from './params';
import './projects.css';

const EMPTY_TOTALS = { count: 0, withMoney: 0, planned: 0, completed: 0 };
const EMPTY_STAGE_TOTALS = STAGE_IDS.map((stage) => ({ stage, ...EMPTY_TOTALS }));

/**
 * Totals are labelled reported only when the list is a set whose totals the source states (see
 * /meta's reportedProjectTotals: no filter but, at most, the set's level) and its sums are the
 * stated ones; any other filter, or projects changed since, give a sum.
 */
export function totalsProvenance(
  f: ProjectFilter,
  totals: ProjectPage['totals'],
  stated: readonly ReportedProjectTotals[],
  sumNote: string,
): Provenance {
  const { level, ...others } = f;
  const reported = stated.find(
    (r) =>
      r.level === level && !hasActiveFilters(others) && r.count === totals.count && r.completed === totals.completed,
  );
  return reported ? { kind: 'reported', source: reported.source } : { kind: 'derived', formula: sumNote };
}

/** The filter with a new search: paging restarts at page 1. */
function withSearch<F extends ProjectFilter>(filter: F, q: string): F {
  const { q: _q, ...rest } = filter;
  return { ...rest, page: 1, ...(q ? { q } : {}) } as F;
}

const CLEARED = Object.fromEntries([...TRACKER_PARAMS, 'sector'].map((k) => [k, null]));

export default function ProjectsPage() {
  const t = useT(projectMessages);
  const locale = useLocale();
  return (
    <div className="page projects">
      <h1>{t('page.title')}</h1>
      <p className="projects__intro">{t('page.intro', { period: formatPeriod('2023H1', locale) })}</p>
      <PanelBoundary what={t('what.projects')}>
        <ProjectTracker />
      </PanelBoundary>
    </div>
  );
}

function ProjectTracker() {
  const t = useT(projectMessages);
  const labels = useProjectLabels();
  const [search] = useSearchParams();
  const setSearch = useSetSearch();
  const queryClient = useQueryClient();
  const { filter: urlFilter } = useTrackerState();
  useAddressCheck(trackerSearch);
  const levelHintId = useId();
  const typeHintId = useId();

  // A search is asked for as soon as it is typed; the address catches up in a router transition.
  const [typedQ, setTypedQ] = useState<string | null>(null);
  if (typedQ !== null && typedQ === (urlFilter.q ?? '')) setTypedQ(null);
  const filter = useMemo(() => (typedQ === null ? urlFilter : withSearch(urlFilter, typedQ)), [urlFilter, typedQ]);
  const list = useQuery(projectListOptions(filter));
  const meta = useQuery(metaOptions()).data;
  const stated = meta?.reportedProjectTotals;
  // The notes on assumed levels and money belong to the sample; the report's own list has none.
  const sample = meta?.sample ?? false;

  // A page past the end (a shared link after the list shrank) goes to the last page.
  const lastPage = list.data ? Math.max(1, Math.ceil(list.data.total / filter.pageSize)) : null;
  useEffect(() => {
    if (lastPage !== null && !list.isPlaceholderData && filter.page > lastPage) {
      setSearch({ page: lastPage > 1 ? String(lastPage) : null }, { replace: true });
    }
  }, [lastPage, filter.page, list.isPlaceholderData, setSearch]);

  const setFilter = (patch: Record<string, string | null>) => setSearch({ ...patch, page: null });
  const onSort = (field: ProjectSortField) => {
    const current = parseSort(filter.sort);
    const next = current?.field !== field ? field : current.desc ? null : `-${field}`;
    setFilter({ sort: next });
  };
  const onStage = (stage: StageId | null) => setFilter({ stage });
  const clear = () => setSearch({ ...CLEARED, sort: filter.sort ?? null });

  const linkSearch = `?${listSearch(search).toString()}`;
  // The first rows are built in a time-sliced render: the page paints first, and 50-200 rows do
  // not block the main thread in one long task.
  const data = useFirstDeferred(list.data);
  // What the report's notes say of the listed projects holds only while they say no more than the
  // report: an office's own projects, or amounts it imported, have their sources on each project's
  // page. Of no rows (still loading, or nothing matches) nothing is said.
  const fromReport = data?.items.length ? data.items.every(fromReportAlone) : null;
  const behind = list.isPlaceholderData || data !== list.data;
  const active = hasActiveFilters(filter);

  return (
    <>
      {list.isError && !data && (
        <ErrorPanel
          what={t('what.projects')}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      )}
      {data ? (
        <StageFunnel totals={data.stageTotals} active={filter.stage} onSelect={onStage} />
      ) : (
        !list.isError && (
          // The real components, invisible, hold the exact space the figures will take (no layout shift).
          <div className="layout-placeholder" aria-hidden="true" inert>
            <StageFunnel totals={EMPTY_STAGE_TOTALS} active={undefined} onSelect={() => undefined} />
            <ProjectTotals totals={EMPTY_TOTALS} provenance={{ kind: 'illustrative' }} />
          </div>
        )
      )}
      {data && (
        <ProjectTotals
          totals={data.totals}
          provenance={stated ? totalsProvenance(filter, data.totals, stated, t('totals.sum')) : null}
          stated={stated?.find((r) => r.level === filter.level) ?? null}
          fromReport={fromReport ?? true}
        />
      )}

      <section className="filters" aria-label={t('filters.title')}>
        <SearchBox
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={filter.q ?? ''}
          onChange={(q) => {
            // Start the request now, not after the next render's effects.
            queryClient.query(projectListOptions(withSearch(urlFilter, q))).catch(() => undefined);
            setTypedQ(q);
            setSearch({ q: q || null, page: null }, { replace: true });
          }}
        />
        <SelectField
          label={t('filters.level')}
          value={filter.level ?? null}
          options={LEVEL_IDS.map((id) => ({ id, label: labels.level(id) }))}
          allLabel={t('filters.all')}
          onChange={(level) => setFilter({ level })}
          describedBy={levelHintId}
        />
        <SelectField
          label={t('filters.type')}
          value={filter.type ?? null}
          options={PROJECT_TYPE_IDS.map((id) => ({ id, label: labels.type(id) }))}
          allLabel={t('filters.all')}
          onChange={(type) => setFilter({ type })}
          describedBy={typeHintId}
        />
        <SortSelect sort={filter.sort as ProjectSort | undefined} onSort={(sort) => setFilter({ sort })} />
        {active && (
          <button type="button" className="button button--quiet" onClick={clear}>
            {t('filters.clear')}
          </button>
        )}
        <span className="filters__spacer" />
        {data && <ExportButton filter={withoutPaging(filter)} total={data.total} />}
        {/* What the report says of the lists behind the level and type filters, where they are chosen. */}
        <ul className="filters__hints">
          <li id={levelHintId}>{t(sample ? 'filters.levelHint' : 'filters.levelHint.report')}</li>
          <li id={typeHintId}>{t(sample ? 'filters.typeHint' : 'filters.typeHint.report')}</li>
        </ul>
      </section>

      {list.isError && data && (
        <ErrorPanel
          what={t('what.projects')}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      )}

      <section
        className="results"
        aria-label={t('table.caption')}
        data-q={filter.q ?? ''}
        data-state={behind || !data ? 'loading' : 'fresh'}
      >
        {(sample || fromReport !== null) && (
          <p className="results__note">
            {t(sample ? 'table.moneyNote' : fromReport ? 'table.moneyNote.report' : 'table.sourceNote')}
          </p>
        )}
        {data && data.total === 0 && (
          <div className="empty" role="status">
            <p className="empty__title">{t('empty.title')}</p>
            <p>{t('empty.hint')}</p>
            {active && (
              <button type="button" className="button" onClick={clear}>
                {t('filters.clear')}
              </button>
            )}
          </div>
        )}
        {data && data.total > 0 && (
          <>
            <ProjectList
              rows={data.items}
              totals={data.totals}
              sort={parseSort(filter.sort)}
              onSort={onSort}
              linkSearch={linkSearch}
              busy={behind}
            />
            <Pager
              page={filter.page}
              pageSize={filter.pageSize}
              total={data.total}
              onPage={(page) => setSearch({ page: page > 1 ? String(page) : null })}
              onPageSize={(size) => setSearch({ pageSize: String(size), page: null })}
            />
          </>
        )}
        {!data && !list.isError && <p className="results__loading">{t('loading')}</p>}
      </section>
    </>
  );
}

/**
 * A page of projects: one table, whose rows the stylesheet lays out as cards on a phone's window
 * (projects.css), so the page the server sends is right for any window and hydrating it replaces
 * nothing.
 */
export function ProjectList({
  rows,
  totals,
  ...table
}: { rows: readonly Project[]; totals: ProjectPage['totals'] } & Omit<
  Parameters<typeof ProjectTable>[0],
  'rows' | 'ctx'
>) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const labels = useProjectLabels();
  const describe = useDescribe();
  const money = useMoneyUnit(rows, totals, locale);
  const ctx = useMemo<RowContext>(() => ({ t, locale, labels, describe, money }), [t, locale, labels, describe, money]);
  return <ProjectTable rows={rows} ctx={ctx} {...table} />;
}
