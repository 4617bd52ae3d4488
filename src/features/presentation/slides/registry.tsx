import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { PeriodId, SectorId } from '../../../api/common';
import { formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { Theme } from '../../../lib/search';
import type { WallData } from '../live';
import type { PresentationTranslate } from '../messages';
import { countedOf } from '../wallProjects';
import type { Slide } from '../params';
import { AttractionSlide } from './AttractionSlide';
import { KpiSlide } from './KpiSlide';
import { PipelineSlide } from './PipelineSlide';
import { ProjectsSlide } from './ProjectsSlide';
import { SectorSlide } from './SectorSlide';
import { SectorsSlide } from './SectorsSlide';
import { Waiting } from './Waiting';

/** What every slide may draw on: the screen's data, the chosen sector, and how the screen looks. */
export interface SlideView {
  data: WallData;
  sector: SectorId | null;
  theme: Theme;
  paused: boolean;
  /** How long each slide shows (a slide with pages turns them within it). */
  intervalMs: number;
  locale: Locale;
  t: PresentationTranslate;
}

export interface SlideEntry {
  /** The slide's heading, in the header and in the progress dots. */
  title: (slide: Slide, view: SlideView) => string;
  /** The period the slide's figures are for, named under its heading; null until its data has come. */
  period: (slide: Slide, view: SlideView) => PeriodId | null;
  /** The slide's content. */
  render: (slide: Slide, view: SlideView) => ReactNode;
}

/** The slide's fixed title from the catalog (slide.kpis, slide.sectors…). */
const named = (slide: Slide, { t }: SlideView) => t(`slide.${slide.kind}`);

/** The period the screen shows: the headline figures are asked for it. */
const screenPeriod = (_slide: Slide, { data }: SlideView) => data.kpis.data?.period ?? null;

/** "2023年1–7月累计", "截至报告发布（2023年8月26日）": the period under a slide's heading. */
export function periodLabel(slide: Slide, view: SlideView): string | null {
  const period = SLIDES[slide.kind].period(slide, view);
  return period === null ? null : formatPeriod(period, view.locale);
}

/**
 * A slide drawn from one query's answer; until the query has ever answered, the calm waiting
 * message (loading while the first request is out).
 */
function fromAnswer<D>(
  answerOf: (data: WallData, slide: Slide) => UseQueryResult<D> | undefined,
  draw: (answer: D, view: SlideView) => ReactNode,
): SlideEntry['render'] {
  return (slide, view) => {
    const query = answerOf(view.data, slide);
    if (query?.data !== undefined) return draw(query.data, view);
    return <Waiting loading={query === undefined || (query.isPending && !query.isError)} t={view.t} />;
  };
}

/** One entry per slide kind: adding a slide is adding its entry (and its kind in params.ts). */
export const SLIDES: Readonly<Record<Slide['kind'], SlideEntry>> = {
  kpis: {
    title: named,
    period: screenPeriod,
    render: fromAnswer(
      (data) => data.kpis,
      (list, { intervalMs, paused, locale, t }) => (
        <KpiSlide
          items={list.items}
          period={list.period}
          intervalMs={intervalMs}
          paused={paused}
          locale={locale}
          t={t}
        />
      ),
    ),
  },
  attraction: {
    title: named,
    period: screenPeriod,
    render: fromAnswer(
      (data) => data.kpis,
      (list, { locale, t }) => <AttractionSlide items={list.items} period={list.period} locale={locale} t={t} />,
    ),
  },
  sectors: {
    title: named,
    // The latest period with sector figures when the screen's own has none.
    period: (_slide, { data }) => data.sectors.data?.period ?? null,
    render: fromAnswer(
      (data) => data.sectors,
      (list, { data, sector, theme, locale, t }) => (
        <SectorsSlide
          items={list.items}
          period={list.period}
          highlight={sector}
          theme={theme}
          sectorColor={data.sectorColor}
          locale={locale}
          t={t}
        />
      ),
    ),
  },
  pipeline: {
    title: named,
    period: screenPeriod,
    render: fromAnswer(
      (data) => data.projects,
      (projects, { data, sector, locale, t }) => (
        <PipelineSlide
          stageTotals={projects.stageTotals}
          counted={countedOf(projects)}
          // The district's reported key-project figures; a sector's page has none of its own.
          keyProjects={sector === null ? (data.kpis.data?.items.find((k) => k.id === 'key-projects') ?? null) : null}
          locale={locale}
          t={t}
        />
      ),
    ),
  },
  projects: {
    title: named,
    period: screenPeriod,
    render: fromAnswer(
      (data) => data.projects,
      (projects, { data, intervalMs, paused, locale, t }) => (
        <ProjectsSlide
          projects={projects.named}
          // The period the screen shows (the headline figures are asked for it).
          period={data.kpis.data?.period ?? null}
          intervalMs={intervalMs}
          paused={paused}
          locale={locale}
          t={t}
        />
      ),
    ),
  },
  sector: {
    title: (slide, view) => {
      if (slide.kind !== 'sector') return named(slide, view);
      const label = view.data.sectorLabel(slide.sector);
      return view.t('slide.sector', { name: label ? localized(label, view.locale) : slide.sector });
    },
    period: (slide, { data }) =>
      slide.kind === 'sector' ? (data.sectorDetails.get(slide.sector)?.data?.period ?? null) : null,
    render: fromAnswer(
      (data, slide) => (slide.kind === 'sector' ? data.sectorDetails.get(slide.sector) : undefined),
      (detail, { data, theme, locale, t }) => (
        <SectorSlide
          detail={detail}
          projects={data.projects.data?.named.filter((p) => p.sector === detail.sector.id) ?? null}
          theme={theme}
          sectorColor={data.sectorColor}
          locale={locale}
          t={t}
        />
      ),
    ),
  },
};
