import type { CSSProperties } from 'react';
import type { PeriodId } from '../../../api/common';
import { fieldProvenanceOf, projectText } from '../../../api/projects';
import { stageAtPeriodEnd } from '../../../domain/projectStage';
import type { Project } from '../../../api/projects';
import { formatDateAt } from '../../../lib/format';
import type { Locale, Translate } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import type { ProjectLabelKey } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import { usePageTurns } from '../hooks/useSlideshow';
import type { PresentationTranslate } from '../messages';

/**
 * The most rows a page holds on the 1920×1080 canvas: a Chinese row is one line; an English row
 * is the English name (up to two lines) with the Chinese name under it.
 */
const MAX_ROWS: Record<Locale, number> = { 'zh-CN': 7, en: 6 };

/** Pages of about equal length: 23 projects of at most 7 a page are 4 pages of 6, not 7, 7, 7 and 2. */
export function projectPages(count: number, locale: Locale): { pages: number; rows: number } {
  const pages = Math.max(1, Math.ceil(count / MAX_ROWS[locale]));
  return { pages, rows: Math.max(1, Math.ceil(count / pages)) };
}

interface RowProps {
  project: Project;
  /** The period the screen shows, for the stage the project had at its end. */
  period: PeriodId | null;
  locale: Locale;
  t: PresentationTranslate;
  names: Translate<ProjectLabelKey>;
}

/** A date the report gives (an assumed one is not shown on a wall), at the precision it gives it. */
function knownDate(project: Project, field: 'start' | 'expectedCompletion', locale: Locale): string | null {
  const date = project[field];
  if (!date || fieldProvenanceOf(project, field).kind === 'illustrative') return null;
  return formatDateAt(date, locale, project.datePrecision?.[field]);
}

/**
 * The stage at the end of the period where the data says what it was; a project that had not yet
 * broken ground says so; otherwise the stage as of the report, said to be that.
 */
function stageText(project: Project, period: PeriodId | null, t: PresentationTranslate, names: RowProps['names']) {
  const atEnd = period === null ? project.stage : stageAtPeriodEnd(project, period);
  if (atEnd === 'notStarted') return { key: 'notStarted', text: t('projects.notStarted') };
  if (atEnd === null)
    return { key: project.stage, text: t('projects.stageAtReport', { stage: names(`stage.${project.stage}`) }) };
  return { key: atEnd, text: names(`stage.${atEnd}`) };
}

function Row({ project, period, locale, t, names }: RowProps) {
  const stage = stageText(project, period, t, names);
  const started = knownDate(project, 'start', locale);
  const expected = knownDate(project, 'expectedCompletion', locale);
  const when = started
    ? t('projects.started', { date: started })
    : expected
      ? t('projects.expected', { date: expected })
      : '';
  // In English, the English name where the office gives one, with the Chinese name under it.
  const text = projectText(project, locale);
  return (
    <li className="wall-row">
      <span className="wall-row__name">
        <span className="wall-row__primary">{text.name}</span>
        {text.original && (
          <span className="wall-row__original" lang="zh-CN">
            {text.original}
          </span>
        )}
      </span>
      <span className={`wall-row__stage wall-row__stage--${stage.key}`}>{stage.text}</span>
      <span className="wall-row__type">{names(`type.${project.type}`)}</span>
      <span className="wall-row__date">{when}</span>
    </li>
  );
}

/**
 * The projects the report names, a page at a time (rows sized so that a page fills the panel
 * and none is cut), turning within the slide's interval. Every page is in the document; those
 * not showing are hidden, so a page turns without drawing anything anew. On a phone the pages
 * are one list to scroll.
 */
export function ProjectsSlide({
  projects,
  period,
  intervalMs,
  paused,
  locale,
  t,
}: {
  /** The projects the report names. */
  projects: readonly Project[];
  period: PeriodId | null;
  intervalMs: number;
  paused: boolean;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const names = useT(projectLabelMessages);
  const { pages, rows } = projectPages(projects.length, locale);
  const page = usePageTurns(pages, intervalMs, paused);
  return (
    <section className="wall-panel wall-projects" aria-labelledby="wall-projects-caption">
      <div className="wall-projects__top">
        <h2 id="wall-projects-caption" className="wall-panel__title">
          {t('projects.caption', { n: projects.length })}
        </h2>
        {pages > 1 && <p className="wall-projects__page">{t('page', { n: page + 1, total: pages })}</p>}
      </div>
      <div className="wall-row wall-row--head" aria-hidden="true">
        <span className="wall-row__name">{t('projects.name')}</span>
        <span className="wall-row__stage">{t('projects.stage')}</span>
        <span className="wall-row__type">{t('projects.type')}</span>
        <span className="wall-row__date">{t('projects.date')}</span>
      </div>
      <div className="wall-pages" style={{ '--rows': rows } as CSSProperties}>
        {Array.from({ length: pages }, (_, i) => (
          <ul key={i} className="wall-rows" hidden={i !== page}>
            {projects.slice(i * rows, (i + 1) * rows).map((p) => (
              <Row key={p.id} project={p} period={period} locale={locale} t={t} names={names} />
            ))}
          </ul>
        ))}
      </div>
    </section>
  );
}
