import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { SectorIdSchema } from '../../api/common';
import type { Measure, SectorId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import { sectorDetailOptions } from '../../api/sectors';
import type { SectorDetail } from '../../api/sectors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { MeasureText, TextWithFigures } from '../../components/FigureText';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatMeasure, formatPeriod } from '../../lib/format';
import { localized, pluralKey } from '../../lib/i18n';
import { useSectorColor } from '../../lib/sectorColors';
import { usePageFilters } from '../../lib/routeSearch';
import { AppLink } from '../../components/AppLink';
import { patchSearch } from '../../lib/search';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import { FirmList } from './FirmList';
import { FallbackNotice } from './FallbackNotice';
import { PeriodLinks } from './PeriodLinks';
import { ALL_FIGURES, hasFigure } from '../../domain/sectorFigures';
import type { FigureKey } from '../../domain/sectorFigures';
import {
  useFigureElsewhere,
  useNearestPeriodWithFigures,
  useSectorsWithFigures,
  useSectorTo,
} from './sectorNavigation';
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

const FIGURE_LABEL = {
  output: 'figure.output',
  growth: 'figure.growth',
  firms: 'figure.firms',
  share: 'figure.share',
} as const satisfies Record<FigureKey, string>;

/** A figure the sector has for the period, with its provenance. */
function Figure({ label, measure, signed = false }: { label: string; measure: Measure; signed?: boolean }) {
  return (
    <div className="sector-figure">
      <dt>{label}</dt>
      <dd>
        <MeasureText measure={measure} signed={signed} className="sector-figure__value" />{' '}
        <ProvenanceBadge provenance={measure.provenance} />
      </dd>
    </div>
  );
}

/**
 * The figures the period does not have for the sector, in one line, each with the same figure of
 * the period nearest it that has one (Jan–Jul has no firm count; the report's count "目前" is under
 * the period to its date).
 */
function MissingLine({ sector, missing }: { sector: SectorId; missing: readonly FigureKey[] }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const { period } = usePageFilters();
  const [search] = useSearchParams();
  const elsewhere = useFigureElsewhere(sector, period, missing.length > 0);
  if (missing.length === 0) return null;
  const found = missing.flatMap((key) => {
    const e = elsewhere(key);
    return e ? [{ key, ...e }] : [];
  });
  return (
    <p className="sector-missing">
      {t('detail.missing', { period: formatPeriod(period, locale) })}
      {missing.map((key) => t(FIGURE_LABEL[key])).join(t('list.sep'))}
      {t('missing.end')}
      {found.length > 0 && (
        <span className="sectors-missing__see">
          {t('missing.see')}
          {found.map(({ key, period: other, measure }, i) => (
            <Fragment key={key}>
              {i > 0 && t('missing.seeSep')}
              {t(FIGURE_LABEL[key])}{' '}
              <Link to={{ search: `?${patchSearch(search, { period: other }).toString()}` }}>
                <TextWithFigures
                  text={t('figure.elsewhere', {
                    period: formatPeriod(other, locale),
                    value: formatMeasure(measure, locale, { signed: key === 'growth' }),
                  })}
                />
              </Link>
            </Fragment>
          ))}
        </span>
      )}
    </p>
  );
}

/** A sector the source gives no figure for in any period: said once, with the sectors that have figures. */
function NothingAtAll({ label }: { label: string }) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const sectorTo = useSectorTo();
  const others = useSectorsWithFigures();
  return (
    <div className="sectors-nothing" role="status">
      <p>
        {t('detail.nothingAtAll', { sector: label })}
        {others && others.length > 0 && (
          <>
            {t('detail.sectorsWith')}
            {others.map((s, i) => (
              <Fragment key={s.id}>
                {i > 0 && t('list.sep')}
                <Link to={sectorTo(s.id)}>{localized(s.label, locale)}</Link>
              </Fragment>
            ))}
          </>
        )}
      </p>
    </div>
  );
}

function Figures({
  detail,
  label,
  deciding,
  anywhere,
}: {
  detail: SectorDetail | undefined;
  label: string;
  deciding: boolean;
  /** Whether the sector has a figure in any period; null while unknown. */
  anywhere: boolean | null;
}) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const s = detail?.sector;
  if (!detail || !s || deciding) {
    // The four cards with their labels, each value a placeholder of the value's height (on a
    // phone the cards stack).
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
  if (!hasFigure(s)) {
    if (anywhere === false) return <NothingAtAll label={label} />;
    return (
      <div className="sectors-nothing" role="status">
        <p>{t('detail.noFigures', { sector: label, period: formatPeriod(detail.period, locale) })}</p>
        <PeriodLinks sector={s.id} sectorLabel={label} />
      </div>
    );
  }
  const present = ALL_FIGURES.filter((key) => s[key] !== null);
  return (
    <>
      <dl className="sector-figures">
        {present.map((key) => {
          const measure = s[key];
          return measure ? (
            <Figure key={key} label={t(FIGURE_LABEL[key])} measure={measure} signed={key === 'growth'} />
          ) : null;
        })}
      </dl>
      <MissingLine sector={s.id} missing={ALL_FIGURES.filter((key) => s[key] === null)} />
    </>
  );
}

function SectorDetail({ id }: { id: SectorId }) {
  const sectorColor = useSectorColor();
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
  const withFigures = useSectorsWithFigures();
  const anywhere = withFigures ? withFigures.some((s) => s.id === id) : null;
  const firms = detail.data?.firms ?? [];
  const projectCount = detail.data?.projectCount ?? 0;
  // A sector the source says nothing about has no panels to say so again: its one line is enough.
  const showFirms = firms.length > 0 || anywhere === true;
  const showProjects = projectCount > 0 || anywhere === true;

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
          <Figures detail={detail.data} label={label} deciding={nearest.deciding} anywhere={anywhere} />
        </section>
      )}

      {!nearest.deciding && (
        <TrendChart sector={id} sectorLabel={label} period={period} series={detail.data?.series ?? null} />
      )}

      {detail.data && (showFirms || showProjects) && (
        <div className="sector-detail__columns">
          {showFirms && (
            <section aria-labelledby="sector-firms-title" className="sector-panel">
              <h2 id="sector-firms-title">{t('firms.title')}</h2>
              {firms.length === 0 ? <p>{t('firms.empty', { sector: label })}</p> : <FirmList firms={firms} />}
            </section>
          )}
          {showProjects && (
            <section aria-labelledby="sector-projects-title" className="sector-panel">
              <h2 id="sector-projects-title">{t('projects.title')}</h2>
              {projectCount === 0 ? (
                <p>{t('projects.none', { sector: label })}</p>
              ) : (
                <>
                  {/* The sample's project list is partly made up; the report's lists only the projects it names. */}
                  {meta.data?.sample ? (
                    <>
                      <p>
                        {t(pluralKey(sectorMessages, locale, 'projects.count', projectCount), {
                          sector: label,
                          n: formatCount(projectCount, locale),
                        })}{' '}
                        <ProvenanceBadge provenance={ILLUSTRATIVE} />
                      </p>
                      <p className="sector-panel__note">{t('projects.countNote')}</p>
                    </>
                  ) : (
                    <p>{t('projects.named', { sector: label, n: formatCount(projectCount, locale) })}</p>
                  )}
                  <AppLink to="/projects" params={{ sector: id }} className="button">
                    {t('projects.link', { sector: label })}
                  </AppLink>
                </>
              )}
            </section>
          )}
        </div>
      )}
    </div>
  );
}

export default function SectorDetailPage() {
  const raw = useParams().sectorId ?? '';
  const id = SectorIdSchema.safeParse(raw);
  // The sectors are the catalog's (/meta): a sector it does not have has no page.
  const known = useQuery({ ...metaOptions(), select: (m) => m.sectors.some((s) => s.id === raw) }).data;
  return id.success && known !== false ? <SectorDetail key={id.data} id={id.data} /> : <NoSuchSector id={raw} />;
}
