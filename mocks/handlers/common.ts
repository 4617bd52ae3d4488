import { HttpResponse } from 'msw';
import { PeriodIdSchema, SectorIdSchema } from '../../src/api/common';
import type { PeriodId, SectorId } from '../../src/api/common';
import { meta } from '../fixtures/report';

/** Handlers match any origin so the same set serves the browser worker, tests and the HTTP mock server. */
export const API = '*/api/v1';

export interface ProblemBody {
  error: string;
  message: string;
}

export const problem = (status: number, error: string, message: string) =>
  HttpResponse.json<ProblemBody>({ error, message }, { status });

/** The period query parameter: absent → the default; present but unknown → a 400, as a real server would. */
export function readPeriod(url: URL): PeriodId | Response {
  const raw = url.searchParams.get('period');
  if (raw === null || raw === '') return meta.defaultPeriod;
  const parsed = PeriodIdSchema.safeParse(raw);
  if (!parsed.success || !meta.periods.some((p) => p.id === parsed.data)) {
    return problem(400, 'bad_period', `unknown period "${raw}"`);
  }
  return parsed.data;
}

export function readSector(raw: string | null): SectorId | null | Response {
  if (raw === null || raw === '') return null;
  const parsed = SectorIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : problem(400, 'bad_sector', `unknown sector "${raw}"`);
}
