/**
 * The built app: its files, and index.html for every route of the single-page app. Only exact
 * paths of files read from dist/ are served, so nothing outside it can be reached.
 */
import type { Context } from 'hono';
import { contentSecurityPolicy } from '../csp';
import { ServiceError } from '../errors';
import { sendEntity } from '../http';
import type { Api, Env } from '../http';
import type { App, StaticFile } from '../static';

export function webappRoutes(app: Api, built: App | null) {
  const csp = `${built?.csp ?? contentSecurityPolicy(undefined)}; frame-ancestors 'none'`;
  const serveFile = (c: Context<Env>, file: StaticFile) =>
    sendEntity(c, file, {
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });

  app.get('*', (c) => {
    const raw = new URL(c.req.url).pathname;
    // Paths that try to leave the app's directory, however encoded, are refused outright.
    if (/%2f|%5c|%00|\\/i.test(raw) || raw.split('/').some((seg) => seg === '..' || seg === '.' || /^%2e/i.test(seg))) {
      throw new ServiceError('invalid', 'this path is not allowed', { code: 'bad_path' });
    }
    if (!built) {
      return c.text('The dashboard is not built yet: run `npm run build`, then start the server again.', 503, {
        'Cache-Control': 'no-store',
      });
    }
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      throw new ServiceError('invalid', 'this path is not valid URL encoding', { code: 'bad_path' });
    }
    const file = built.files.get(path);
    if (file && path !== '/index.html') return serveFile(c, file);
    // Missing assets and other files are real 404s; paths without an extension are routes of the app.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    }
    const index = built.files.get('/index.html');
    return index ? serveFile(c, index) : c.text('Not found', 404);
  });
}
