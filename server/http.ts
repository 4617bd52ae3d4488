/**
 * What every route shares: the error answer, sending a body with its ETag in the client's best
 * encoding, and `answer`, which turns a pure computation over the published version into a
 * cached, contract-checked, compressed JSON response.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import type { Context, ErrorHandler, Hono } from 'hono';
import type { Logger } from 'pino';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { READ_ACCESS_HEADER } from '../src/api/access';
import { DATA_VERSION_HEADER } from '../src/api/client';
import { checkParams } from './answers/requests';
import type { Endpoint } from './answers/requests';
import type { Session } from './auth/accounts';
import { databaseUnavailable, isConnectionError } from './db/client';
import { ServiceError } from './errors';
import type { CachedResponse, DataService, Snapshot } from './service';

/**
 * The app's onError: every error a route or middleware throws is answered here, and only here.
 * A ServiceError by its kind; a lost database connection as `unavailable`; anything else is a
 * fault of the service, logged with its stack and answered 500 without it.
 */
export const errorHandler =
  (logger: Logger): ErrorHandler<Env> =>
  (error, c) => {
    if (error instanceof ServiceError) return errorAnswer(c, error);
    if (isConnectionError(error)) return errorAnswer(c, databaseUnavailable(error));
    logger.error({ err: error, reqId: c.get('requestId') }, 'unhandled error');
    const message = `Something went wrong on the server (request ${c.get('requestId')}).`;
    return errorAnswer(c, new ServiceError('internal', message));
  };

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

/** The answer to a ServiceError: its kind's status and the JSON body `{ error, message, … }`, never stored. */
export const errorAnswer = (c: Context<Env>, error: ServiceError) =>
  c.body(JSON.stringify(error.body), error.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...error.headers,
  });

export function acceptedEncoding(c: Context<Env>): 'br' | 'gzip' | null {
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
  entity: { body: Buffer; etag: string; gzip?: Buffer; br?: Buffer },
  headers: Record<string, string>,
) {
  const common = { ETag: entity.etag, Vary: 'Accept-Encoding', ...headers };
  if (matchesEtag(c.req.header('If-None-Match'), entity.etag)) {
    return c.body(null, 304, common);
  }
  const encoding = acceptedEncoding(c);
  const encoded = encoding ? entity[encoding] : undefined;
  const body = encoded ?? entity.body;
  const out: Record<string, string> = { ...common, 'Content-Length': String(body.length) };
  if (encoded && encoding) out['Content-Encoding'] = encoding;
  return c.req.method === 'HEAD' ? c.body(null, 200, out) : c.body(new Uint8Array(body), 200, out);
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
  /** The answer, or a ServiceError thrown (a bad parameter, an unknown id), which app.onError answers. */
  compute: (snapshot: Snapshot, params: URLSearchParams, id: string) => Promise<object> | object;
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
    const snapshot = await service.current();
    checkParams(endpoint, params);
    const entry = await service.cached(snapshot, cacheKey(c.req.path, params), async () => {
      const result = await compute(snapshot, params, id);
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
      return { body, etag: `"v${snapshot.version.id}-${hash}"` };
    });
    await compressLazily(entry, acceptedEncoding(c));
    return sendEntity(c, entry, {
      'Content-Type': 'application/json; charset=utf-8',
      // The version the answer is from, on a 304 too: the app shows the figures of one version at a time.
      [DATA_VERSION_HEADER]: String(snapshot.version.id),
      // Readable by the app when it is served from another origin (behind a CORS-enabled proxy).
      'Access-Control-Expose-Headers': `${DATA_VERSION_HEADER}, ${READ_ACCESS_HEADER}`,
      // Revalidate each time: a new version must show on the next refresh; unchanged data costs a 304.
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    });
  };
