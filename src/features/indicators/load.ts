import type { QueryClient } from '@tanstack/react-query';
import { kpiHistoryOptions } from '../../api/history';

/** The indicator page's first data: the history of the indicator in the address (/indicators/:id). */
export const loadIndicator = (client: QueryClient, url: URL): Promise<unknown> =>
  client.query(kpiHistoryOptions(decodeURIComponent(url.pathname.split('/')[2] ?? '')));
