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
/** The columns a row laid out as a card names beside their values (projects.css); the others speak for themselves. */
const LABELLED: ReadonlySet<Column> = new Set(['sector', 'type', 'level', 'planned', 'completed', 'progress']);
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
 * (projects.css), so the table fits the window without scrolling sideways. On a phone's window
 * the stylesheet lays each row out as a card, each value named by its column (`data-label`): one
 * list for every window, so the page the server sends is right for any and hydrating it replaces
 * nothing. The roles are written out because a table laid out otherwise loses its implicit ones
 * in some browsers; a screen reader meets a table either way.
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
  const moneyUnit = ctx.money.label;
  const cellLabels = useMemo(
    () =>
      Object.fromEntries(
        COLUMNS.filter((col) => LABELLED.has(col)).map((col) => [
          col,
          col === 'planned' || col === 'completed'
            ? t('col.inUnit', { col: t(`col.${col}`), unit: moneyUnit })
            : t(`col.${col}`),
        ]),
      ) as CellLabels,
    [t, moneyUnit],
  );
  return (
    <div className="ptable__scroll" role="region" aria-label={t('table.scrollRegion')} tabIndex={0}>
      <table
        className={columns.includes('completed') ? 'data-table ptable ptable--money' : 'data-table ptable'}
        role="table"
        aria-busy={busy}
      >
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((col) => {
              const label =
                col === 'planned' || col === 'completed'
                  ? withFigure(t('col.inUnit', { col: t(`col.${col}`), unit: SLOT }), ctx.money.label)
                  : t(`col.${col}`);
              const cls = `ptable__h ptable__c--${col}${NUMERIC.has(col) ? ' num' : ''}`;
              if (col === 'provenance') {
                return (
                  <th key={col} scope="col" role="columnheader" className={cls}>
                    {label}
                  </th>
                );
              }
              return (
                <th key={col} scope="col" role="columnheader" className={cls} aria-sort={ariaSort(col, sort)}>
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
          <tbody role="rowgroup" onKeyDown={onRowKey}>
            {rows.map((p) => (
              <ProjectRow
                key={p.id}
                project={p}
                columns={columns}
                cellLabels={cellLabels}
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

type CellLabels = Readonly<Partial<Record<Column, string>>>;

interface RowProps {
  project: Project;
  columns: readonly Column[];
  /** Each labelled column's name, shown beside its value where a row is laid out as a card. */
  cellLabels: CellLabels;
  /** Its sector's colour. */
  color: string | null;
  ctx: RowContext;
}

const ProjectRow = memo(function ProjectRow({ project: p, columns, cellLabels, color, ctx }: RowProps) {
  const { t, labels, locale, money } = ctx;
  /** A data cell's attributes: its role, classes and, where it has one, its label. */
  const at = (col: Column, className: string) => ({
    role: 'cell',
    className,
    'data-label': cellLabels[col],
  });
  const cell = (col: Column) => {
    switch (col) {
      case 'name':
        return (
          <th key={col} scope="row" role="rowheader" className="ptable__name">
            <ProjectLink project={p} locale={locale} />
          </th>
        );
      case 'sector':
        return (
          <td key={col} {...at(col, 'ptable__c--sector')}>
            <SectorName project={p} ctx={ctx} color={color} />
          </td>
        );
      case 'type':
        return (
          <td key={col} {...at(col, 'ptable__c--type')}>
            <Field project={p} field="type" t={t}>
              {labels.type(p.type)}
            </Field>
          </td>
        );
      case 'stage':
        return (
          <td key={col} {...at(col, 'ptable__c--stage')}>
            <span className={`stage-tag stage-tag--${p.stage}`}>{labels.stage(p.stage)}</span>
          </td>
        );
      case 'level':
        return (
          <td key={col} {...at(col, 'ptable__c--level')}>
            <Field project={p} field="level" t={t}>
              {labels.level(p.level)}
            </Field>
          </td>
        );
      case 'planned':
      case 'completed': {
        const amount = p[col];
        return (
          <td key={col} {...at(col, `num ptable__c--${col}`)}>
            {amount ? <span className="figure">{money.figure(amount)}</span> : t('money.none')}
          </td>
        );
      }
      case 'progress':
        return (
          <td key={col} {...at(col, 'num ptable__c--progress')}>
            <Progress progress={progressOf(p)} ctx={ctx} />
          </td>
        );
      case 'start':
      case 'expectedCompletion':
        return (
          <td key={col} {...at(col, `date ptable__c--${col}`)}>
            <ProjectDate project={p} field={col} ctx={ctx} />
          </td>
        );
      case 'lastUpdate':
        return (
          <td key={col} {...at(col, 'date ptable__c--lastUpdate')}>
            <span className="figure">{formatDate(p.lastUpdate, locale)}</span>
          </td>
        );
      case 'provenance':
        return (
          <td key={col} {...at(col, 'ptable__c--provenance')}>
            <RowProvenance provenance={p.provenance} text={ctx.describe(p.provenance)} />
          </td>
        );
    }
  };
  return (
    <tr
      role="row"
      className={p.provenance.kind === 'illustrative' ? 'ptable__row ptable__row--illustrative' : 'ptable__row'}
    >
      {columns.map(cell)}
    </tr>
  );
});
