import { createContext, memo, useCallback, useContext } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { fieldProvenanceOf, progressOf, PROJECT_SORT_FIELDS } from '../../../api/projects';
import type { Project, ProjectField, ProjectSortField } from '../../../api/projects';
import type { Provenance } from '../../../api/common';
import { componentMessages } from '../../../components/messages';
import { useProvenanceText } from '../../../components/ProvenanceBadge';
import { formatDate, formatDateAt, formatMoney, formatShare } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { sectorColor } from '../../../lib/sectorColors';
import type { Theme } from '../../../lib/search';
import { useLocale, useResolvedTheme, useT } from '../../../stores/prefs';
import { useProjectLabels } from '../labels';
import type { Labels } from '../labels';
import { projectMessages } from '../messages';
import type { ProjectMessageKey } from '../messages';

/** Every sortable field of the contract, in its order, then the provenance (not sortable). */
const COLUMNS = [...PROJECT_SORT_FIELDS, 'provenance'] as const;
type Column = (typeof COLUMNS)[number];
const NUMERIC: ReadonlySet<Column> = new Set(['planned', 'completed', 'progress']);

interface ProjectTableProps {
  rows: readonly Project[];
  sort: { field: ProjectSortField; desc: boolean } | null;
  onSort: (field: ProjectSortField) => void;
  /** Query string carried into each project's detail link (the list's filters). */
  linkSearch: string;
  /** The previous rows are shown while the next ones load. */
  busy: boolean;
}

/** The list's query string for detail links: a context, so a new search re-renders only the links, not whole rows. */
const LinkSearchContext = createContext('');

function ProjectLink({ id, name }: { id: string; name: string }) {
  const search = useContext(LinkSearchContext);
  return <Link to={{ pathname: `/projects/${id}`, search }}>{name}</Link>;
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
 * rows) however large the list; headers are sort buttons with aria-sort.
 */
export function ProjectTable({ rows, sort, onSort, linkSearch, busy }: ProjectTableProps) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const labels = useProjectLabels();
  const tc = useT(componentMessages);
  const provenanceText = useProvenanceText();
  const describe = useCallback(
    (p: Provenance) => {
      const [kind = '', ...details] = provenanceText(p);
      return {
        short: p.source ?? kind,
        long: [tc('provenance.label', { kind }), ...details].join(tc('provenance.join')),
      };
    },
    [tc, provenanceText],
  );
  return (
    <div className="ptable__scroll" role="region" aria-label={t('table.scrollRegion')} tabIndex={0}>
      <table className="ptable" aria-busy={busy}>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const label = t(`col.${col}`);
              const cls = `ptable__h ptable__h--${col}${NUMERIC.has(col) ? ' num' : ''}`;
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
                locale={locale}
                theme={theme}
                labels={labels}
                t={t}
                describe={describe}
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
  locale: Locale;
  theme: Theme;
  labels: Labels;
  t: (key: ProjectMessageKey) => string;
  describe: (p: Provenance) => { short: string; long: string };
}

interface FieldTextProps {
  t: (key: ProjectMessageKey) => string;
  children: ReactNode;
}

/**
 * A value of a project the report names that the report does not give (its level, say): dotted
 * underline, and said in words to screen readers and on hover. Rows of illustrative projects are
 * marked as a whole instead.
 */
function Field({ project, field, t, children }: { project: Project; field: ProjectField } & FieldTextProps) {
  if (project.provenance.kind === 'illustrative' || fieldProvenanceOf(project, field).kind !== 'illustrative') {
    return <>{children}</>;
  }
  return (
    <span className="ptable__assumed" title={t('table.assumed')}>
      {children}
      <span className="visually-hidden">{t('table.assumedShort')}</span>
    </span>
  );
}

const ProjectRow = memo(function ProjectRow({ project: p, locale, theme, labels, t, describe }: RowProps) {
  const progress = progressOf(p);
  const date = (d: string | null, field: 'start' | 'expectedCompletion') =>
    d ? (
      <Field project={p} field={field} t={t}>
        {formatDateAt(d, locale, p.datePrecision?.[field])}
      </Field>
    ) : (
      t('date.none')
    );
  return (
    <tr className={p.provenance.kind === 'illustrative' ? 'ptable__row ptable__row--illustrative' : 'ptable__row'}>
      <th scope="row" className="ptable__name">
        <ProjectLink id={p.id} name={p.name} />
      </th>
      <td>
        {p.sector && (
          <span className="ptable__dot" style={{ background: sectorColor(p.sector, theme) }} aria-hidden="true" />
        )}
        {p.sector ? (
          <Field project={p} field="sector" t={t}>
            {labels.sector(p.sector)}
          </Field>
        ) : (
          labels.sector(p.sector)
        )}
      </td>
      <td>
        <Field project={p} field="type" t={t}>
          {labels.type(p.type)}
        </Field>
      </td>
      <td>
        <span className={`stage-tag stage-tag--${p.stage}`}>{labels.stage(p.stage)}</span>
      </td>
      <td>
        <Field project={p} field="level" t={t}>
          {labels.level(p.level)}
        </Field>
      </td>
      <td className="num">{p.planned ? formatMoney(p.planned.value, locale, { exact: true }) : t('money.none')}</td>
      <td className="num">{p.completed ? formatMoney(p.completed.value, locale, { exact: true }) : t('money.none')}</td>
      <td className="num ptable__progress">
        {progress === null ? (
          t('progress.none')
        ) : (
          <>
            <span className="pbar" aria-hidden="true">
              <span
                className={progress > 1 ? 'pbar__fill pbar__fill--over' : 'pbar__fill'}
                style={{ width: `${Math.min(progress, 1) * 100}%` }}
              />
            </span>
            {formatShare(progress, locale)}
          </>
        )}
      </td>
      <td className="date">{date(p.start, 'start')}</td>
      <td className="date">{date(p.expectedCompletion, 'expectedCompletion')}</td>
      <td className="date">{formatDate(p.lastUpdate, locale)}</td>
      <td>
        <RowProvenance provenance={p.provenance} text={describe(p.provenance)} />
      </td>
    </tr>
  );
});

/**
 * A static badge per row (the full text in its title and for screen readers): one focusable
 * tooltip button per row would add 50–200 tab stops and make every page of results slower to paint.
 */
function RowProvenance({ provenance, text }: { provenance: Provenance; text: { short: string; long: string } }) {
  return (
    <span className={`provenance__badge provenance__badge--${provenance.kind}`} title={text.long}>
      <span aria-hidden="true">{text.short}</span>
      <span className="visually-hidden">{text.long}</span>
    </span>
  );
}
