/**
 * The one error type: every kind answered by the app's onError with its status, the body every
 * error has and the headers it carries; anything else a 500 that shows nothing of itself; and no
 * kind outside the list, neither for the type checker nor at run time.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../../server/db/client';
import { ERROR_STATUS, ServiceError } from '../../server/errors';
import type { ErrorKind } from '../../server/errors';
import { errorHandler } from '../../server/http';
import type { Env } from '../../server/http';
import { silent } from './harness';

const app = new Hono<Env>();
app.onError(errorHandler(silent));
app.get('/kind/:kind', (c) => {
  throw new ServiceError(c.req.param('kind') as ErrorKind, 'why it failed', {
    code: 'the_case',
    detail: { winner: { id: 3 } },
    headers: { 'Retry-After': '7' },
  });
});
app.get('/bug', () => {
  throw new Error('secret detail at /srv/app.ts:12');
});
app.get('/connection', () => {
  throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
});
app.get('/not-ready', () => {
  throw databaseUnavailable('the database is not ready');
});

describe('ServiceError', () => {
  it.each(Object.entries(ERROR_STATUS))(
    'of kind %s answers %i with { error, message, …detail } and its headers',
    async (kind, status) => {
      const res = await app.request(`/kind/${kind}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({ error: 'the_case', message: 'why it failed', winner: { id: 3 } });
    },
  );

  it('uses the kind as the body’s error when no finer code is given', () => {
    expect(new ServiceError('not_found', 'no project "x"').body).toEqual({
      error: 'not_found',
      message: 'no project "x"',
    });
  });

  it('turns any other error into a 500 that names neither its message nor its stack', async () => {
    const res = await app.request('/bug');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('internal');
    expect(body.message).toMatch(/^Something went wrong on the server/);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('answers a lost database connection and a database not ready alike: 503, Retry-After, no reason shown', async () => {
    for (const path of ['/connection', '/not-ready']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after'), path).toBe('5');
      expect(await res.json(), path).toEqual({
        error: 'unavailable',
        message: 'The database is not reachable at the moment; the figures will be back when it answers.',
      });
    }
  });

  it('cannot be made with a kind that is not in the list', () => {
    // @ts-expect-error 'teapot' is no ErrorKind: `npm run check` (tsc) fails if this line compiles.
    expect(() => new ServiceError('teapot', 'short and stout')).toThrow(TypeError);
    expect(() => new ServiceError('teapot' as ErrorKind, 'short and stout')).toThrow('unknown error kind "teapot"');
  });
});
