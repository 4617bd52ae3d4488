import type { QueryClient } from '@tanstack/react-query';
import { SIGNS_OUT } from '../api/access';
import { ApiError } from '../api/client';

const isSignedOut = (error: unknown) => error instanceof ApiError && error.isSignedOut;

/** The forgetting itself loads when a session ends, not with every page's first JS. */
const forgetFigures = (client: QueryClient) => void import('./forgetFigures').then((m) => m.forgetFigures(client));

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
