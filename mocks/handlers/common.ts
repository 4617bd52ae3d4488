import { HttpResponse } from 'msw';
import { Problem } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
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

/** Turns a shared answer (data/answers.ts) into an MSW response. */
export const respond = (answer: object | Problem) =>
  answer instanceof Problem
    ? HttpResponse.json<ProblemBody>(answer.body, { status: answer.status })
    : HttpResponse.json(answer as Record<string, unknown>);
