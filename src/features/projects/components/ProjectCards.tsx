import { memo } from 'react';
import type { ReactNode } from 'react';
import { progressOf } from '../../../api/projects';
import type { Project } from '../../../api/projects';
import { useSectorColor } from '../../../lib/sectorColors';
import { useResolvedTheme } from '../../../stores/prefs';
import { Field, LinkSearchContext, ProjectLink, Progress, RowProvenance, SectorName, StageSteps } from './projectCells';
import type { RowContext } from './projectCells';

interface ProjectCardsProps {
  rows: readonly Project[];
  /** Query string carried into each project's detail link (the list's filters). */
  linkSearch: string;
  /** The previous cards are shown while the next ones load. */
  busy: boolean;
  ctx: RowContext;
}

/**
 * One page of projects as cards, for a phone (hidden elsewhere): each card is its project's link (the whole card
 * answers a tap; the link's name is the project's), with its step of the pipeline, sector, type,
 * level where known, and completed against planned investment.
 */
export function ProjectCards({ rows, linkSearch, busy, ctx }: ProjectCardsProps) {
  const theme = useResolvedTheme();
  const sectorColor = useSectorColor();
  return (
    <LinkSearchContext value={linkSearch}>
      {/* Shown instead of the table on a phone's window (projects.css). */}
      <ul className="pcards" aria-label={ctx.t('table.caption')} aria-busy={busy} hidden>
        {rows.map((p) => (
          <ProjectCard key={p.id} project={p} color={p.sector ? sectorColor(p.sector, theme) : null} ctx={ctx} />
        ))}
      </ul>
    </LinkSearchContext>
  );
}

const ProjectCard = memo(function ProjectCard({
  project: p,
  color,
  ctx,
}: {
  project: Project;
  /** Its sector's colour. */
  color: string | null;
  ctx: RowContext;
}) {
  const { t, labels, money } = ctx;
  const progress = progressOf(p);
  const amount = (a: Project['planned']) => (a ? <span className="figure">{money.amount(a)}</span> : t('money.none'));
  return (
    <li className={p.provenance.kind === 'illustrative' ? 'pcard pcard--illustrative' : 'pcard'}>
      <p className="pcard__name">
        <ProjectLink project={p} locale={ctx.locale} />
      </p>
      <div className="pcard__stage">
        <StageSteps stage={p.stage} ctx={ctx} />
        <RowProvenance provenance={p.provenance} text={ctx.describe(p.provenance)} />
      </div>
      <dl className="pcard__facts">
        {p.sector && (
          <Fact label={t('col.sector')}>
            <SectorName project={p} ctx={ctx} color={color} />
          </Fact>
        )}
        <Fact label={t('col.type')}>
          <Field project={p} field="type" t={t}>
            {labels.type(p.type)}
          </Field>
        </Fact>
        {p.level && (
          <Fact label={t('col.level')}>
            <Field project={p} field="level" t={t}>
              {labels.level(p.level)}
            </Field>
          </Fact>
        )}
        {p.planned || p.completed ? (
          <Fact label={t('card.money')} className="pcard__money">
            {amount(p.completed)} / {amount(p.planned)}
            {progress !== null && (
              <>
                {' '}
                <Progress progress={progress} ctx={ctx} />
              </>
            )}
          </Fact>
        ) : (
          <Fact label={t('col.completed')}>{t('money.none')}</Fact>
        )}
      </dl>
    </li>
  );
});

function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
