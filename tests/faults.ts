/**
 * The faults a backend or network can produce, per endpoint, shared by the fault matrix's
 * layers: what `apiGet` makes of each (tests/api-faults.test.ts), what the user reads for each
 * kind of error (tests/error-panel.test.tsx) and what each route shows (tests/fault-matrix.test.tsx).
 */
import { delay, getResponse, http } from 'msw';
import type { RequestHandler } from 'msw';
import { afterAll } from 'vitest';
import type * as z from 'zod/mini';
import { KpiListSchema } from '../src/api/kpis';
import { MetaSchema } from '../src/api/meta';
import { ProjectDetailSchema, ProjectPageSchema } from '../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../src/api/sectors';
import { handlers } from '../mocks/handlers';
import { ENDPOINTS, failWith, invalidJson, malformed, networkError } from '../mocks/scenarios';
import type { Endpoint } from '../mocks/scenarios';

export type Json = Record<string, unknown>;
type Mutator = (body: Json) => Json | null;

/** Applies `fn` to the first value (depth-first) for which `match` holds; null when none does. */
function mutateFirst(
  body: Json,
  match: (key: string, value: unknown, parent: Json) => boolean,
  fn: (parent: Json, key: string) => void,
): Json | null {
  const copy = structuredClone(body);
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (node === null || typeof node !== 'object') return false;
    const obj = node as Json;
    for (const [key, value] of Object.entries(obj)) {
      if (match(key, value, obj)) {
        fn(obj, key);
        return true;
      }
      if (visit(value)) return true;
    }
    return false;
  };
  return visit(copy) ? copy : null;
}

const firstNumber =
  (replacement: unknown): Mutator =>
  (b) =>
    mutateFirst(
      b,
      (k, v) => k === 'value' && typeof v === 'number',
      (p, k) => (p[k] = replacement),
    );
const COUNT_UNITS = ['firms', 'entities', 'projects', 'cases'];

/** Identifiers and codes: a long string there is a different fault (an unknown id), not a long text. */
const CODE_KEYS = [
  'period',
  'id',
  'sector',
  'unit',
  'kind',
  'stage',
  'level',
  'type',
  'group',
  'source',
  'asOf',
  'defaultPeriod',
];

/** Payloads that break the contract (or, for empty arrays, stretch it); null: the fault does not apply. */
export const PAYLOAD_FAULTS = {
  'missing field': (b) => {
    const copy = structuredClone(b);
    const key = Object.keys(copy).find((k) => !['period', 'sector', 'page', 'pageSize'].includes(k));
    if (!key) return null;
    Reflect.deleteProperty(copy, key);
    return copy;
  },
  'wrong type': firstNumber('12'),
  '"NaN" string': firstNumber('NaN'),
  '"Infinity" string': firstNumber('Infinity'),
  'negative count': (b) =>
    mutateFirst(
      b,
      (k, v, p) =>
        (k === 'value' && typeof v === 'number' && COUNT_UNITS.includes(String(p.unit))) ||
        ((k === 'total' || k === 'projectCount') && typeof v === 'number'),
      (p, k) => (p[k] = -5),
    ),
  '1e308': firstNumber(1e308),
  'empty arrays': (b) => {
    const copy = structuredClone(b);
    let changed = false as boolean;
    const visit = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Json)) {
        if (Array.isArray(value)) {
          (node as Json)[key] = [];
          changed = true;
        } else visit(value);
      }
    };
    visit(copy);
    return changed ? copy : null;
  },
  '10,000-character string': (b) =>
    mutateFirst(
      b,
      (k, v) => typeof v === 'string' && !CODE_KEYS.includes(k),
      (p, k) => (p[k] = '长'.repeat(10_000)),
    ),
} satisfies Record<string, Mutator>;
export type PayloadFault = keyof typeof PAYLOAD_FAULTS;

/** Faults of the transport: HTTP errors, no answer, no connection, a body that is not JSON. */
export const TRANSPORT_FAULTS = {
  'HTTP 500': (e) => failWith(e, 500),
  'HTTP 503 with Retry-After': (e) => failWith(e, 503, { 'Retry-After': '30' }),
  'HTTP 404': (e) => failWith(e, 404),
  'HTTP 401': (e) => failWith(e, 401),
  'HTTP 403': (e) => failWith(e, 403),
  timeout: (e) =>
    http.get(ENDPOINTS[e], async () => {
      await delay('infinite');
    }),
  'network error': networkError,
  'invalid JSON': invalidJson,
} satisfies Record<string, (e: Endpoint) => RequestHandler>;
export type TransportFault = keyof typeof TRANSPORT_FAULTS;

export const payloadFault = (endpoint: Endpoint, fault: PayloadFault) =>
  malformed(endpoint, (body) => PAYLOAD_FAULTS[fault](body) ?? body);

/** How the app asks each endpoint, for one route of each (the sector and project of the matrix's routes). */
export const REQUESTS: Record<Endpoint, { path: string; schema: z.ZodMiniType; params?: Record<string, string> }> = {
  meta: { path: '/meta', schema: MetaSchema },
  kpis: { path: '/kpis', schema: KpiListSchema, params: { period: '2023H1' } },
  sectors: { path: '/sectors', schema: SectorListSchema, params: { period: '2023M07' } },
  sector: { path: '/sectors/automotive', schema: SectorDetailSchema, params: { period: '2023M07' } },
  // The project the report gives a total investment for: its answers have a number to break.
  projects: { path: '/projects', schema: ProjectPageSchema, params: { q: '薄膜铂' } },
  project: { path: '/projects/thin-film-platinum-chip-expansion', schema: ProjectDetailSchema },
};

/** The healthy answer of an endpoint, as the mock API gives it. */
export async function sampleBody(endpoint: Endpoint): Promise<Json> {
  const { path, params = {} } = REQUESTS[endpoint];
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = await getResponse(handlers, new Request(url));
  if (response?.status !== 200) throw new Error(`no sample body for ${endpoint}: HTTP ${response?.status ?? '—'}`);
  return (await response.json()) as Json;
}

/**
 * Counts a layer's cases and prints "fault matrix: N cases, N passed (layer)" when its file ends;
 * a test counts as passed only once it reaches `pass()`, after its last assertion.
 */
export function faultTally(layer: string) {
  let cases = 0;
  let passed = 0;
  afterAll(() => console.info(`fault matrix: ${cases} cases, ${passed} passed (${layer})`));
  return {
    /** Registers `n` cases; returns `n`'s table unchanged, for `it.each(tally.add(rows))`. */
    add: <T>(rows: readonly T[]): readonly T[] => {
      cases += rows.length;
      return rows;
    },
    pass: () => {
      passed += 1;
    },
  };
}
