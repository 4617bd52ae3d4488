import type { QueryClient } from '@tanstack/react-query';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import { allProjectsOptions } from '../../api/projects';
import { sectorListOptions } from '../../api/sectors';
import { readSearch, searchContextOf, sharedSearch } from '../../lib/search';

/**
 * The projects the briefing names: those the report names. The API picks them, so the page (and
 * a page rendered on the server, which carries its queries) holds none of an office's longer list.
 */
export const namedProjectsOptions = () => allProjectsOptions({ provenance: 'reported' });

/**
 * The briefing's first data, all that its page asks for: the figures, the sectors and the
 * projects of the period the address names, read as the page reads it (against /meta's periods).
 */
export function loadBriefing(client: QueryClient, url: URL): Promise<unknown> {
  return client.query(metaOptions()).then((meta) => {
    const ctx = searchContextOf(meta);
    const { period } = readSearch(sharedSearch, url.searchParams, ctx).values;
    return Promise.all([
      client.query(kpiListOptions({ period, sector: null })),
      client.query(sectorListOptions(period)),
      client.query(namedProjectsOptions()),
    ]);
  });
}
