import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SectorId } from '../../../api/common';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { Theme } from '../../../lib/search';
import type { WallData } from '../live';
import type { PresentationTranslate } from '../messages';
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
  reducedMotion: boolean;
  paused: boolean;
  locale: Locale;
  t: PresentationTranslate;
}

export interface SlideEntry {
  /** The slide's heading, in the header and in the progress dots. */
  title: (slide: Slide, view: SlideView) => string;
  /** The slide's content. */
  render: (slide: Slide, view: SlideView) => ReactNode;
}

/** The slide's fixed title from the catalog (slide.kpis, slide.sectors…). */
const named = (slide: Slide, { t }: SlideView) => t(`slide.${slide.kind}`);

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
    render: fromAnswer(
      (data) => data.kpis,
      (list, { locale, t }) => <KpiSlide items={list.items} period={list.period} locale={locale} t={t} />,
    ),
  },
  attraction: {
    title: named,
    render: fromAnswer(
      (data) => data.kpis,
      (list, { locale, t }) => <AttractionSlide items={list.items} period={list.period} locale={locale} t={t} />,
    ),
  },
  sectors: {
    title: named,
    render: fromAnswer(
      (data) => data.sectors,
      (list, { sector, theme, locale, t }) => (
        <SectorsSlide items={list.items} period={list.period} highlight={sector} theme={theme} locale={locale} t={t} />
      ),
    ),
  },
  pipeline: {
    title: named,
    render: fromAnswer(
      (data) => data.projects,
      (page, { data, sector, locale, t }) => (
        <PipelineSlide
          stageTotals={page.stageTotals}
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
    render: fromAnswer(
      (data) => data.projects,
      (page, { data, reducedMotion, paused, locale, t }) => (
        <ProjectsSlide
          projects={page.items}
          // The period the screen shows (the headline figures are asked for it).
          period={data.kpis.data?.period ?? null}
          reducedMotion={reducedMotion}
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
    render: fromAnswer(
      (data, slide) => (slide.kind === 'sector' ? data.sectorDetails.get(slide.sector) : undefined),
      (detail, { theme, locale, t }) => (
        <SectorSlide detail={detail} period={detail.period} theme={theme} locale={locale} t={t} />
      ),
    ),
  },
};
