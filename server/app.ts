/**
 * The HTTP side of the data service: the /api/v1 contract, the built app, health checks and
 * the headers every response carries. Hono routes and composes middleware on web-standard
 * Request/Response objects; `@hono/node-server` runs it on Node's HTTP server.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import {
  kpiList,
  metaOf,
  notFound,
  parsePeriod,
  parseProjectFilter,
  parseSector,
  Problem,
  queryProjects,
  sectorDetail,
  sectorList,
  unknownParam,
} from '../data/answers';
import type { Endpoint } from '../data/answers';
import { KpiListSchema } from '../src/api/kpis';
import { MetaSchema } from '../src/api/meta';
import { ProjectDetailSchema } from '../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../src/api/sectors';
import { contentSecurityPolicy } from '../scripts/csp';
import { DatabaseUnavailable, isConnectionError } from './db';
import type { CachedResponse, DataService, Snapshot } from './service';
import type { App, StaticFile } from './static';
import { getProject } from './store';

/** Longer query strings than any the app sends are refused before they reach a handler. */
export const MAX_QUERY_LENGTH = 1024;

type Env = { Variables: { requestId: string } };

/** Headers on every response. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const jsonError = (
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

const unavailable = (c: Context<Env>) =>
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
function sendEntity(
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

interface Answer {
  endpoint: Endpoint;
  /** The contract every answer is checked against once; null when its parts were checked on loading. */
  schema: z.ZodMiniType | null;
  compute: (snapshot: Snapshot, params: URLSearchParams, id: string) => Promise<object | Problem> | object | Problem;
}

export interface AppOptions {
  service: DataService;
  app: App | null;
  logger: Logger;
}

export function createApp({ service, app, logger }: AppOptions) {
  const hono = new Hono<Env>();
  const csp = `${app?.csp ?? contentSecurityPolicy(undefined)}; frame-ancestors 'none'`;

  hono.use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  hono.use(async (c, next) => {
    const started = performance.now();
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    const status = c.res.status;
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
    };
    if (status >= 500 && status !== 503) logger.error(line, 'request failed');
    else if (status === 503) logger.warn(line, 'request refused: not ready');
    else logger.info(line, 'request');
  });
  hono.use(async (c, next) => {
    const query = c.req.url.indexOf('?');
    if (query >= 0 && c.req.url.length - query - 1 > MAX_QUERY_LENGTH) {
      return jsonError(c, 400, 'query_too_long', `the query string is longer than ${MAX_QUERY_LENGTH} characters`);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return jsonError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here`, { Allow: 'GET, HEAD' });
    }
    return next();
  });

  hono.get('/healthz', (c) => c.json({ status: 'up' }, 200, { 'Cache-Control': 'no-store' }));
  hono.get('/readyz', async (c) => {
    const ready = await service.ping();
    return c.json({ status: ready ? 'ready' : 'unavailable', database: service.state }, ready ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });

  const answer =
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

  const db = () => service.database();
  const api = new Hono<Env>();
  api.get('/meta', answer({ endpoint: 'meta', schema: MetaSchema, compute: (s) => metaOf(s.figures, s.version) }));
  api.get(
    '/kpis',
    answer({
      endpoint: 'kpis',
      schema: KpiListSchema,
      compute: (s, params) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        const sector = parseSector(params.get('sector'));
        if (period instanceof Problem) return period;
        if (sector instanceof Problem) return sector;
        return kpiList(s.figures, period, sector);
      },
    }),
  );
  api.get(
    '/sectors',
    answer({
      endpoint: 'sectors',
      schema: SectorListSchema,
      compute: (s, params) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        return period instanceof Problem ? period : sectorList(s.figures, period);
      },
    }),
  );
  api.get(
    '/sectors/:id',
    answer({
      endpoint: 'sector',
      schema: SectorDetailSchema,
      compute: (s, params, rawId) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        if (period instanceof Problem) return period;
        const id = parseSector(rawId);
        if (id === null || id instanceof Problem || !s.figures.meta.sectors.some((x) => x.id === id)) {
          return notFound('sector', rawId);
        }
        return sectorDetail(s.figures, id, period, s.projects.projects.filter((p) => p.sector === id).length);
      },
    }),
  );
  api.get(
    '/projects',
    answer({
      endpoint: 'projects',
      // Its projects were checked against the contract when the version was loaded.
      schema: null,
      compute: (s, params) => {
        const filter = parseProjectFilter(params);
        return filter instanceof Problem ? filter : queryProjects(s.projects, filter);
      },
    }),
  );
  api.get(
    '/projects/:id',
    answer({
      endpoint: 'project',
      schema: ProjectDetailSchema,
      compute: async (s, _params, id) =>
        (/^[a-z0-9-]{1,64}$/.test(id) ? await getProject(db(), s.version.id, id) : null) ?? notFound('project', id),
    }),
  );
  api.all('*', (c) => jsonError(c, 404, 'not_found', `no API endpoint ${c.req.path}`));
  hono.route('/api/v1', api);
  hono.all('/api/*', (c) => jsonError(c, 404, 'not_found', `no API endpoint ${c.req.path}`));

  // The app: its files, and index.html for every route of the single-page app.
  hono.get('*', (c) => {
    const raw = new URL(c.req.url).pathname;
    // Paths that try to leave the app's directory, however encoded, are refused outright.
    if (/%2f|%5c|%00|\\/i.test(raw) || raw.split('/').some((seg) => seg === '..' || seg === '.' || /^%2e/i.test(seg))) {
      return jsonError(c, 400, 'bad_path', 'this path is not allowed');
    }
    if (!app) {
      return c.text('The dashboard is not built yet: run `npm run build`, then start the server again.', 503, {
        'Cache-Control': 'no-store',
      });
    }
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return jsonError(c, 400, 'bad_path', 'this path is not valid URL encoding');
    }
    const file = app.files.get(path);
    if (file && path !== '/index.html') return serveFile(c, file);
    // Missing assets and other files are real 404s; paths without an extension are routes of the app.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    }
    const index = app.files.get('/index.html');
    return index ? serveFile(c, index) : c.text('Not found', 404);
  });

  const serveFile = (c: Context<Env>, file: StaticFile) =>
    sendEntity(c, file, {
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });

  hono.notFound((c) => jsonError(c, 404, 'not_found', 'not found'));
  hono.onError((error, c) => {
    logger.error({ err: error, reqId: c.get('requestId') }, 'unhandled error');
    return jsonError(c, 500, 'internal', `Something went wrong on the server (request ${c.get('requestId')}).`);
  });
  return hono;
}
