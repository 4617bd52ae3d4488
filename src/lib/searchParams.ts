import { PeriodIdSchema, SectorIdSchema } from '../api/common';
import type { PeriodId, SectorId } from '../api/common';
import { isLocale } from './i18n';
import type { Locale } from './i18n';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

/** The query parameters every route shares. */
export const GLOBAL_PARAMS = ['period', 'sector', 'lang', 'theme'] as const;
export type GlobalParam = (typeof GLOBAL_PARAMS)[number];

export interface IgnoredParam {
  param: string;
  value: string;
}

export interface GlobalSearch {
  period: PeriodId;
  sector: SectorId | null;
  lang: Locale | null;
  theme: Theme | null;
  /** Values that were not valid and were replaced by defaults; the UI says so. */
  ignored: IgnoredParam[];
}

export interface GlobalSearchContext {
  /** Periods the API offers; null while unknown (then only the grammar is checked). */
  periods: readonly PeriodId[] | null;
  defaultPeriod: PeriodId;
}

const MAX_SHOWN = 40;
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

/**
 * Reads the shared parameters. Anything unusable — unknown, malformed, overlong, or a
 * repeat of a parameter already read — is reported in `ignored` and replaced by the default.
 */
export function parseGlobalSearch(search: URLSearchParams, ctx: GlobalSearchContext): GlobalSearch {
  const ignored: IgnoredParam[] = [];
  const read = <T>(param: GlobalParam, accept: (v: string) => T | null): T | null => {
    const values = search.getAll(param);
    let result: T | null = null;
    for (const value of values) {
      const ok: T | null = result === null && value !== '' ? accept(value) : null;
      if (ok !== null) result = ok;
      else if (value !== '') ignored.push({ param, value: shorten(value) });
    }
    return result;
  };
  const period = read('period', (v) => {
    const parsed = PeriodIdSchema.safeParse(v);
    if (!parsed.success) return null;
    return ctx.periods === null || ctx.periods.includes(parsed.data) ? parsed.data : null;
  });
  const sector = read('sector', (v) => {
    const parsed = SectorIdSchema.safeParse(v);
    return parsed.success ? parsed.data : null;
  });
  const lang = read('lang', (v) => (isLocale(v) ? v : null));
  const theme = read('theme', (v) => (isTheme(v) ? v : null));
  return { period: period ?? ctx.defaultPeriod, sector, lang, theme, ignored };
}

/** A copy of `search` with `patch` applied: null or '' removes a parameter. */
export function patchSearch(search: URLSearchParams, patch: Readonly<Record<string, string | null | undefined>>) {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}
