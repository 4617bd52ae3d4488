import type { Query, QueryClient } from '@tanstack/react-query';
import { adminKeys } from '../api/admin';
import { eraseWallData } from '../features/presentation/wallSaved';

/**
 * Forgets every answer the browser holds: the wall screen's saved copy, and the query cache.
 * Queries no page shows are dropped. Those on screen lose their answer (an error they had stays)
 * and ask again, so a signed-out reader is refused and the page says to sign in. Not a reset: a
 * reset brings back the `initialData` a query started with, and that may be a figure too.
 * Queries without an answer are left alone, so the refusals this brings do not start it over.
 */
export function forgetFigures(client: QueryClient): void {
  eraseWallData();
  const cache = client.getQueryCache();
  const onScreen = new Set<Query>();
  // Figures only: the admin area's own answers (the session, "signed out") are not figures, and
  // resetting them would clear a sign-in form the reader is filling in.
  const isFigure = (q: Query) => q.state.data !== undefined && q.queryKey[0] !== adminKeys.all[0];
  for (const query of cache.findAll({ predicate: isFigure })) {
    if (!query.isActive()) {
      cache.remove(query);
      continue;
    }
    query.setState({
      data: undefined,
      dataUpdatedAt: 0,
      dataUpdateCount: 0,
      status: query.state.error === null ? 'pending' : 'error',
      isInvalidated: true,
    });
    onScreen.add(query);
  }
  if (onScreen.size > 0) void client.refetchQueries({ type: 'active', predicate: (q) => onScreen.has(q) });
}
