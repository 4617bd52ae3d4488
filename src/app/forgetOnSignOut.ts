import type { Query, QueryClient } from '@tanstack/react-query';
import { SIGNS_OUT } from '../api/access';
import { ApiError } from '../api/client';
import { eraseWallData } from '../features/presentation/wallSaved';

const isSignedOut = (error: unknown) => error instanceof ApiError && error.isSignedOut;

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
  for (const query of cache.findAll({ predicate: (q) => q.state.data !== undefined })) {
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

/**
 * What a signed-in reader saw does not outlive the session: on a sign-out, and on any answer
 * refusing a reader who is not signed in (401), the figures are forgotten. Returns the
 * unsubscribe function.
 */
export function forgetOnSignOut(client: QueryClient): () => void {
  const stopQueries = client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isSignedOut(event.action.error)) {
      forgetFigures(client);
    }
  });
  const stopMutations = client.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action, mutation } = event;
    const signedOut =
      (action.type === 'error' && isSignedOut(action.error)) ||
      (action.type === 'success' && mutation.meta?.signsOut === SIGNS_OUT.signsOut);
    if (signedOut) forgetFigures(client);
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}
