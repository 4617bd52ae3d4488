/**
 * The data service's HTTP app: middleware (request id, logs, security headers, limits), the
 * /api/v1 routes (routes/, one file per resource), health checks and the built app. Hono routes
 * and composes middleware on web-standard Request/Response objects, so tests call it without a
 * socket (`app.request(path)`); `@hono/node-server` runs it on Node's HTTP server.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { READ_ACCESS_HEADER } from '../src/api/access';
import type { ReadAccess } from '../src/api/access';
import { answerWith, errorAnswer, errorHandler, MAX_QUERY_LENGTH, SECURITY_HEADERS } from './http';
import type { Env, RouteKit } from './http';
import { ServiceError } from './errors';
import { adminRoutes, requireSession } from './routes/admin';
import { healthRoutes } from './routes/health';
import { kpiRoutes } from './routes/kpis';
import { metaRoutes } from './routes/meta';
import { projectRoutes } from './routes/projects';
import { sectorRoutes } from './routes/sectors';
import { updateRoutes } from './routes/updates';
import { versionRoutes } from './routes/versions';
import { webappRoutes } from './routes/webapp';
import type { Renderer } from './render/renderer';
import type { DataService } from './service';
import { warmAnswers } from './warm';
import type { App } from './static';

export interface AppOptions {
  service: DataService;
  app: App | null;
  logger: Logger;
  /** `login`: the API's figures only for signed-in editors (READ_ACCESS); the app's files stay public. */
  readAccess?: ReadAccess;
  /**
   * Renders the app's pages on the server (the build's SSR bundle); null: the app's shell is served
   * and the browser renders. Not with READ_ACCESS=login (the figures are not the public's) nor a
   * mock build (its app reads no server).
   */
  renderer?: Renderer | null;
  /** Computes each version's figures answers ahead of readers (server/warm.ts); not with READ_ACCESS=login. */
  warm?: boolean;
}

export function createApp({ service, app, logger, readAccess = 'public', renderer = null, warm = false }: AppOptions) {
  const hono = new Hono<Env>();
  /** The requests a page's render on the server makes of the API, in this process. */
  const rendering = new WeakSet<Request>();
  const inProcess: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    rendering.add(request);
    return hono.fetch(request);
  };

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
    else if (rendering.has(c.req.raw)) logger.debug(line, 'request of a page rendered on the server');
    else logger.info(line, 'request');
  });
  hono.use(async (c, next) => {
    const query = c.req.url.indexOf('?');
    if (query >= 0 && c.req.url.length - query - 1 > MAX_QUERY_LENGTH) {
      throw new ServiceError('invalid', `the query string is longer than ${MAX_QUERY_LENGTH} characters`, {
        code: 'query_too_long',
      });
    }
    // Only the admin area takes changes (POST); everything else is read-only.
    const changes = c.req.method === 'POST' && c.req.path.startsWith('/api/v1/admin/');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !changes) {
      throw new ServiceError('method_not_allowed', `${c.req.method} is not allowed here`, {
        headers: { Allow: 'GET, HEAD' },
      });
    }
    return next();
  });

  const kit: RouteKit = { service, answer: answerWith(service) };
  healthRoutes(hono, kit);
  const api = new Hono<Env>();
  // Every answer says who may read the figures, so the app knows whether it may keep them in the browser.
  api.use(async (c, next) => {
    await next();
    c.header(READ_ACCESS_HEADER, readAccess);
  });
  if (readAccess === 'login') {
    api.use(async (c, next) => {
      if (c.req.path.startsWith('/api/v1/admin/')) return next();
      return requireSession(kit)(c, next);
    });
  }
  for (const routes of [metaRoutes, kpiRoutes, sectorRoutes, projectRoutes, versionRoutes, adminRoutes, updateRoutes])
    routes(api, kit);
  const noEndpoint = (c: Context<Env>) => {
    throw new ServiceError('not_found', `no API endpoint ${c.req.path}`);
  };
  api.all('*', noEndpoint);
  hono.route('/api/v1', api);
  hono.all('/api/*', noEndpoint);
  const renders = renderer && app && !app.mockBuild && readAccess === 'public';
  webappRoutes(hono, app, renders ? { renderer, service, fetch: inProcess, logger, files: app.files } : null);

  hono.notFound((c) => errorAnswer(c, new ServiceError('not_found', 'not found')));
  hono.onError(errorHandler(logger));
  if (warm && readAccess === 'public') service.warmWith((snapshot) => warmAnswers(hono, service, snapshot));
  return hono;
}
