/**
 * The fault matrix where its logic lives: what `apiGet` makes of every fault a backend or network
 * can produce, for every endpoint and its contract schema. What the user reads for each kind of
 * error is tests/error-panel.test.tsx; what each route shows is tests/fault-matrix.test.tsx.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, DEFAULT_TIMEOUT_MS } from '../src/api/client';
import { server } from '../mocks/node';
import { slow } from '../mocks/scenarios';
import type { Endpoint } from '../mocks/scenarios';
import { faultTally, PAYLOAD_FAULTS, payloadFault, REQUESTS, sampleBody, TRANSPORT_FAULTS } from './faults';
import type { PayloadFault, TransportFault } from './faults';

const ENDPOINTS = Object.keys(REQUESTS) as Endpoint[];
const tally = faultTally('apiGet: every endpoint × fault');

const get = (endpoint: Endpoint) => {
  const { path, schema, params } = REQUESTS[endpoint];
  return apiGet(path, schema, { params });
};

/** The request's outcome, observable before it settles. */
function track(promise: Promise<unknown>) {
  const state = { settled: false, value: undefined as unknown, error: undefined as unknown };
  const done = promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return { state, done };
}

afterEach(() => {
  vi.useRealTimers();
});

/** What each transport fault becomes, whatever the endpoint (`{path}`: the endpoint's path). */
const TRANSPORT_OUTCOMES: Record<TransportFault, { error: Partial<ApiError>; message: string }> = {
  'HTTP 500': {
    error: { kind: 'http', status: 500, retryAfter: undefined, isRetryable: true },
    message: '{path} answered HTTP 500',
  },
  'HTTP 503 with Retry-After': {
    error: { kind: 'http', status: 503, retryAfter: 30, isRetryable: true },
    message: '{path} answered HTTP 503',
  },
  'HTTP 404': { error: { kind: 'http', status: 404, isRetryable: false }, message: '{path} answered HTTP 404' },
  'HTTP 401': { error: { kind: 'http', status: 401, isRetryable: false }, message: '{path} answered HTTP 401' },
  'HTTP 403': { error: { kind: 'http', status: 403, isRetryable: false }, message: '{path} answered HTTP 403' },
  timeout: {
    error: { kind: 'timeout', status: undefined, isRetryable: true },
    message: `{path} did not answer within ${DEFAULT_TIMEOUT_MS / 1000} s`,
  },
  'network error': { error: { kind: 'network', isRetryable: true }, message: '{path} could not be reached' },
  'invalid JSON': {
    error: { kind: 'schema', issuePath: '(root)', isRetryable: false },
    message: '{path} did not return valid JSON',
  },
};

/**
 * What each broken payload becomes: `valid` (schema-valid, however odd) or the first path the
 * schema refuses. Absent: the fault does not apply (no such value in the answer).
 */
const PAYLOAD_OUTCOMES: Record<Endpoint, Partial<Record<PayloadFault, string>>> = {
  meta: {
    'missing field': 'district',
    'empty arrays': 'periods',
    '10,000-character string': 'district.zh-CN',
  },
  kpis: {
    'missing field': 'items',
    'wrong type': 'items[0].value.value',
    '"NaN" string': 'items[0].value.value',
    '"Infinity" string': 'items[0].value.value',
    'negative count': 'items[9].facts[0].value.value',
    '1e308': 'items[0].value.value',
    'empty arrays': 'valid',
    '10,000-character string': 'items[0].label.zh-CN',
  },
  sectors: {
    'missing field': 'items',
    'wrong type': 'items[1].output.value',
    '"NaN" string': 'items[1].output.value',
    '"Infinity" string': 'items[1].output.value',
    '1e308': 'items[1].output.value',
    'empty arrays': 'valid',
    '10,000-character string': 'items[0].label.zh-CN',
  },
  sector: {
    'missing field': 'series',
    'wrong type': 'sector.output.value',
    '"NaN" string': 'sector.output.value',
    '"Infinity" string': 'sector.output.value',
    'negative count': 'projectCount',
    '1e308': 'sector.output.value',
    'empty arrays': 'valid',
    '10,000-character string': 'sector.label.zh-CN',
  },
  projects: {
    'missing field': 'items',
    'wrong type': 'items[0].totalInvestment.value',
    '"NaN" string': 'items[0].totalInvestment.value',
    '"Infinity" string': 'items[0].totalInvestment.value',
    'negative count': 'total',
    '1e308': 'items[0].totalInvestment.value',
    'empty arrays': 'valid',
    '10,000-character string': 'items[0].name',
  },
  project: {
    'missing field': 'id',
    'wrong type': 'totalInvestment.value',
    '"NaN" string': 'totalInvestment.value',
    '"Infinity" string': 'totalInvestment.value',
    '1e308': 'totalInvestment.value',
    'empty arrays': 'valid',
    '10,000-character string': 'name',
  },
};

const samples = Object.fromEntries(
  await Promise.all(ENDPOINTS.map(async (e) => [e, await sampleBody(e)] as const)),
) as Record<Endpoint, Record<string, unknown>>;

describe('apiGet: transport faults', () => {
  const cases = ENDPOINTS.flatMap((endpoint) =>
    (Object.keys(TRANSPORT_FAULTS) as TransportFault[]).map(
      (fault) => [`${endpoint} · ${fault}`, endpoint, fault] as const,
    ),
  );
  it.each(tally.add(cases))('%s', async (_name, endpoint, fault) => {
    server.use(TRANSPORT_FAULTS[fault](endpoint));
    const { path } = REQUESTS[endpoint];
    const expected = TRANSPORT_OUTCOMES[fault];
    // The timeout is the client's own clock: advanced here, not waited for.
    if (fault === 'timeout') vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const request = track(get(endpoint));
    if (fault === 'timeout') {
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
      expect(request.state.settled, 'settled before the timeout').toBe(false);
      await vi.advanceTimersByTimeAsync(1);
    }
    await request.done;
    const error = request.state.error;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ ...expected.error, endpoint: path });
    expect((error as ApiError).message).toBe(expected.message.replace('{path}', path));
    tally.pass();
  });
});

describe('apiGet: payloads that break (or stretch) the contract', () => {
  const cases = ENDPOINTS.flatMap((endpoint) =>
    (Object.keys(PAYLOAD_OUTCOMES[endpoint]) as PayloadFault[]).map(
      (fault) => [`${endpoint} · ${fault}`, endpoint, fault, PAYLOAD_OUTCOMES[endpoint][fault]!] as const,
    ),
  );

  it('applies every fault the answer has a value for, and only those', () => {
    for (const endpoint of ENDPOINTS) {
      const applicable = (Object.keys(PAYLOAD_FAULTS) as PayloadFault[]).filter(
        (f) => PAYLOAD_FAULTS[f](samples[endpoint]) !== null,
      );
      expect(applicable, endpoint).toEqual(Object.keys(PAYLOAD_OUTCOMES[endpoint]));
    }
  });

  it.each(tally.add(cases))('%s', async (_name, endpoint, fault, outcome) => {
    server.use(payloadFault(endpoint, fault));
    const request = track(get(endpoint));
    await request.done;
    if (outcome === 'valid') {
      expect(request.state.error).toBeUndefined();
      // What the contract reads the body as (a /kpis answer's tables put back in place).
      expect(request.state.value).toEqual(REQUESTS[endpoint].schema.parse(PAYLOAD_FAULTS[fault](samples[endpoint])));
    } else {
      const error = request.state.error as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ kind: 'schema', issuePath: outcome, isRetryable: false });
      expect(error.message).toMatch(`${REQUESTS[endpoint].path} returned unexpected data at ${outcome}: `);
    }
    tally.pass();
  });
});

describe('apiGet: a slow answer is not an error', () => {
  it.each(tally.add(ENDPOINTS.map((e) => [`${e} · slow response (5 s)`, e] as const)))(
    '%s',
    async (_name, endpoint) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      server.use(slow(endpoint, 5000));
      const request = track(get(endpoint));
      await vi.advanceTimersByTimeAsync(4999);
      expect(request.state.settled, 'answered before the server did').toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await request.done;
      expect(request.state.error).toBeUndefined();
      expect(request.state.value).toEqual(REQUESTS[endpoint].schema.parse(samples[endpoint]));
      tally.pass();
    },
  );
});
