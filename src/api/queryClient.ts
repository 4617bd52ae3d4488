import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

export type ErrorReporter = (error: unknown, queryKey: readonly unknown[]) => void;

const REPORT_INTERVAL_MS = 60_000;
const lastReported = new Map<string, number>();

/**
 * Reports failed queries, at most once a minute per query (a wall screen refetching through a
 * long outage would otherwise log the same failure every few seconds, for days). Kept out of
 * the console's error channel on purpose.
 */
export const reportToConsole: ErrorReporter = (error, queryKey) => {
  const key = JSON.stringify(queryKey);
  const now = Date.now();
  if (now - (lastReported.get(key) ?? Number.NEGATIVE_INFINITY) < REPORT_INTERVAL_MS) return;
  lastReported.set(key, now);
  if (error instanceof ApiError) console.warn(`[data] ${error.kind} error for ${key}: ${error.message}`);
  else console.warn(`[data] error for ${key}`, error);
};

export const MAX_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && !error.isRetryable) return false;
  return failureCount < MAX_RETRIES;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== undefined) return Math.min(error.retryAfter, 60) * 1000;
  return Math.min(1000 * 2 ** attempt, 15_000);
}

export function createQueryClient({
  report = reportToConsole,
  retry = true,
}: { report?: ErrorReporter; retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => report(error, query.queryKey),
    }),
    defaultOptions: {
      queries: {
        retry: retry ? shouldRetry : false,
        retryDelay,
        staleTime: 5 * 60 * 1000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
