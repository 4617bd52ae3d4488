import type { QueryClient } from '@tanstack/react-query';
import { metaOptions } from '../../api/meta';
import { projectDetailOptions, projectListOptions } from '../../api/projects';
import { searchContextOf } from '../../lib/search';
import { parseTrackerSearch } from './params';

/**
 * A project's page's first data, all that the page asks for: the project, and the list it was
 * reached from (its filters are in the address, read against /meta as the page reads them) with,
 * where the project is first or last on its page, the page before or after it (Neighbours).
 */
export function loadProjectDetail(client: QueryClient, url: URL): Promise<unknown> {
  const id = decodeURIComponent(url.pathname.replace(/^\/projects\//, '').replace(/\/$/, ''));
  const neighbours = client.query(metaOptions()).then(async (meta) => {
    const ctx = searchContextOf(meta);
    const { filter } = parseTrackerSearch(url.searchParams, ctx);
    const { page, pageSize } = filter;
    const list = await client.query(projectListOptions(filter));
    const index = list.items.findIndex((p) => p.id === id);
    const wanted = [
      ...(index === 0 && page > 1 ? [page - 1] : []),
      ...(index >= 0 && index === list.items.length - 1 && page * pageSize < list.total ? [page + 1] : []),
    ];
    return Promise.all(wanted.map((p) => client.query(projectListOptions({ ...filter, page: p }))));
  });
  return Promise.all([client.query(projectDetailOptions(id)), neighbours]);
}
