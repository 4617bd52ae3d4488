import { useId, useMemo, useState } from 'react';
import type { MouseEvent, Ref } from 'react';
import type { ImportIssue, ImportReport } from '../../../api/admin';
import { formatCount } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { adminMessages } from '../messages';
import { countText, formatBytes, ISSUE_SORT_FIELDS, issueLocation, shortSha, sortIssues } from '../model';
import type { IssueSort, IssueSortField, NumberedIssue } from '../model';
import { AdminTable } from './AdminTable';

/** Errors and warnings differ in shape and word as well as colour: a filled tag with ✕, an outlined one with !. */
export function SeverityTag({ severity }: { severity: ImportIssue['severity'] }) {
  const t = useT(adminMessages);
  return (
    <span className={`severity severity--${severity}`}>
      <span className="severity__icon" aria-hidden="true">
        {severity === 'error' ? '✕' : '!'}
      </span>
      {t(`severity.${severity}`)}
    </span>
  );
}

/** Focuses an element by id (which scrolls it into view) without putting a fragment in the address. */
function focusById(e: MouseEvent, id: string) {
  e.preventDefault();
  document.getElementById(id)?.focus();
}

const ariaSort = (field: IssueSortField, sort: IssueSort) =>
  sort.field === field ? (sort.desc ? 'descending' : 'ascending') : 'none';

interface IssueListProps {
  issues: readonly NumberedIssue[];
  /** Prefix of the ids of each issue's location link and description. */
  idPrefix: string;
}

/** The issues as a table the reader can sort; each location jumps to the issue's description below. */
function IssueTable({ issues, idPrefix }: IssueListProps) {
  const t = useT(adminMessages);
  const locale = useLocale();
  const [sort, setSort] = useState<IssueSort>({ field: 'severity', desc: false });
  const rows = useMemo(() => sortIssues(issues, sort), [issues, sort]);
  const onSort = (field: IssueSortField) =>
    setSort((s) => (s.field === field ? { field, desc: !s.desc } : { field, desc: false }));
  const header = (field: IssueSortField) => (
    <th key={field} scope="col" aria-sort={ariaSort(field, sort)} className={field === 'row' ? 'num' : undefined}>
      <button type="button" className="table-sort" data-sort={ariaSort(field, sort)} onClick={() => onSort(field)}>
        {t(`col.${field}`)}
      </button>
    </th>
  );
  const [severityField, ...placeFields] = ISSUE_SORT_FIELDS;
  return (
    <AdminTable
      label={t('issues.region')}
      caption={t('issues.caption')}
      className="atable atable--issues"
      columns={[
        header(severityField),
        { label: t('col.location') },
        ...placeFields.map(header),
        { label: t('col.message') },
      ]}
    >
      {rows.map(({ n, issue }) => (
        <tr key={n} className={`atable__row--${issue.severity}`}>
          <td>
            <SeverityTag severity={issue.severity} />
          </td>
          <th scope="row" className="atable__location">
            <a id={`${idPrefix}-loc-${n}`} href={`#${idPrefix}-${n}`} onClick={(e) => focusById(e, `${idPrefix}-${n}`)}>
              {issueLocation(issue, t)}
            </a>
          </th>
          <td>{issue.sheet ?? '—'}</td>
          <td className="num">{issue.row === null ? '—' : formatCount(issue.row, locale)}</td>
          <td>{issue.column ?? '—'}</td>
          <td className="atable__wrap">
            <span className="atable__text">{issue.message[locale]}</span>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** Every issue in full, in the report's order: what is wrong and how to put it right, the column and the cell as read. */
function IssueDetails({ issues, idPrefix }: IssueListProps) {
  const t = useT(adminMessages);
  const locale = useLocale();
  const headingId = useId();
  return (
    <>
      <h3 id={headingId}>{t('details.title')}</h3>
      <ol className="issue-details" aria-labelledby={headingId}>
        {issues.map(({ n, issue }) => (
          <li key={n} id={`${idPrefix}-${n}`} tabIndex={-1} className={`issue-detail issue-detail--${issue.severity}`}>
            <p className="issue-detail__title">
              <SeverityTag severity={issue.severity} />
              <strong>{issueLocation(issue, t)}</strong>
            </p>
            <p className="issue-detail__message">{issue.message[locale]}</p>
            <dl className="issue-detail__facts">
              {issue.header !== null && (
                <div>
                  <dt>{t('details.header')}</dt>
                  <dd>{issue.header}</dd>
                </div>
              )}
              {(issue.value !== null || (issue.row !== null && issue.column !== null)) && (
                <div>
                  <dt>{t('details.value')}</dt>
                  <dd>
                    {issue.value === null || issue.value === '' ? (
                      t('details.empty')
                    ) : (
                      <code className="issue-detail__value">{issue.value}</code>
                    )}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('details.code')}</dt>
                <dd>
                  <code>{issue.code}</code>
                </dd>
              </div>
            </dl>
            <a href={`#${idPrefix}-loc-${n}`} onClick={(e) => focusById(e, `${idPrefix}-loc-${n}`)}>
              {t('details.back')}
            </a>
          </li>
        ))}
      </ol>
    </>
  );
}

interface ImportReportViewProps {
  report: ImportReport;
  /** The heading focus moves to when a report arrives. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** What the check found: the file as read, the counts, and every issue, sortable, with its description. */
export function ImportReportView({ report, headingRef }: ImportReportViewProps) {
  const t = useT(adminMessages);
  const locale = useLocale();
  const headingId = useId();
  const idPrefix = `issue${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const issues = useMemo(() => report.issues.map((issue, n) => ({ n: n + 1, issue })), [report.issues]);
  const total = report.errors + report.warnings;
  const format =
    report.format === 'xlsx'
      ? t('format.xlsx')
      : report.format === 'csv'
        ? t('format.csv', { encoding: report.encoding ? t(`encoding.${report.encoding}`) : '—' })
        : t('format.unknown');
  const verdict =
    report.errors > 0
      ? t('report.blocked', { errors: countText('error', report.errors, locale, t) })
      : report.warnings > 0
        ? t('report.okWarnings', { warnings: countText('warning', report.warnings, locale, t) })
        : t('report.ok');
  return (
    <div className="admin__report" aria-labelledby={headingId} role="group">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('report.title')}
      </h3>
      <dl className="admin__facts">
        <div>
          <dt>{t('report.file')}</dt>
          <dd className="admin__filename">{report.fileName}</dd>
        </div>
        <div>
          <dt>{t('report.size')}</dt>
          <dd>{formatBytes(report.bytes, locale, t)}</dd>
        </div>
        <div>
          <dt>{t('report.format')}</dt>
          <dd>{format}</dd>
        </div>
        <div>
          <dt>{t('report.sheets')}</dt>
          <dd>
            {report.sheets.length === 0
              ? t('report.noSheets')
              : report.sheets
                  .map((s) => t('report.sheetRows', { name: s.name, rows: formatCount(s.rows, locale) }))
                  .join(locale === 'en' ? ', ' : '，')}
          </dd>
        </div>
        <div>
          <dt>{t('report.issues')}</dt>
          <dd>
            {t('report.counts', {
              errors: countText('error', report.errors, locale, t),
              warnings: countText('warning', report.warnings, locale, t),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('report.base')}</dt>
          <dd>{t('report.baseVersion', { n: report.baseVersion })}</dd>
        </div>
        <div>
          <dt>{t('report.sha')}</dt>
          <dd>
            <code title={report.sha256}>{shortSha(report.sha256)}</code>
          </dd>
        </div>
      </dl>
      <p
        className={`admin__note ${report.errors > 0 ? 'admin__note--error' : report.warnings > 0 ? 'admin__note--warning' : 'admin__note--ok'}`}
      >
        {verdict}
      </p>
      {issues.length > 0 && (
        <>
          <h3>{t('issues.title')}</h3>
          {total > issues.length && (
            <p className="admin__muted">
              {t('report.truncated', { total: formatCount(total, locale), shown: formatCount(issues.length, locale) })}
            </p>
          )}
          <IssueTable issues={issues} idPrefix={idPrefix} />
          <IssueDetails issues={issues} idPrefix={idPrefix} />
        </>
      )}
    </div>
  );
}
