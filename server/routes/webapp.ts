/**
 * The built app: its files, and index.html for every route of the single-page app, with the
 * route's first screen rendered on the server when the build has a renderer (render/pages.ts).
 * Only exact paths of files read from dist/ are served, so nothing outside it can be reached.
 */
import type { Context } from 'hono';
import { contentSecurityPolicy } from '../csp';
import { ServiceError } from '../errors';
import { acceptedEncoding, sendEntity } from '../http';
import type { Api, Env } from '../http';
import { renderedPage } from '../render/pages';
import type { PageRendering } from '../render/pages';
import type { App, StaticFile } from '../static';

/** The admin page is each editor's own: never rendered on the server, nor cached. */
const browserOnly = (path: string) => path === '/admin' || path.startsWith('/admin/');

export function webappRoutes(app: Api, built: App | null, rendering: PageRendering | null = null) {
  const policy = built?.csp ?? contentSecurityPolicy(undefined);
  const serveFile = (c: Context<Env>, file: StaticFile, filePolicy = policy) =>
    sendEntity(c, file, {
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(file.type.startsWith('text/html')
        ? { 'Content-Security-Policy': `${filePolicy}; frame-ancestors 'none'` }
        : {}),
    });

  app.get('*', async (c) => {
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
    if (!index) return c.text('Not found', 404);
    const page =
      rendering && !browserOnly(path)
        ? await renderedPage(rendering, index.body.toString('utf8'), policy, new URL(c.req.url), acceptedEncoding(c))
        : null;
    return page
      ? serveFile(c, { ...page.entity, type: index.type, immutable: false }, page.policy)
      : serveFile(c, index);
  });
}
