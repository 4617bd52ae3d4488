import * as z from 'zod/mini';
import type { SectorId } from '../../api/common';

/** Slide kinds the `slides` parameter may list; `sectors:each` expands to one slide per sector. */
export const SLIDE_IDS = ['kpis', 'sectors', 'attraction', 'pipeline', 'projects', 'sectors:each'] as const;
export type SlideId = (typeof SLIDE_IDS)[number];

export const DEFAULT_SLIDES: readonly SlideId[] = ['kpis', 'sectors', 'attraction', 'pipeline', 'projects'];
export const DEFAULT_INTERVAL_S = 30;
export const DEFAULT_REFRESH_S = 300;

const SlideIdSchema = z.enum(SLIDE_IDS);
/** Seconds per slide: 1 s (soak tests) to an hour. */
const IntervalSchema = z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(3600));
/** Seconds between data refreshes: 2 s (soak tests) to a day. */
const RefreshSchema = z.coerce.number().check(z.refine(Number.isInteger), z.gte(2), z.lte(86_400));

export interface PresentationParams {
  slides: SlideId[];
  intervalMs: number;
  refreshMs: number;
  /** `param=value` pairs that were not usable and were replaced by defaults. */
  ignored: string[];
}

const MAX_SHOWN = 30;
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

function readNumber(
  search: URLSearchParams,
  param: string,
  schema: z.ZodMiniType<number>,
  fallback: number,
  ignored: string[],
) {
  const raw = search.get(param);
  if (raw === null || raw.trim() === '') return fallback;
  const parsed = schema.safeParse(raw.trim());
  if (parsed.success) return parsed.data;
  ignored.push(`${param}=${shorten(raw)}`);
  return fallback;
}

/**
 * Reads the presentation's own parameters. Bad values never throw: unknown slide names are
 * dropped, out-of-range or non-numeric times fall back to the defaults, and all of them are
 * listed in `ignored` for a small note on screen.
 */
export function parsePresentationParams(search: URLSearchParams): PresentationParams {
  const ignored: string[] = [];
  const slides: SlideId[] = [];
  const rawSlides = search.get('slides');
  if (rawSlides !== null && rawSlides.trim() !== '') {
    for (const part of rawSlides.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      const parsed = SlideIdSchema.safeParse(name);
      if (!parsed.success) ignored.push(`slides=${shorten(name)}`);
      else if (!slides.includes(parsed.data)) slides.push(parsed.data);
    }
  }
  return {
    slides: slides.length > 0 ? slides : [...DEFAULT_SLIDES],
    intervalMs: readNumber(search, 'interval', IntervalSchema, DEFAULT_INTERVAL_S, ignored) * 1000,
    refreshMs: readNumber(search, 'refresh', RefreshSchema, DEFAULT_REFRESH_S, ignored) * 1000,
    ignored,
  };
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
