import { adminErrorOf } from '../../api/admin';
import type { ImportIssue } from '../../api/admin';
import { ApiError } from '../../api/client';
import { formatCount, formatDate, formatPoints, formatTime } from '../../lib/format';
import type { Locale, Translate } from '../../lib/i18n';
import type { Announcement } from './flow';
import type { AdminMessageKey } from './messages';

type AdminTranslate = Translate<AdminMessageKey>;

/**
 * A change refused because the editor is signed out (401) or their CSRF token is no longer taken
 * (403, unless the request came from another origin): they must sign in again.
 */
export const endsSession = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  (error.status === 401 || (error.status === 403 && adminErrorOf(error)?.error !== 'foreign_origin'));

/** A file size as people read it: 812 字节, 35.2 KB, 20 MB. */
export function formatBytes(bytes: number, locale: Locale, t: AdminTranslate): string {
  const digits = (n: number) => formatPoints(n, locale, Number.isInteger(n) ? 0 : 1);
  if (bytes < 1024) return t('size.bytes', { n: digits(bytes) });
  if (bytes < 1024 * 1024) return t('size.kb', { n: digits(Math.round((bytes / 1024) * 10) / 10) });
  return t('size.mb', { n: digits(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A moment in the reader's own time zone: 2023年8月26日 14:05 / Aug 26, 2023 14:05. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  return `${formatDate(day, locale)} ${formatTime(d)}`;
}

/** The first 12 hex digits of a SHA-256: enough to tell two files apart at a glance. */
export const shortSha = (sha: string) => sha.slice(0, 12);

/** English says 1 error, 2 errors; Chinese has one form. */
export const pluralOf = (n: number): 'one' | 'other' => (n === 1 ? 'one' : 'other');

/** A count with its noun: 2 个错误 / 2 errors, 1 个警告 / 1 warning. */
export const countText = (kind: 'error' | 'warning', n: number, locale: Locale, t: AdminTranslate): string =>
  t(`count.${kind}.${pluralOf(n)}`, { n: formatCount(n, locale) });

/** What the live region says of the flow's last step. */
export function announcementText(a: Announcement, locale: Locale, t: AdminTranslate): string {
  switch (a.say) {
    case 'nothing':
      return '';
    case 'signedIn':
      return t('status.signedIn', { user: a.user });
    case 'signedOut':
      return t('status.signedOut');
    case 'checking':
      return t('status.uploading', { name: a.name });
    case 'checked':
      return t('status.checked', {
        errors: countText('error', a.errors, locale, t),
        warnings: countText('warning', a.warnings, locale, t),
      });
    case 'publishing':
      return t('status.publishing');
    case 'published':
      return t('publish.done', { n: a.version });
    case 'text':
      return a.text;
  }
}

/** Where an issue is, in the file's terms: 指标 D12, 指标 第 12 行, 说明 B 列, 指标（整张表）, 整个文件. */
export function issueLocation(issue: ImportIssue, t: AdminTranslate): string {
  if (issue.sheet === null) return t('location.file');
  if (issue.row === null && issue.column !== null)
    return t('location.column', { sheet: issue.sheet, column: issue.column });
  if (issue.row === null) return t('location.sheet', { sheet: issue.sheet });
  if (issue.column === null) return t('location.row', { sheet: issue.sheet, row: issue.row });
  return t('location.cell', { sheet: issue.sheet, cell: `${issue.column}${issue.row}` });
}

export const ISSUE_SORT_FIELDS = ['severity', 'sheet', 'row', 'column'] as const;
export type IssueSortField = (typeof ISSUE_SORT_FIELDS)[number];
export interface IssueSort {
  field: IssueSortField;
  desc: boolean;
}

/** An issue with its place in the report, which names it for links and breaks ties. */
export interface NumberedIssue {
  n: number;
  issue: ImportIssue;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Nulls (a whole file, sheet or row) come first: they concern everything after them. */
function compareNullable<V>(a: V | null, b: V | null, compare: (x: V, y: V) => number): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return compare(a, b);
}

/** Columns as Excel orders them: Z before AA. */
const compareColumns = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const compareText = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

const COMPARE: Record<IssueSortField, (a: ImportIssue, b: ImportIssue) => number> = {
  severity: (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  sheet: (a, b) => compareNullable(a.sheet, b.sheet, compareText),
  row: (a, b) => compareNullable(a.row, b.row, (x, y) => x - y),
  column: (a, b) => compareNullable(a.column, b.column, compareColumns),
};

/**
 * The issues in the order asked for; ties are broken by sheet, row and column (so the order
 * within one severity follows the file), then by the report's own order.
 */
export function sortIssues(issues: readonly NumberedIssue[], sort: IssueSort): NumberedIssue[] {
  const tieBreak: IssueSortField[] = ['sheet', 'row', 'column', 'severity'];
  const order = [sort.field, ...tieBreak.filter((f) => f !== sort.field)];
  const sign = sort.desc ? -1 : 1;
  return [...issues].sort((a, b) => {
    const first = COMPARE[sort.field](a.issue, b.issue);
    if (first !== 0) return sign * first;
    for (const field of order.slice(1)) {
      const c = COMPARE[field](a.issue, b.issue);
      if (c !== 0) return c;
    }
    return a.n - b.n;
  });
}

/** How long to wait before signing in again: whole minutes from a minute on, else seconds. */
export function waitText(seconds: number, t: AdminTranslate): string {
  return seconds >= 60
    ? t('wait.minutes', { n: Math.ceil(seconds / 60) })
    : t('wait.seconds', { n: Math.ceil(seconds) });
}
