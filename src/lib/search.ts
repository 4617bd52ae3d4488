import { DEFAULT_PERIOD, PeriodIdSchema, SectorIdSchema } from '../api/common';
import type { PeriodId, SectorId } from '../api/common';
import type { Meta } from '../api/meta';
import { isLocale } from './i18n';
import type { Locale } from './i18n';

/**
 * The address model. Every route declares its query parameters as a search schema (the shared
 * ones below, plus its own); `readSearch` reads an address against it, the same way for every
 * route: the first usable value of a parameter wins, an empty value counts as absent, and every
 * value that cannot be used is reported as an `IgnoredParam` and replaced by the default.
 */

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

/** A value the address carried that could not be used, as the notice shows it. */
export interface IgnoredParam {
  param: string;
  value: string;
}

const MAX_SHOWN = 40;
/** An ignored value as it is shown: overlong ones cut to 40 characters and an ellipsis. */
export const shownValue = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

/** What reading depends on besides the address: the periods and sectors the API offers (null while unknown). */
export interface SearchContext {
  periods: readonly PeriodId[] | null;
  defaultPeriod: PeriodId;
  /** The sector catalog's ids (/meta's sectors); absent or null while unknown, when any sector id is read. */
  sectors?: readonly SectorId[] | null;
}

/** How one parameter is read: `read` gives null for a value it cannot use. */
export interface ParamSpec<V> {
  read: (raw: string, ctx: SearchContext, ignore: (value: string) => void) => V | null;
  fallback: (ctx: SearchContext) => V;
  /** How a value read is written back when the address is corrected (default: as it was given). */
  write?(value: V): string;
}

export type SearchSchema = Readonly<Record<string, ParamSpec<unknown>>>;
export type SearchValues<S extends SearchSchema> = { [K in keyof S]: S[K] extends ParamSpec<infer V> ? V : never };

export interface SearchResult<S extends SearchSchema> {
  values: SearchValues<S>;
  ignored: IgnoredParam[];
  /** The address's text of each value that was used: what a corrected address keeps. */
  used: Partial<Record<keyof S, string>>;
}

/** A parameter read by a predicate or a schema's safeParse, absent by default. */
export function param<V>(accept: (raw: string, ctx: SearchContext) => V | null): ParamSpec<V | null>;
export function param<V>(accept: (raw: string, ctx: SearchContext) => V | null, fallback: V): ParamSpec<V>;
export function param<V>(accept: (raw: string, ctx: SearchContext) => V | null, fallback: V | null = null) {
  return { read: (raw: string, ctx: SearchContext) => accept(raw, ctx), fallback: () => fallback };
}

/** `accept` for a zod schema. */
export const bySchema =
  <V>(schema: { safeParse: (v: unknown) => { success: true; data: V } | { success: false } }) =>
  (raw: string): V | null => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };

/** Reads `search` against `schema`. Never throws; parameters the schema does not name are left alone. */
export function readSearch<S extends SearchSchema>(
  schema: S,
  search: URLSearchParams,
  ctx: SearchContext,
): SearchResult<S> {
  const ignored: IgnoredParam[] = [];
  const values: Record<string, unknown> = {};
  const used: Record<string, string> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const report = (value: string) => ignored.push({ param: name, value: shownValue(value) });
    let value: unknown = null;
    for (const raw of search.getAll(name)) {
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const reported = ignored.length;
      const read = value === null ? spec.read(trimmed, ctx, report) : null;
      if (read === null) {
        // A list parameter may have reported its unusable items itself.
        if (ignored.length === reported) report(raw);
        continue;
      }
      value = read;
      used[name] = spec.write ? spec.write(read) : raw;
    }
    values[name] = value ?? spec.fallback(ctx);
  }
  return { values: values as SearchValues<S>, ignored, used: used as SearchResult<S>['used'] };
}

/** The parameters every route shares. */
export const sharedSearch = {
  period: {
    read: (raw: string, ctx: SearchContext): PeriodId | null => {
      const parsed = PeriodIdSchema.safeParse(raw);
      if (!parsed.success) return null;
      return ctx.periods === null || ctx.periods.includes(parsed.data) ? parsed.data : null;
    },
    fallback: (ctx: SearchContext) => ctx.defaultPeriod,
  },
  sector: param<SectorId>((raw, ctx) =>
    (ctx.sectors ? ctx.sectors.includes(raw) : SectorIdSchema.safeParse(raw).success) ? raw : null,
  ),
  lang: param<Locale>((v) => (isLocale(v) ? v : null)),
  theme: param<Theme>((v) => (isTheme(v) ? v : null)),
} satisfies SearchSchema;

export type SharedSearch = SearchValues<typeof sharedSearch>;

const prefsSearch = { lang: sharedSearch.lang, theme: sharedSearch.theme } satisfies SearchSchema;
const noContext: SearchContext = { periods: null, defaultPeriod: DEFAULT_PERIOD };

/** What an address is read against once /meta has answered: its periods, default period and sectors. */
export const searchContextOf = (meta: Pick<Meta, 'periods' | 'defaultPeriod' | 'sectors'>): SearchContext => ({
  periods: meta.periods.map((p) => p.id),
  defaultPeriod: meta.defaultPeriod,
  sectors: meta.sectors.map((s) => s.id),
});

/** The language and theme an address asks for (?lang=en, ?theme=dark), read as every parameter is: null where it asks for none it can use. */
export const readPrefs = (search: URLSearchParams) => readSearch(prefsSearch, search, noContext).values;
export const SHARED_PARAMS = Object.keys(sharedSearch) as (keyof typeof sharedSearch)[];

/** A copy of `search` with `patch` applied: null or '' removes a parameter. */
export function patchSearch(search: URLSearchParams, patch: Readonly<Record<string, string | null | undefined>>) {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * The address with every ignored value removed, keeping the value that was used where a
 * parameter was repeated or partly usable: what the address is corrected to.
 */
export function withoutIgnored<S extends SearchSchema>(search: URLSearchParams, result: SearchResult<S>) {
  const corrected = new Set(result.ignored.map((i) => i.param));
  const next = new URLSearchParams();
  for (const [name, raw] of search) {
    if (!corrected.has(name)) next.append(name, raw);
    else if (!next.has(name) && result.used[name] !== undefined) next.set(name, result.used[name]);
  }
  return next;
}

/** The query string (with its `?`, or '') of a search. */
export const toQuery = (search: URLSearchParams) => {
  const s = search.toString();
  return s ? `?${s}` : '';
};
