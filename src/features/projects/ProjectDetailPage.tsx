import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  fieldProvenanceOf,
  progressOf,
  projectDetailOptions,
  projectListOptions,
  projectText,
} from '../../api/projects';
import type { Project, ProjectDetail, ProjectField } from '../../api/projects';
import type { Provenance } from '../../api/common';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { Skeleton } from '../../components/Skeleton';
import {
  dateTimeAt,
  formatCount,
  formatDate,
  formatDateAt,
  formatMeasure,
  formatPeriod,
  formatShare,
} from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useLocale, useT } from '../../stores/prefs';
import { useProjectLabels } from './labels';
import { projectMessages } from './messages';
import { listSearch, useTrackerState } from './params';
import './projects.css';

export default function ProjectDetailPage() {
  const t = useT(projectMessages);
  const [search] = useSearchParams();
  const id = useParams().projectId ?? '';
  const locale = useLocale();
  const project = useQuery(projectDetailOptions(id));
  const text = project.data ? projectText(project.data, locale) : null;
  const back = { pathname: '/projects', search: `?${listSearch(search).toString()}` };

  if (project.error instanceof ApiError && project.error.status === 404) {
    return (
      <div className="page project-detail">
        <h1>{t('detail.notFound')}</h1>
        <p>{t('detail.notFoundHint', { id })}</p>
        <Link className="button" to={back}>
          {t('detail.back')}
        </Link>
      </div>
    );
  }
  return (
    <div className="page project-detail">
      <p className="project-detail__back">
        <Link to={back}>{t('detail.back')}</Link>
      </p>
      {text ? (
        <h1 lang={locale === 'en' && !text.original ? 'zh-CN' : undefined}>
          {text.name}
          {text.original && (
            <>
              {' '}
              <span className="project-original" lang="zh-CN">
                {text.original}
              </span>
            </>
          )}
        </h1>
      ) : (
        <Skeleton height="2rem" width="20rem" />
      )}
      {project.isError && (
        <ErrorPanel
          what={t('what.projects')}
          error={project.error}
          onRetry={() => void project.refetch()}
          retrying={project.isFetching}
        />
      )}
      {project.data && <DetailBody project={project.data} />}
      <Neighbours id={id} />
    </div>
  );
}

function DetailBody({ project: p }: { project: ProjectDetail }) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const labels = useProjectLabels();
  const progress = progressOf(p);
  const date = (d: string | null, field: 'start' | 'expectedCompletion') =>
    d ? formatDateAt(d, locale, p.datePrecision?.[field]) : t('date.none');
  // Of a project the report names, each attribute says where it comes from (a level may be assumed).
  const named = p.provenance.kind !== 'illustrative';
  const from = (field: ProjectField, shown: unknown): Provenance | undefined =>
    named && shown !== null ? fieldProvenanceOf(p, field) : undefined;
  // A name or description an import replaced says where it now comes from.
  const replaced = (field: 'name' | 'description') => (named ? p.fieldProvenance?.[field] : undefined);
  const renamed = replaced('name');
  const fields: { key: string; label: string; value: string; provenance?: Provenance }[] = [
    ...(renamed ? [{ key: 'name', label: t('col.name'), value: p.name, provenance: renamed }] : []),
    { key: 'stage', label: t('col.stage'), value: labels.stage(p.stage), provenance: from('stage', p.stage) },
    { key: 'sector', label: t('col.sector'), value: labels.sector(p.sector), provenance: from('sector', p.sector) },
    { key: 'type', label: t('col.type'), value: labels.type(p.type), provenance: from('type', p.type) },
    // What the source does not give is left out, not shown as a blank.
    ...(p.level
      ? [{ key: 'level', label: t('col.level'), value: labels.level(p.level), provenance: from('level', p.level) }]
      : []),
    ...(p.planned && p.completed
      ? [
          ...(p.investmentPeriod
            ? [{ key: 'period', label: t('detail.period'), value: formatPeriod(p.investmentPeriod, locale) }]
            : []),
          { key: 'planned', label: t('col.planned'), value: formatMeasure(p.planned, locale) },
          { key: 'completed', label: t('col.completed'), value: formatMeasure(p.completed, locale) },
          {
            key: 'progress',
            label: t('col.progress'),
            value: progress === null ? t('progress.none') : formatShare(progress, locale),
          },
        ]
      : [
          {
            key: 'money',
            label: t('detail.money'),
            // The report gives no money for the projects it names; an office's own project may have none filled in.
            value: t(p.provenance.kind === 'reported' ? 'detail.noMoney' : 'detail.moneyNotGiven'),
          },
        ]),
    ...(p.totalInvestment
      ? [
          {
            key: 'total',
            label: t('detail.total'),
            value: formatMeasure(p.totalInvestment, locale),
            provenance: p.totalInvestment.provenance.kind === 'reported' ? p.totalInvestment.provenance : undefined,
          },
        ]
      : []),
    ...(p.facts ?? []).map((f, i) => ({
      key: `fact-${i}`,
      label: localized(f.label, locale),
      value: formatMeasure(f.value, locale),
      provenance: f.value.provenance,
    })),
    { key: 'start', label: t('col.start'), value: date(p.start, 'start'), provenance: from('start', p.start) },
    {
      key: 'expectedCompletion',
      label: t('col.expectedCompletion'),
      value: date(p.expectedCompletion, 'expectedCompletion'),
      provenance: from('expectedCompletion', p.expectedCompletion),
    },
    { key: 'lastUpdate', label: t('col.lastUpdate'), value: formatDate(p.lastUpdate, locale) },
  ];
  // ISO dates order as strings: no collator to set up.
  const milestones = [...p.milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <>
      {/* An English page shows the Chinese description where no English one is given. */}
      <p className="project-detail__description" lang={locale === 'en' && !p.descriptionEn ? 'zh-CN' : undefined}>
        {projectText(p, locale).description}
        {replaced('description') && (
          <>
            {' '}
            <ProvenanceBadge provenance={replaced('description') as Provenance} compact />
          </>
        )}
      </p>
      <div className="project-detail__grid">
        <section className="card" aria-labelledby="project-fields">
          <h2 id="project-fields">{t('detail.fields')}</h2>
          <dl className="fields">
            {fields.map((f) => (
              <div key={f.key} className="fields__item">
                <dt>{f.label}</dt>
                <dd>
                  {f.value}
                  {f.provenance && (
                    <>
                      {' '}
                      <ProvenanceBadge provenance={f.provenance} compact />
                    </>
                  )}
                </dd>
              </div>
            ))}
            <div className="fields__item">
              <dt>{t('detail.provenance')}</dt>
              <dd>
                <ProvenanceBadge provenance={p.provenance} />
              </dd>
            </div>
            {p.completed && (
              <div className="fields__item">
                <dt>{t('detail.moneyProvenance')}</dt>
                <dd>
                  <ProvenanceBadge provenance={p.completed.provenance} />
                </dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="project-milestones">
          <h2 id="project-milestones">{t('detail.milestones')}</h2>
          {milestones.length === 0 ? (
            <p>{t('detail.noMilestones')}</p>
          ) : (
            <ol className="timeline">
              {milestones.map((m) => (
                <li key={`${m.date}-${m.label.en}`} className={m.done ? 'timeline__item is-done' : 'timeline__item'}>
                  <time dateTime={dateTimeAt(m.date, m.precision)}>
                    {formatDateAt(m.date, locale, m.precision, m.until)}
                  </time>
                  <span className="timeline__label">{localized(m.label, locale)}</span>
                  <span className="timeline__status">{m.done ? t('detail.done') : t('detail.planned')}</span>
                  <ProvenanceBadge provenance={m.provenance} compact />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}

/** Previous / next project within the list the user came from (its filters, sort and page are in the address). */
function Neighbours({ id }: { id: string }) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { filter } = useTrackerState();
  const { page, pageSize } = filter;
  const current = useQuery(projectListOptions(filter));
  const items = current.data?.items ?? [];
  const index = items.findIndex((p) => p.id === id);
  const total = current.data?.total ?? 0;
  const atStart = index === 0 && page > 1;
  const atEnd = index === items.length - 1 && page * pageSize < total;
  const before = useQuery({ ...projectListOptions({ ...filter, page: page - 1 }), enabled: index >= 0 && atStart });
  const after = useQuery({ ...projectListOptions({ ...filter, page: page + 1 }), enabled: index >= 0 && atEnd });
  if (index < 0) return null;

  const prev: [Project, number] | null =
    index > 0
      ? [items[index - 1] as Project, page]
      : atStart && before.data?.items.length
        ? [before.data.items[before.data.items.length - 1] as Project, page - 1]
        : null;
  const next: [Project, number] | null =
    index < items.length - 1
      ? [items[index + 1] as Project, page]
      : atEnd && after.data?.items[0]
        ? [after.data.items[0], page + 1]
        : null;
  const to = ([p, onPage]: [Project, number]) => {
    const s = listSearch(search);
    if (onPage > 1) s.set('page', String(onPage));
    else s.delete('page');
    return { pathname: `/projects/${p.id}`, search: `?${s.toString()}` };
  };
  return (
    <nav className="neighbours" aria-label={t('detail.neighbours')}>
      {prev ? (
        <Link rel="prev" to={to(prev)}>
          {t('detail.prev', { name: projectText(prev[0], locale).name })}
        </Link>
      ) : (
        <span />
      )}
      <span className="neighbours__pos">
        {t('detail.position', {
          i: formatCount((page - 1) * pageSize + index + 1, locale),
          n: formatCount(total, locale),
        })}
      </span>
      {next ? (
        <Link rel="next" to={to(next)}>
          {t('detail.next', { name: projectText(next[0], locale).name })}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
