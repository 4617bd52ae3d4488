import * as z from 'zod/mini';
import { DEFAULT_PERIOD } from '../../api/common';
import type { SectorId } from '../../api/common';
import { bySchema, param, readSearch } from '../../lib/search';
import type { IgnoredParam, ParamSpec, SearchContext, SearchSchema } from '../../lib/search';

/** Slide kinds the `slides` parameter may list; `sectors:each` expands to one slide per sector. */
export const SLIDE_IDS = ['kpis', 'sectors', 'attraction', 'pipeline', 'projects', 'sectors:each'] as const;
export type SlideId = (typeof SLIDE_IDS)[number];

export const DEFAULT_SLIDES: readonly SlideId[] = ['kpis', 'sectors', 'attraction', 'pipeline', 'projects'];
/** Seconds per slide, when the address does not say. */
export const DEFAULT_INTERVAL_S = 30;
/** Seconds per page of the one-screen layout's project list, when the address does not say. */
export const DEFAULT_PAGE_S = 10;
export const DEFAULT_REFRESH_S = 300;

/** `slides`: one topic at a time, rotating; `screen`: every topic on one screen (数据大屏). */
export const LAYOUTS = ['slides', 'screen'] as const;
export type Layout = (typeof LAYOUTS)[number];

const LayoutSchema = z.enum(LAYOUTS);
const SlideIdSchema = z.enum(SLIDE_IDS);
/** Seconds per slide, or per page of the screen's project list: 1 s (soak tests) to an hour. */
const IntervalSchema = z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(3600));
/** Seconds between data refreshes: 2 s (soak tests) to a day. */
const RefreshSchema = z.coerce.number().check(z.refine(Number.isInteger), z.gte(2), z.lte(86_400));

/** `slides=kpis,pipeline`: unknown names are reported one by one and dropped, repeats dropped. */
const slidesParam: ParamSpec<SlideId[]> = {
  read: (raw, _ctx, ignore) => {
    const slides: SlideId[] = [];
    for (const part of raw.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      const parsed = SlideIdSchema.safeParse(name);
      if (!parsed.success) ignore(name);
      else if (!slides.includes(parsed.data)) slides.push(parsed.data);
    }
    return slides.length > 0 ? slides : null;
  },
  fallback: () => [...DEFAULT_SLIDES],
  write: (slides) => slides.join(','),
};

/** The wall screen's own address parameters (besides the shared ones). */
export const presentationSearch = {
  layout: param<Layout>(bySchema(LayoutSchema), 'slides'),
  slides: slidesParam,
  // Absent by default: its default depends on the layout.
  interval: param(bySchema(IntervalSchema)),
  refresh: param(bySchema(RefreshSchema), DEFAULT_REFRESH_S),
} satisfies SearchSchema;

export interface PresentationParams {
  layout: Layout;
  slides: SlideId[];
  /** How long a slide shows, or a page of the screen layout's project list. */
  intervalMs: number;
  refreshMs: number;
  /** Values that were not usable and were replaced by defaults. */
  ignored: IgnoredParam[];
}

/** Nothing the wall screen's own parameters read depends on the API. */
const NO_CONTEXT: SearchContext = { periods: null, defaultPeriod: DEFAULT_PERIOD };

/**
 * Reads the presentation's own parameters. Bad values never throw: an unknown layout shows the
 * slides, unknown slide names are dropped, out-of-range or non-numeric times fall back to the
 * defaults, and all of them are reported as ignored.
 */
export function parsePresentationParams(search: URLSearchParams): PresentationParams {
  const { values, ignored } = readSearch(presentationSearch, search, NO_CONTEXT);
  const { layout, slides } = values;
  const interval = values.interval ?? (layout === 'screen' ? DEFAULT_PAGE_S : DEFAULT_INTERVAL_S);
  return { layout, slides, intervalMs: interval * 1000, refreshMs: values.refresh * 1000, ignored };
}

export type Slide =
  { kind: 'kpis' | 'sectors' | 'attraction' | 'pipeline' | 'projects' } | { kind: 'sector'; sector: SectorId };

/** The slides to show, in the order the address lists them. */
export function expandSlides(ids: readonly SlideId[], sectors: readonly SectorId[]): Slide[] {
  const out: Slide[] = [];
  for (const id of ids) {
    if (id === 'sectors:each') out.push(...sectors.map((sector) => ({ kind: 'sector' as const, sector })));
    else out.push({ kind: id });
  }
  return out;
}

export const slideKey = (slide: Slide) => (slide.kind === 'sector' ? `sector:${slide.sector}` : slide.kind);
