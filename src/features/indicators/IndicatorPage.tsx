import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { KpiHistory } from '../../api/history';
import { kpiHistoryOptions } from '../../api/history';
import { metaOptions } from '../../api/meta';
import { AppLink } from '../../components/AppLink';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextWithFigures } from '../../components/FigureText';
import { Skeleton } from '../../components/Skeleton';
import { targetWording } from '../../domain/kpi';
import { formatMeasure, formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { usePageFilters } from '../../lib/routeSearch';
import { useLocale, useT } from '../../stores/prefs';
import { HistoryTrend } from './HistoryTrend';
import { indicatorMessages } from './messages';
import { pickedPoint } from './model';
import { SameMonths } from './SameMonths';
import './indicators.css';

/** The message saying a target, by how it is worded. */
const TARGET_KEYS = { total: 'target', rate: 'target.level', cap: 'target.cap' } as const;

function Back() {
  const t = useT(indicatorMessages);
  return (
    <p className="indicator-back">
      <AppLink to="/">{t('back')}</AppLink>
    </p>
  );
}

/** The figures in words: latest value, the period chosen, how many periods, the targets (the page's text on the server's first render too). */
function Summary({ history, picked }: { history: KpiHistory; picked: string | null }) {
  const t = useT(indicatorMessages);
  const locale = useLocale();
  const first = history.points[0];
  const last = history.points.at(-1);
  if (!first || !last) return null;
  const line = (key: 'summary.latest' | 'summary.picked', period: string) => {
    const point = history.points.find((p) => p.period === period);
    if (!point) return null;
    const parts = [t(key, { period: formatPeriod(point.period, locale), value: formatMeasure(point.value, locale) })];
    if (point.monthValue && point.monthValue.value !== point.value.value) {
      parts.push(t('summary.month', { value: formatMeasure(point.monthValue, locale) }));
    }
    if (point.yoy) parts.push(t('summary.yoy', { value: formatMeasure(point.yoy, locale, { signed: true }) }));
    return parts.join(t('list.sep'));
  };
  const latest = line('summary.latest', last.period);
  const chosen = picked && picked !== last.period ? line('summary.picked', picked) : null;
  const span =
    history.points.length === 1
      ? t('summary.periods.one', { first: formatPeriod(first.period, locale) })
      : t('summary.periods', {
          n: history.points.length,
          first: formatPeriod(first.period, locale),
          last: formatPeriod(last.period, locale),
        });
  const targets = history.targets.map((target) =>
    t(TARGET_KEYS[targetWording(history, target)], {
      period: formatPeriod(target.period, locale, { target: true }),
      value: formatMeasure(target.value, locale),
    }),
  );
  return (
    <div className="indicator-summary">
      {latest && (
        <p className="indicator-summary__latest">
          <TextWithFigures text={latest} />
        </p>
      )}
      {chosen && (
        <p>
          <TextWithFigures text={chosen} />
        </p>
      )}
      <p className="indicator-summary__meta">
        <TextWithFigures text={span} />
        {targets.length > 0 && (
          <>
            {t('list.sep')}
            {t('targets')}
            <TextWithFigures text={targets.join(t('list.sep'))} />
          </>
        )}
      </p>
    </div>
  );
}

/** One indicator over all its periods, and its same months year by year (/indicators/:id). */
export default function IndicatorPage() {
  const t = useT(indicatorMessages);
  const locale = useLocale();
  const id = useParams().indicatorId ?? '';
  const { period } = usePageFilters();
  const history = useQuery(kpiHistoryOptions(id));
  const meta = useQuery(metaOptions());
  const data = history.data;

  if (history.error instanceof ApiError && history.error.status === 404) {
    return (
      <div className="page indicator-page">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body', { id: id.slice(0, 60) })}</p>
        <Back />
      </div>
    );
  }
  const picked = data ? pickedPoint(data, period) : null;
  const group = data && meta.data?.kpiGroups.find((g) => g.id === data.group);
  const kind = data?.cumulative === true ? t('kind.cumulative') : data?.cumulative === false ? t('kind.level') : '';
  return (
    <div className="page indicator-page">
      <nav aria-label={t('crumb.label')} className="indicator-crumbs">
        <AppLink to="/">{t('crumb.overview')}</AppLink>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{data ? localized(data.label, locale) : id}</span>
      </nav>
      {data ? (
        <h1>{localized(data.label, locale)}</h1>
      ) : (
        <h1>
          <Skeleton width="12em" height="2rem" />
        </h1>
      )}
      {data && (group || kind) && (
        <p className="indicator-kind">
          {[group ? localized(group.label, locale) : null, kind || null].filter(Boolean).join(' · ')}
        </p>
      )}
      {history.isError ? (
        <ErrorPanel
          what={t('what.history')}
          error={history.error}
          onRetry={() => void history.refetch()}
          retrying={history.isFetching}
        />
      ) : data ? (
        <>
          <Summary history={data} picked={picked} />
          <HistoryTrend history={data} picked={picked} />
          <SameMonths history={data} picked={picked} />
        </>
      ) : (
        <div role="status" aria-label={t('loading')}>
          <Skeleton height="320px" />
        </div>
      )}
    </div>
  );
}
