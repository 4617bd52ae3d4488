import { memo, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { progressOf, PROJECT_SORT_FIELDS } from '../../../api/projects';
import type { Project, ProjectSortField } from '../../../api/projects';
import { formatDate } from '../../../lib/format';
import { useSectorColor } from '../../../lib/sectorColors';
import { useResolvedTheme } from '../../../stores/prefs';
import {
  Field,
  knownOn,
  LinkSearchContext,
  ProjectDate,
  ProjectLink,
  Progress,
  RowProvenance,
  SectorName,
  SLOT,
  withFigure,
} from './projectCells';
import type { Known, RowContext } from './projectCells';

/** Every sortable field of the contract, in its order, then the provenance (not sortable). */
const COLUMNS = [...PROJECT_SORT_FIELDS, 'provenance'] as const;
type Column = (typeof COLUMNS)[number];
const NUMERIC: ReadonlySet<Column> = new Set(['planned', 'completed', 'progress']);
/** Columns left out when no project of the page has a value for them. */
const OPTIONAL: Partial<Record<Column, keyof Known>> = {
  sector: 'sector',
  level: 'level',
  planned: 'money',
  completed: 'money',
  progress: 'money',
  start: 'start',
  expectedCompletion: 'expectedCompletion',
};

interface ProjectTableProps {
  rows: readonly Project[];
  sort: { field: ProjectSortField; desc: boolean } | null;
  onSort: (field: ProjectSortField) => void;
  /** Query string carried into each project's detail link (the list's filters). */
  linkSearch: string;
  /** The previous rows are shown while the next ones load. */
  busy: boolean;
  ctx: RowContext;
}

const ariaSort = (col: Column, sort: ProjectTableProps['sort']) =>
  sort?.field === col ? (sort.desc ? 'descending' : 'ascending') : 'none';

/** Arrow keys move between the project links of neighbouring rows. */
function onRowKey(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const target = e.target as HTMLElement;
  const row = target.closest('tr');
  if (!row || !target.matches('a')) return;
  const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  const link = next?.querySelector<HTMLAnchorElement>('a');
  if (link) {
    e.preventDefault();
    link.focus();
  }
}

/**
 * One page of projects. The API pages, so the DOM never holds more than one page (≤ 200
 * rows) however large the list; headers are sort buttons with aria-sort. Columns no project of
 * the page has a value for are left out; the less important ones give way on narrower windows
 * (projects.css), so the table fits the window without scrolling sideways.
 */
export function ProjectTable({ rows, sort, onSort, linkSearch, busy, ctx }: ProjectTableProps) {
  const theme = useResolvedTheme();
  const sectorColor = useSectorColor();
  const columns = useMemo(() => {
    const known = knownOn(rows);
    return COLUMNS.filter((col) => {
      const needs = OPTIONAL[col];
      return needs === undefined || known[needs];
    });
  }, [rows]);
  const { t } = ctx;
  return (
    <div className="ptable__scroll" role="region" aria-label={t('table.scrollRegion')} tabIndex={0}>
      <table
        className={columns.includes('completed') ? 'data-table ptable ptable--money' : 'data-table ptable'}
        aria-busy={busy}
      >
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            {columns.map((col) => {
              const label =
                col === 'planned' || col === 'completed'
                  ? withFigure(t('col.inUnit', { col: t(`col.${col}`), unit: SLOT }), ctx.money.label)
                  : t(`col.${col}`);
              const cls = `ptable__h ptable__c--${col}${NUMERIC.has(col) ? ' num' : ''}`;
              if (col === 'provenance') {
                return (
                  <th key={col} scope="col" className={cls}>
                    {label}
                  </th>
                );
              }
              return (
                <th key={col} scope="col" className={cls} aria-sort={ariaSort(col, sort)}>
                  <button
                    type="button"
                    className="table-sort"
                    data-sort={ariaSort(col, sort)}
                    onClick={() => onSort(col)}
                  >
                    {label}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <LinkSearchContext value={linkSearch}>
          <tbody onKeyDown={onRowKey}>
            {rows.map((p) => (
              <ProjectRow
                key={p.id}
                project={p}
                columns={columns}
                color={p.sector ? sectorColor(p.sector, theme) : null}
                ctx={ctx}
              />
            ))}
          </tbody>
        </LinkSearchContext>
      </table>
    </div>
  );
}

interface RowProps {
  project: Project;
  columns: readonly Column[];
  /** Its sector's colour. */
  color: string | null;
  ctx: RowContext;
}

const ProjectRow = memo(function ProjectRow({ project: p, columns, color, ctx }: RowProps) {
  const { t, labels, locale, money } = ctx;
  const cell = (col: Column) => {
    switch (col) {
      case 'name':
        return (
          <th key={col} scope="row" className="ptable__name">
            <ProjectLink project={p} locale={locale} />
          </th>
        );
      case 'sector':
        return (
          <td key={col} className="ptable__c--sector">
            <SectorName project={p} ctx={ctx} color={color} />
          </td>
        );
      case 'type':
        return (
          <td key={col} className="ptable__c--type">
            <Field project={p} field="type" t={t}>
              {labels.type(p.type)}
            </Field>
          </td>
        );
      case 'stage':
        return (
          <td key={col} className="ptable__c--stage">
            <span className={`stage-tag stage-tag--${p.stage}`}>{labels.stage(p.stage)}</span>
          </td>
        );
      case 'level':
        return (
          <td key={col} className="ptable__c--level">
            <Field project={p} field="level" t={t}>
              {labels.level(p.level)}
            </Field>
          </td>
        );
      case 'planned':
      case 'completed': {
        const amount = p[col];
        return (
          <td key={col} className={`num ptable__c--${col}`}>
            {amount ? <span className="figure">{money.figure(amount)}</span> : t('money.none')}
          </td>
        );
      }
      case 'progress':
        return (
          <td key={col} className="num ptable__c--progress">
            <Progress progress={progressOf(p)} ctx={ctx} />
          </td>
        );
      case 'start':
      case 'expectedCompletion':
        return (
          <td key={col} className={`date ptable__c--${col}`}>
            <ProjectDate project={p} field={col} ctx={ctx} />
          </td>
        );
      case 'lastUpdate':
        return (
          <td key={col} className="date ptable__c--lastUpdate">
            <span className="figure">{formatDate(p.lastUpdate, locale)}</span>
          </td>
        );
      case 'provenance':
        return (
          <td key={col} className="ptable__c--provenance">
            <RowProvenance provenance={p.provenance} text={ctx.describe(p.provenance)} />
          </td>
        );
    }
  };
  return (
    <tr className={p.provenance.kind === 'illustrative' ? 'ptable__row ptable__row--illustrative' : 'ptable__row'}>
      {columns.map(cell)}
    </tr>
  );
});
