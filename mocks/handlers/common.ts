import { HttpResponse } from 'msw';
import { reportDataset } from '../../data/dataset';
import { ServiceError } from '../../server/errors';
import { DATA_VERSION_HEADER } from '../../src/api/client';
import type { DataVersion } from '../../src/api/meta';

/** Handlers match any origin so the same set serves the browser worker, tests and the HTTP mock server. */
export const API = '*/api/v1';

/** The mock serves the report as data version 1, published on the report's date. */
export const MOCK_VERSION: DataVersion = { id: 1, publishedAt: `${reportDataset.meta.asOf}T00:00:00.000Z` };

export interface ProblemBody {
  error: string;
  message: string;
}

export const problem = (status: number, error: string, message: string) =>
  HttpResponse.json<ProblemBody>({ error, message }, { status });

/**
 * Answers with the server's own answer logic (server/answers/): its result as JSON, saying which
 * data version it is from as the server does, or the ServiceError it throws with the status and
 * body the server's onError gives it.
 */
export function respond(answer: () => object, version: DataVersion = MOCK_VERSION) {
  try {
    return HttpResponse.json(answer() as Record<string, unknown>, {
      headers: { [DATA_VERSION_HEADER]: String(version.id) },
    });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return HttpResponse.json<ProblemBody>(error.body, { status: error.status });
  }
}
