import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { SectorIdSchema } from '../../api/common';
import type { Measure, SectorId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import { sectorDetailOptions } from '../../api/sectors';
import type { SectorDetail } from '../../api/sectors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatMeasure, formatPeriod } from '../../lib/format';
import { localized, pluralKey } from '../../lib/i18n';
import { sectorColor } from '../../lib/sectorColors';
import { usePageFilters } from '../../lib/routeSearch';
import { AppLink } from '../../components/AppLink';
import { patchSearch } from '../../lib/search';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { FirmList } from './FirmList';
import { FallbackNotice } from './FallbackNotice';
import { PeriodLinks } from './PeriodLinks';
import { ALL_FIGURES, hasFigure } from '../../domain/sectorFigures';
import { useFigureElsewhere, useNearestPeriodWithFigures } from './sectorNavigation';
import { TrendChart } from './TrendChart';
import './sectors.css';

const ILLUSTRATIVE = { kind: 'illustrative' } as const;
const OUTPUT = ['output'] as const;

function NoSuchSector({ id }: { id: string }) {
  const t = useT(sectorMessages);
  return (
    <div className="page">
      <h1>{t('detail.notFound')}</h1>
      <p>{t('detail.notFoundBody', { id: id.slice(0, 60) })}</p>
      <AppLink to="/sectors" params={{ sector: null }}>
        {t('detail.back')}
      </AppLink>
    </div>
  );
}

type Elsewhere = ReturnType<typeof useFigureElsewhere>;

function Figure({
  label,
  measure,
  signed = false,
  elsewhere,
}: {
  label: string;
  measure: Measure | null;
  signed?: boolean;
  /** The figure in the nearest period that has it, when this one does not. */
  elsewhere: ReturnType<Elsewhere>;
}) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  return (
    <div className="sector-figure">
      <dt>{label}</dt>
      <dd>
        {measure ? (
          <>
            <span className="sector-figure__value">{formatMeasure(measure, locale, { signed })}</span>{' '}
            <ProvenanceBadge provenance={measure.provenance} />
          </>
        ) : (
          <>
            <span className="sector-figure__missing">{t('notReported')}</span>
            {elsewhere && (
              <span className="sector-figure__elsewhere">
                {' · '}
                <Link to={{ search: `?${patchSearch(search, { period: elsewhere.period }).toString()}` }}>
                  {t('figure.elsewhere', {
                    period: formatPeriod(elsewhere.period, locale),
                    value: formatMeasure(elsewhere.measure, locale, { signed }),
                  })}
                </Link>
              </span>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

function Figures({ detail, label, deciding }: { detail: SectorDetail | undefined; label: string; deciding: boolean }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const { period } = usePageFilters();
  const s = detail?.sector;
  const missing = s ? s.output === null || s.growth === null || s.firms === null || s.share === null : false;
  const elsewhere = useFigureElsewhere(s?.id ?? 'electronics', period, missing && !deciding);
  if (!detail || !s || deciding) {
    // The four cards with their labels, each value a placeholder of the value's height: the
    // trend chart below stays where it is when the figures arrive (on a phone the cards stack).
    return (
      <dl className="sector-figures" aria-busy="true">
        {ALL_FIGURES.map((key) => (
          <div key={key} className="sector-figure">
            <dt>{t(`figure.${key}`)}</dt>
            <dd>
              <Skeleton width="6em" height="1.5rem" />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const any = hasFigure(s);
  return (
    <>
      <dl className="sector-figures">
        <Figure label={t('figure.output')} measure={s.output} elsewhere={s.output ? null : elsewhere('output')} />
        <Figure
          label={t('figure.growth')}
          measure={s.growth}
          signed
          elsewhere={s.growth ? null : elsewhere('growth')}
        />
        <Figure label={t('figure.firms')} measure={s.firms} elsewhere={s.firms ? null : elsewhere('firms')} />
        <Figure label={t('figure.share')} measure={s.share} elsewhere={s.share ? null : elsewhere('share')} />
      </dl>
      {!any && (
        <div className="sectors-nothing" role="status">
          <p>{t('detail.noFigures', { sector: label, period: formatPeriod(detail.period, locale) })}</p>
          <PeriodLinks sector={s.id} sectorLabel={label} />
        </div>
      )}
    </>
  );
}

function SectorDetail({ id }: { id: SectorId }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const { period } = usePageFilters();
  const meta = useQuery(metaOptions());
  const detail = useQuery(sectorDetailOptions(id, period));
  // A first view of a sector shows its chart: the nearest period with the sector's output.
  const nearest = useNearestPeriodWithFigures(
    id,
    period,
    detail.data ? hasFigure(detail.data.sector) : undefined,
    OUTPUT,
  );
  const info = detail.data?.sector ?? meta.data?.sectors.find((s) => s.id === id);
  const label = info ? localized(info.label, locale) : id;
  const periodText = formatPeriod(period, locale);

  return (
    <div className="page sector-detail">
      <nav aria-label={t('detail.breadcrumb')} className="sector-detail__crumbs">
        <AppLink to="/sectors" params={{ sector: null }}>
          {t('page.title')}
        </AppLink>
        <span aria-hidden="true" className="sector-detail__sep">
          {t('detail.crumbSep')}
        </span>
        <span aria-current="page">{label}</span>
      </nav>
      <h1 className="sector-detail__title">
        <span
          aria-hidden="true"
          className="sector-swatch sector-swatch--large"
          style={{ background: sectorColor(id, theme) }}
        />
        {label}
      </h1>
      {info && (
        <p className="sector-detail__group">
          {t('detail.groupLine', { group: t(`group.${info.group}`), period: periodText })}
        </p>
      )}

      <FallbackNotice from={nearest.from} shown={period} sector={label} reserve={nearest.reserve} />
      {detail.isError ? (
        <ErrorPanel
          what={t('what.sectors')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      ) : (
        <section aria-labelledby="sector-figures-title">
          <h2 id="sector-figures-title">{t('detail.figures')}</h2>
          <Figures detail={detail.data} label={label} deciding={nearest.deciding} />
        </section>
      )}

      <TrendChart
        sector={id}
        sectorLabel={label}
        period={period}
        series={detail.data?.series ?? null}
        loading={detail.isPending || nearest.deciding}
        error={detail.isError ? detail.error : undefined}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />

      {detail.data && (
        <div className="sector-detail__columns">
          <section aria-labelledby="sector-firms-title" className="sector-panel">
            <h2 id="sector-firms-title">{t('firms.title')}</h2>
            {detail.data.firms.length === 0 ? (
              <p>{t('firms.empty', { sector: label })}</p>
            ) : (
              <FirmList firms={detail.data.firms} />
            )}
          </section>
          <section aria-labelledby="sector-projects-title" className="sector-panel">
            <h2 id="sector-projects-title">{t('projects.title')}</h2>
            <p>
              {t(pluralKey(sectorMessages, locale, 'projects.count', detail.data.projectCount), {
                sector: label,
                n: formatCount(detail.data.projectCount, locale),
              })}{' '}
              <ProvenanceBadge provenance={ILLUSTRATIVE} />
            </p>
            <p className="sector-panel__note">{t('projects.countNote')}</p>
            <AppLink to="/projects" params={{ sector: id }} className="button">
              {t('projects.link', { sector: label })}
            </AppLink>
          </section>
        </div>
      )}
    </div>
  );
}

export default function SectorDetailPage() {
  const raw = useParams().sectorId ?? '';
  const id = SectorIdSchema.safeParse(raw);
  return id.success ? <SectorDetail key={id.data} id={id.data} /> : <NoSuchSector id={raw} />;
}
