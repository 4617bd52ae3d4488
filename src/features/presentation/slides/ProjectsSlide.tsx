import { useEffect, useState } from 'react';
import type { PeriodId } from '../../../api/common';
import { fieldProvenanceOf } from '../../../api/projects';
import { stageAtPeriodEnd } from '../../../domain/projectStage';
import type { Project } from '../../../api/projects';
import { formatDateAt } from '../../../lib/format';
import type { Locale, Translate } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import type { ProjectLabelKey } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import type { PresentationTranslate } from '../messages';

/** Rows per page when motion is reduced: the list steps instead of scrolling. */
const PAGE_ROWS = 6;
const PAGE_MS = 6000;
/** Seconds each row takes to scroll by: slow enough to read from across the room. */
const SECONDS_PER_ROW = 3.5;

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
  return (
    <li className="wall-row">
      <span className="wall-row__name">{project.name}</span>
      <span className={`wall-row__stage wall-row__stage--${stage.key}`}>{stage.text}</span>
      <span className="wall-row__type">{names(`type.${project.type}`)}</span>
      <span className="wall-row__date">{when}</span>
    </li>
  );
}

/**
 * The projects the report names, as a slowly scrolling list (轮播表). The list is drawn twice
 * so the scroll loops without a jump; the copy is hidden from assistive technology. With
 * reduced motion it shows a page at a time instead.
 */
export function ProjectsSlide({
  projects,
  period,
  reducedMotion,
  paused,
  locale,
  t,
}: {
  projects: readonly Project[];
  period: PeriodId | null;
  reducedMotion: boolean;
  paused: boolean;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const names = useT(projectLabelMessages);
  const named = projects.filter((p) => p.provenance.kind === 'reported');
  const pages = Math.max(1, Math.ceil(named.length / PAGE_ROWS));
  const [page, setPage] = useState(0);
  const stepping = reducedMotion && pages > 1 && !paused;
  useEffect(() => {
    if (!stepping) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [stepping, pages]);

  const scrolls = !reducedMotion && named.length > PAGE_ROWS;
  const rows = reducedMotion ? named.slice((page % pages) * PAGE_ROWS, (page % pages) * PAGE_ROWS + PAGE_ROWS) : named;
  return (
    <section className="wall-panel wall-projects" aria-labelledby="wall-projects-caption">
      <h2 id="wall-projects-caption" className="wall-panel__title">
        {t('projects.caption', { n: named.length })}
      </h2>
      <div className="wall-row wall-row--head" aria-hidden="true">
        <span className="wall-row__name">{t('projects.name')}</span>
        <span className="wall-row__stage">{t('projects.stage')}</span>
        <span className="wall-row__type">{t('projects.type')}</span>
        <span className="wall-row__date">{t('projects.date')}</span>
      </div>
      <div className="wall-scroller">
        <div
          className={`wall-scroller__track${scrolls ? ' wall-scroller__track--scrolling' : ''}`}
          style={
            scrolls
              ? {
                  animationDuration: `${named.length * SECONDS_PER_ROW}s`,
                  animationPlayState: paused ? 'paused' : 'running',
                }
              : undefined
          }
        >
          <ul className="wall-rows">
            {rows.map((p) => (
              <Row key={p.id} project={p} period={period} locale={locale} t={t} names={names} />
            ))}
          </ul>
          {scrolls && (
            <ul className="wall-rows" aria-hidden="true">
              {rows.map((p) => (
                <Row key={p.id} project={p} period={period} locale={locale} t={t} names={names} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
