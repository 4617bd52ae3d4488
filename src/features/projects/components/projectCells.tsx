import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Provenance } from '../../../api/common';
import { fieldProvenanceOf, projectText } from '../../../api/projects';
import type { Project, ProjectField, ProjectPage } from '../../../api/projects';
import { componentMessages } from '../../../components/messages';
import { useProvenanceText } from '../../../components/ProvenanceBadge';
import { columnUnit } from '../../../lib/columnUnit';
import type { Amount, ColumnUnit } from '../../../lib/columnUnit';
import { formatDateAt, formatShare } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { useT } from '../../../stores/prefs';
import type { Labels } from '../labels';
import type { ProjectMessageKey } from '../messages';

/** What the rows of one page of projects share: built once per page and language. */
export interface RowContext {
  locale: Locale;
  labels: Labels;
  t: (key: ProjectMessageKey, vars?: Record<string, string | number>) => string;
  describe: (p: Provenance) => { short: string; long: string };
  /** One unit for the page's planned and completed amounts, so they compare at a glance. */
  money: ColumnUnit;
}

/** The list's query string for detail links: a context, so a new search re-renders only the links, not whole rows. */
export const LinkSearchContext = createContext('');

/**
 * A project's name as a link to its page; in English the English name where there is one, with
 * the Chinese name beside it (the link's name carries both, as a reader hears them).
 */
export function ProjectLink({ project, locale }: { project: Project; locale: Locale }) {
  const search = useContext(LinkSearchContext);
  const { name, original } = projectText(project, locale);
  return (
    <Link
      className="project-link"
      to={{ pathname: `/projects/${project.id}`, search }}
      lang={locale === 'en' && !original ? 'zh-CN' : undefined}
    >
      {name}
      {original && (
        <>
          {' '}
          <span className="project-original" lang="zh-CN">
            {original}
          </span>
        </>
      )}
    </Link>
  );
}

/** The provenance of a row in a few characters, and in words for screen readers and on hover. */
export function useDescribe() {
  const tc = useT(componentMessages);
  const provenanceText = useProvenanceText();
  return useCallback(
    (p: Provenance) => {
      const [kind = '', ...details] = provenanceText(p);
      return {
        short: p.source ?? kind,
        long: [tc('provenance.label', { kind }), ...details].join(tc('provenance.join')),
      };
    },
    [tc, provenanceText],
  );
}

/**
 * The unit for a page's money, its planned and completed amounts together: chosen by the average
 * amount of the whole filtered list, so it stays put while the reader pages and sorts.
 */
export function useMoneyUnit(rows: readonly Project[], totals: ProjectPage['totals'], locale: Locale): ColumnUnit {
  const average = totals.withMoney > 0 ? (totals.planned + totals.completed) / (2 * totals.withMoney) : undefined;
  return useMemo(() => columnUnit(moneyOf(rows), locale, average), [rows, locale, average]);
}

const moneyOf = (rows: readonly Project[]): (Amount | null)[] => rows.flatMap((p) => [p.planned, p.completed]);

/** Which of a page's optional attributes any of its projects has: a column of nothing but blanks is left out. */
export function knownOn(rows: readonly Project[]) {
  return {
    money: rows.some((p) => p.planned ?? p.completed),
    sector: rows.some((p) => p.sector),
    level: rows.some((p) => p.level),
    start: rows.some((p) => p.start),
    expectedCompletion: rows.some((p) => p.expectedCompletion),
  };
}
export type Known = ReturnType<typeof knownOn>;

/**
 * A value of a project the report names that the report does not give (its level, say): dotted
 * underline, and said in words to screen readers and on hover. Rows of illustrative projects are
 * marked as a whole instead.
 */
export function Field({
  project,
  field,
  t,
  children,
}: {
  project: Project;
  field: ProjectField;
  t: RowContext['t'];
  children: ReactNode;
}) {
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

/** A date at the precision its source gives, marked where the report does not give it. */
export function ProjectDate({
  project: p,
  field,
  ctx,
}: {
  project: Project;
  field: 'start' | 'expectedCompletion';
  ctx: RowContext;
}) {
  const d = p[field];
  if (!d) return <>{ctx.t('date.none')}</>;
  return (
    <Field project={p} field={field} t={ctx.t}>
      <span className="figure">{formatDateAt(d, ctx.locale, p.datePrecision?.[field])}</span>
    </Field>
  );
}

/** The share of the plan completed: a bar and the percentage; a dash where it cannot be known. */
export function Progress({ progress, ctx }: { progress: number | null; ctx: RowContext }) {
  if (progress === null) return <>{ctx.t('progress.none')}</>;
  return (
    <span className="figure">
      <span className="pbar" aria-hidden="true">
        <span
          className={progress > 1 ? 'pbar__fill pbar__fill--over' : 'pbar__fill'}
          style={{ width: `${Math.min(progress, 1) * 100}%` }}
        />
      </span>
      {formatShare(progress, ctx.locale)}
    </span>
  );
}

/** A sector's name with its colour. */
export function SectorName({ project: p, ctx, color }: { project: Project; ctx: RowContext; color: string | null }) {
  if (!p.sector) return <>{ctx.labels.sector(p.sector)}</>;
  return (
    <span className="sector-name">
      {color && <span className="ptable__dot" style={{ background: color }} aria-hidden="true" />}
      <Field project={p} field="sector" t={ctx.t}>
        {ctx.labels.sector(p.sector)}
      </Field>
    </span>
  );
}

/**
 * A static badge per row (the full text in its title and for screen readers): one focusable
 * tooltip button per row would add 50–200 tab stops and make every page of results slower to paint.
 */
export function RowProvenance({ provenance, text }: { provenance: Provenance; text: { short: string; long: string } }) {
  return (
    <span className={`provenance__badge provenance__badge--${provenance.kind}`} title={text.long}>
      <span aria-hidden="true">{text.short}</span>
      <span className="visually-hidden">{text.long}</span>
    </span>
  );
}

/** Where a message puts its figure: the figure is set in a span that never breaks across lines. */
export const SLOT = '\u0000';
export function withFigure(message: string, figure: string) {
  const [before = '', after = ''] = message.split(SLOT);
  return (
    <>
      {before}
      <span className="figure">{figure}</span>
      {after}
    </>
  );
}
