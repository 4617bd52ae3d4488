/**
 * What every route shares: the error body, the 503 of an unreachable database, sending a body
 * with its ETag in the client's best encoding, and `answer`, which turns a pure computation over
 * the published version into a cached, contract-checked, compressed JSON response.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { Problem, unknownParam } from '../data/answers';
import type { Endpoint } from '../data/answers';
import { DatabaseUnavailable, isConnectionError } from './db/client';
import type { Session } from './auth/accounts';
import type { CachedResponse, DataService, Snapshot } from './service';

/** Longer query strings than any the app sends are refused before they reach a handler. */
export const MAX_QUERY_LENGTH = 1024;

export type Env = {
  Variables: {
    requestId: string;
    /** The signed-in editor, on the routes that require one (routes/admin.ts). */
    session: Session | null;
    sessionToken: string | null;
  };
};

/** Headers on every response. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const jsonError = (
  c: Context<Env>,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  c.body(JSON.stringify({ error, message }), status as 400, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });

export const unavailable = (c: Context<Env>) =>
  jsonError(
    c,
    503,
    'unavailable',
    'The database is not reachable at the moment; the figures will be back when it answers.',
    {
      'Retry-After': '5',
    },
  );

function acceptedEncoding(c: Context<Env>): 'br' | 'gzip' | null {
  const accept = c.req.header('Accept-Encoding') ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

const matchesEtag = (header: string | undefined, etag: string) =>
  header !== undefined &&
  header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');

/** Sends a body with its ETag (304 when the client has it) in the best encoding the client takes. */
export function sendEntity(
  c: Context<Env>,
  entity: { status?: number; body: Buffer; etag: string; gzip?: Buffer; br?: Buffer },
  headers: Record<string, string>,
) {
  const common = { ETag: entity.etag, Vary: 'Accept-Encoding', ...headers };
  if ((entity.status ?? 200) === 200 && matchesEtag(c.req.header('If-None-Match'), entity.etag)) {
    return c.body(null, 304, common);
  }
  const encoding = acceptedEncoding(c);
  const encoded = encoding ? entity[encoding] : undefined;
  const body = encoded ?? entity.body;
  const out: Record<string, string> = { ...common, 'Content-Length': String(body.length) };
  if (encoded && encoding) out['Content-Encoding'] = encoding;
  const status = (entity.status ?? 200) as 200;
  return c.req.method === 'HEAD' ? c.body(null, status, out) : c.body(new Uint8Array(body), status, out);
}

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * Compresses a cached answer once per encoding, on the thread pool (the event loop also runs
 * the embedded database). Fast settings: these are dynamic answers, made once per version.
 */
async function compressLazily(entry: CachedResponse, encoding: 'br' | 'gzip' | null): Promise<void> {
  if (!encoding || entry.body.length <= 1024 || entry[encoding]) return;
  entry[encoding] =
    encoding === 'br'
      ? await brotli(entry.body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
        })
      : await gzip(entry.body, { level: 6 });
}

/** The query string in a canonical order, so `?a=1&b=2` and `?b=2&a=1` share a cache entry. */
function cacheKey(path: string, params: URLSearchParams): string {
  const sorted = new URLSearchParams([...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${path}?${sorted.toString()}`;
}

export interface Answer {
  endpoint: Endpoint;
  /** The contract every answer is checked against once; null when its parts were checked on loading. */
  schema: z.ZodMiniType | null;
  compute: (snapshot: Snapshot, params: URLSearchParams, id: string) => Promise<object | Problem> | object | Problem;
}

/** The API's router, and what its routes are given. */
export type Api = Hono<Env>;
export interface RouteKit {
  service: DataService;
  answer: (answer: Answer) => (c: Context<Env>) => Promise<Response>;
}

/** The `answer` of a route: a computation over the published version, served through the version's cache. */
export const answerWith =
  (service: DataService) =>
  ({ endpoint, schema, compute }: Answer) =>
  async (c: Context<Env>) => {
    const params = new URL(c.req.url).searchParams;
    const id = c.req.param('id') ?? '';
    let snapshot: Snapshot;
    try {
      snapshot = await service.current();
    } catch (error) {
      if (isConnectionError(error) || error instanceof DatabaseUnavailable) return unavailable(c);
      throw error;
    }
    const invalid = unknownParam(endpoint, params);
    if (invalid) return jsonError(c, invalid.status, invalid.body.error, invalid.body.message);
    let entry: CachedResponse;
    try {
      entry = await service.cached(snapshot, cacheKey(c.req.path, params), async () => {
        const result = await compute(snapshot, params, id);
        if (result instanceof Problem) {
          const body = Buffer.from(JSON.stringify(result.body));
          return { status: result.status, body, etag: `"e${snapshot.version.id}-${result.status}"` };
        }
        // Never serve what the app would refuse: the response is checked against the contract once.
        const checked = schema ? safeParse(schema, result) : null;
        if (checked && !checked.success) {
          const issue = checked.error.issues[0];
          throw new Error(
            `${endpoint} answer breaks the contract at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
          );
        }
        const body = Buffer.from(JSON.stringify(result));
        const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
        return { status: 200, body, etag: `"v${snapshot.version.id}-${hash}"` };
      });
    } catch (error) {
      if (isConnectionError(error) || error instanceof DatabaseUnavailable) return unavailable(c);
      throw error;
    }
    await compressLazily(entry, acceptedEncoding(c));
    return sendEntity(c, entry, {
      'Content-Type': 'application/json; charset=utf-8',
      // Revalidate each time: a new version must show on the next refresh; unchanged data costs a 304.
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    });
  };
