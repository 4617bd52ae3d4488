import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { matchPath, useLocation, useSearchParams } from 'react-router';
import { DEFAULT_PERIOD, SectorIdSchema } from '../api/common';
import { metaOptions } from '../api/meta';
import { GLOBAL_PARAMS, parseGlobalSearch } from '../lib/searchParams';
import { useFilters } from '../stores/filters';
import { usePrefs } from '../stores/prefs';

/** The sector a sector page's path names (/sectors/automotive): the page's sector, whatever the parameter says. */
function pathSector(pathname: string) {
  const parsed = SectorIdSchema.safeParse(matchPath('/sectors/:sectorId', pathname)?.params.sectorId);
  return parsed.success ? parsed.data : null;
}

/**
 * Mirrors the address into the stores: period and sector into the filters (a sector page's
 * sector from its path, which the address then need not repeat as a parameter), lang and theme
 * into the remembered preferences. Invalid values are dropped from the address (replacing the
 * history entry, so back still works) and listed for the notice.
 */
export function UrlStateSync() {
  const [search, setSearch] = useSearchParams();
  const { pathname } = useLocation();
  const noticePath = useRef(pathname);
  const { data: meta } = useQuery(metaOptions());
  const periodsKey = meta?.periods.map((p) => p.id).join(',') ?? null;
  const defaultPeriod = meta?.defaultPeriod ?? DEFAULT_PERIOD;

  useEffect(() => {
    const parsed = parseGlobalSearch(search, {
      periods: periodsKey === null ? null : periodsKey.split(','),
      defaultPeriod,
    });
    // Notices collect everything ignored on this page (a page may correct the address in
    // several steps); moving to another page starts afresh.
    const samePage = noticePath.current === pathname;
    noticePath.current = pathname;
    useFilters.setState((s) => {
      const kept = samePage ? s.ignored : [];
      const fresh = parsed.ignored.filter((i) => !kept.some((k) => k.param === i.param && k.value === i.value));
      return { period: parsed.period, sector: pathSector(pathname) ?? parsed.sector, ignored: [...kept, ...fresh] };
    });
    if (parsed.lang) usePrefs.setState({ locale: parsed.lang });
    if (parsed.theme) usePrefs.setState({ theme: parsed.theme });
    if (parsed.ignored.length === 0) return;
    const accepted: Record<(typeof GLOBAL_PARAMS)[number], string | null> = {
      period: search.getAll('period').includes(parsed.period) ? parsed.period : null,
      sector: parsed.sector,
      lang: parsed.lang,
      theme: parsed.theme,
    };
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const { param } of parsed.ignored) {
          const key = param as (typeof GLOBAL_PARAMS)[number];
          next.delete(key);
          const keep = accepted[key];
          if (keep) next.set(key, keep);
        }
        return next;
      },
      { replace: true },
    );
  }, [search, setSearch, periodsKey, defaultPeriod, pathname]);

  return null;
}
