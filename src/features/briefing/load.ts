import type { QueryClient } from '@tanstack/react-query';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import { reportedProjectsOptions } from '../../api/projects';
import { sectorListOptions } from '../../api/sectors';
import { readSearch, searchContextOf, sharedSearch } from '../../lib/search';

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
      client.query(reportedProjectsOptions()),
    ]);
  });
}
