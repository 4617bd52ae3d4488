/**
 * The API's requests, read the same way by the data service (server/routes/) and by the mock API
 * (mocks/handlers/), which simulates it: the parameters each endpoint accepts, and each bad one
 * refused with a ServiceError whose kind and body are the server's (400 `bad_query`,
 * `bad_period`, `bad_sector`; 404 `not_found`).
 */
import * as z from 'zod/mini';
import { PeriodIdSchema, SectorIdSchema } from '../../src/api/common';
import type { PeriodId, SectorId } from '../../src/api/common';
import { MAX_PAGE_SIZE, ProjectFilterSchema } from '../../src/api/projects';
import type { ProjectFilter } from '../../src/api/projects';
import type { DatasetMeta } from '../../data/dataset';
import { ServiceError } from '../errors';

/** Query parameters each endpoint accepts; any other is refused so a typo is never silently ignored. */
export const ALLOWED_PARAMS = {
  meta: [],
  kpis: ['period', 'sector'],
  sectors: ['period'],
  sector: ['period'],
  projects: Object.keys(ProjectFilterSchema.shape),
  project: [],
  kpiHistory: [],
  versions: [],
  versionChanges: [],
} as const satisfies Record<string, readonly string[]>;
export type Endpoint = keyof typeof ALLOWED_PARAMS;

/** Values are shown back in messages; a hostile or huge one is cut so the message stays readable. */
const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

const badQuery = (code: string, message: string) => new ServiceError('invalid', message, { code });

/** Refuses a parameter the endpoint does not take. */
export function checkParams(endpoint: Endpoint, params: URLSearchParams): void {
  const allowed: readonly string[] = ALLOWED_PARAMS[endpoint];
  for (const key of params.keys()) {
    if (!allowed.includes(key)) throw badQuery('bad_query', `unknown parameter ${quote(key)}`);
  }
}

/** The period parameter: absent → the default; present but not a period of the data → 400. */
export function parsePeriod(meta: DatasetMeta, raw: string | null): PeriodId {
  if (raw === null || raw === '') return meta.defaultPeriod;
  const parsed = PeriodIdSchema.safeParse(raw);
  if (!parsed.success || !meta.periods.some((p) => p.id === parsed.data)) {
    throw badQuery('bad_period', `unknown period ${quote(raw)}`);
  }
  return parsed.data;
}

/** A sector id of the version's catalog (/meta's sectors), or null. */
const catalogSector = (meta: DatasetMeta, raw: string): SectorId | null =>
  SectorIdSchema.safeParse(raw).success ? (meta.sectors.find((s) => s.id === raw)?.id ?? null) : null;

const unknownSector = (meta: DatasetMeta, raw: string) =>
  `unknown sector ${quote(raw)}: the sectors are ${meta.sectors.map((s) => s.id).join(', ')} (/meta's sectors)`;

/** The sector parameter: absent → null (every sector); present but not a sector of the version's catalog → 400. */
export function parseSector(meta: DatasetMeta, raw: string | null): SectorId | null {
  if (raw === null || raw === '') return null;
  const id = catalogSector(meta, raw);
  if (id === null) throw badQuery('bad_sector', unknownSector(meta, raw));
  return id;
}

/** The project list's filter; its sector, when given, is one of the version's catalog. */
export function parseProjectFilter(params: URLSearchParams, meta: DatasetMeta): ProjectFilter {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (value === '') continue;
    raw[key] = key === 'page' || key === 'pageSize' ? Number(value) : value;
  }
  const parsed = z.strictObject(ProjectFilterSchema.shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'query';
    // A value outside a list (a stage, a provenance) is answered with the list.
    const detail =
      issue?.code === 'invalid_value'
        ? `${quote(String(raw[field]))} is not one of ${issue.values.join(', ')}`
        : `${issue?.message ?? 'invalid'} (page size ≤ ${MAX_PAGE_SIZE})`;
    throw badQuery('bad_query', `${field}: ${detail}`);
  }
  const { sector } = parsed.data;
  if (sector !== undefined && catalogSector(meta, sector) === null) {
    throw badQuery('bad_query', `sector: ${unknownSector(meta, sector)}`);
  }
  return parsed.data;
}

/** The 404 of a sector or project id that the version does not have. */
export const notFound = (what: 'sector' | 'project', id: string) =>
  new ServiceError('not_found', `no ${what} ${quote(id)}`);
