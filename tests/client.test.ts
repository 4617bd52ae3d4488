import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { ApiError, apiGet, buildUrl } from '../src/api/client';
import { KpiListSchema } from '../src/api/kpis';
import { MetaSchema } from '../src/api/meta';
import { ProjectPageSchema } from '../src/api/projects';
import { shouldRetry } from '../src/api/queryClient';
import { server } from '../mocks/node';
import { breakers, failWith, invalidJson, malformed, networkError } from '../mocks/scenarios';

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
};

describe('apiGet', () => {
  it('parses a good response into typed data', async () => {
    const meta = await apiGet('/meta', MetaSchema);
    expect(meta.district['zh-CN']).toBe('北碚区');
    expect(meta.periods.map((p) => p.id)).toEqual(['2022', '2023H1', '2023M07', '2023D0826', '2023']);
  });

  it('sends query parameters and leaves out empty ones', async () => {
    expect(buildUrl('/projects', { q: '高铁', stage: undefined, sector: null, page: 2 }).search).toBe(
      `?q=${encodeURIComponent('高铁')}&page=2`,
    );
    const list = await apiGet('/kpis', KpiListSchema, { params: { period: '2023M07', sector: 'automotive' } });
    expect(list.sector).toBe('automotive');
    expect(list.items.some((k) => k.id === 'sector-output-automotive')).toBe(true);
  });

  it('turns an HTTP error into ApiError kind "http" with the status and Retry-After', async () => {
    server.use(failWith('kpis', 503, { 'Retry-After': '120' }));
    const error = await rejection(apiGet('/kpis', KpiListSchema));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 503, retryAfter: 120, endpoint: '/kpis' });
  });

  it('turns an unreachable server into kind "network"', async () => {
    server.use(networkError('meta'));
    expect(await rejection(apiGet('/meta', MetaSchema))).toMatchObject({ kind: 'network' });
  });

  it('turns a slow server into kind "timeout"', async () => {
    server.use(
      http.get('*/api/v1/meta', async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    expect(await rejection(apiGet('/meta', MetaSchema, { timeoutMs: 50 }))).toMatchObject({ kind: 'timeout' });
  });

  it('rejects with the caller’s own reason when the caller aborts', async () => {
    server.use(
      http.get('*/api/v1/meta', async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = apiGet('/meta', MetaSchema, { signal: controller.signal });
    controller.abort(new Error('navigated away'));
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ message: 'navigated away' });
  });

  it('turns a body that is not JSON into kind "schema"', async () => {
    server.use(invalidJson('projects'));
    expect(await rejection(apiGet('/projects', ProjectPageSchema))).toMatchObject({
      kind: 'schema',
      issuePath: '(root)',
    });
  });

  it.each([
    ['a string where a number belongs', 'kpis', breakers.kpis, KpiListSchema, /^items\[\d+\]\.value\.value$/],
    ['a missing field', 'meta', (b: Record<string, unknown>) => ({ ...b, asOf: undefined }), MetaSchema, /^asOf$/],
    ['1e308 money', 'projects', breakers.projects, ProjectPageSchema, /^items\[0\]\.completed\.value$/],
    [
      'a negative count',
      'projects',
      (b: Record<string, unknown>) => ({ ...b, total: -1 }),
      ProjectPageSchema,
      /^total$/,
    ],
    [
      'a reported value without its source line',
      'kpis',
      (b: Record<string, unknown>) => {
        const items = b.items as { value: { provenance: object } | null }[];
        const first = items.find((k) => k.value)!;
        first.value!.provenance = { kind: 'reported' };
        return b;
      },
      KpiListSchema,
      /^items\[\d+\]\.value\.provenance\.source$/,
    ],
    [
      'a 10,000-character name',
      'projects',
      (b: Record<string, unknown>) => {
        (b.items as { name: string }[])[0]!.name = '名'.repeat(10_000);
        return b;
      },
      ProjectPageSchema,
      /^items\[0\]\.name$/,
    ],
  ] as const)('names the failing path for %s', async (_name, endpoint, mutate, schema, path) => {
    server.use(malformed(endpoint, mutate));
    const error = await rejection(apiGet(`/${endpoint}`, schema as z.ZodMiniType));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('schema');
    expect((error as ApiError).issuePath).toMatch(path);
    expect((error as ApiError).message).toContain((error as ApiError).issuePath);
  });
});

describe('retry policy', () => {
  const err = (kind: ApiError['kind'], status?: number) => new ApiError(kind, '/x', 'x', { status });
  it('retries server errors, timeouts and network errors, at most twice', () => {
    expect(shouldRetry(0, err('http', 500))).toBe(true);
    expect(shouldRetry(1, err('timeout'))).toBe(true);
    expect(shouldRetry(0, err('network'))).toBe(true);
    expect(shouldRetry(2, err('http', 503))).toBe(false);
  });
  it('does not retry 4xx (except 408 and 429) or schema errors', () => {
    expect(shouldRetry(0, err('http', 404))).toBe(false);
    expect(shouldRetry(0, err('http', 403))).toBe(false);
    expect(shouldRetry(0, err('http', 429))).toBe(true);
    expect(shouldRetry(0, err('schema'))).toBe(false);
  });
});
