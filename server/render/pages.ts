/**
 * The app's pages rendered on the server: index.html with the page's first screen in #root, its
 * stylesheets in the page, and the query cache it was rendered from for the browser to hydrate. Rendered once per data version and address, kept in the version's cache beside the
 * API's answers (so a publish drops them with the answers), with an ETag. Whatever goes wrong
 * (a render failing or taking too long, a query refused) leaves the plain app shell to be served.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip as gzipCallback, gzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import { MODULES_ELEMENT_ID, MODULES_SCRIPT } from '../boot';
import type { CachedResponse, DataService } from '../service';
import { pageModules, pageStylesheets } from './renderer';
import type { RenderedPage, Renderer } from './renderer';

/** A render taking longer than `timeoutMs` is given up: the shell is served, and the browser renders. Tests shorten it. */
export const renderLimits = { timeoutMs: 3000 };

/** The id of the script element holding the dehydrated queries; src/main.tsx reads it. */
export const STATE_ELEMENT_ID = 'server-state';

export interface PageRendering {
  renderer: Renderer;
  service: DataService;
  /** Answers the app's API requests in this process. */
  fetch: typeof globalThis.fetch;
  logger: Logger;
  /** The built app's files (dist/), from which a page's stylesheets are put into it. */
  files: ReadonlyMap<string, { body: Buffer }>;
}

/** Why a page was left to the browser, when nothing went wrong. */
class LeftToBrowser extends Error {}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** JSON inside a script element: `<` escaped, so no `</script>` or `<!--` in a string can end it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy: `policy` with the hashes of the stylesheets put into the
 * page (`styles`) and of each style attribute the render wrote (bar widths, marker positions),
 * which the browser checks as it parses them ('unsafe-hashes' lets hashes apply to attributes:
 * these exact values, never 'unsafe-inline'). The app itself sets styles from script, which the
 * policy does not restrict.
 */
export function pagePolicy(policy: string, html: string, styles: readonly string[]): string {
  const attributes = new Set<string>();
  for (const [, value = ''] of html.matchAll(/ style="([^"]*)"/g)) {
    attributes.add(sha256(value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (entity) => HTML_ENTITIES[entity] ?? entity)));
  }
  const sources = [...new Set(styles.map(sha256)), ...(attributes.size > 0 ? ["'unsafe-hashes'", ...attributes] : [])];
  return sources.length === 0
    ? policy
    : policy.replace(/style-src ([^;]*)/, (directive) => `${directive} ${sources.join(' ')}`);
}

/** What a page needs beyond the shell: its stylesheets. */
export interface PageExtras {
  /** Put into the page: no request holds its first paint. */
  styles: string[];
  /**
   * The files of `styles`, named by disabled links (neither fetched nor applied): the app's code,
   * loading the page's modules, takes them as loaded, rather than load them again and have the
   * browser restyle and lay out the whole page once more.
   */
  inlined?: string[];
  /** Stylesheets not found among the built files, linked instead. */
  stylesheets: string[];
  /**
   * The shell's own stylesheets (index.html's links) by path, put into the page in their place
   * (and named as `inlined` are): fetched beside the app's modules, they held the first paint for
   * as long as those took.
   */
  shell?: ReadonlyMap<string, string>;
  /** The page's own modules (built paths, without the leading slash), asked for with the app's entry. */
  modules?: string[];
}

/** Names a stylesheet put into the page (see PageExtras.inlined). */
const inlinedLink = (href: string) => `<link rel="stylesheet" crossorigin href="/${attribute(href)}" disabled>`;

/** The stylesheets index.html links: their tags, and their paths. */
const SHELL_STYLESHEET = /<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g;

/** The shell's stylesheets as the built files hold them (those it links and `files` has). */
export function shellStyles(index: string, files: ReadonlyMap<string, { body: Buffer }>): Map<string, string> {
  const styles = new Map<string, string>();
  for (const [, href = ''] of index.matchAll(SHELL_STYLESHEET)) {
    const file = files.get(`/${href}`);
    if (file) styles.set(href, file.body.toString('utf8'));
  }
  return styles;
}

/** index.html's entry module and its preloads (built by Vite: `crossorigin`, absolute paths). */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">/g;

/**
 * The page's modules asked for once it has painted (boot.ts, MODULES_SCRIPT) instead of by the
 * tags index.html has for them in its head, which a rendered page does not need to paint: the
 * entry, the modules index.html preloads for it (`run`, each run in a task of its own before the
 * entry), and the page's own modules (`pageModules`, preloaded). `html` unchanged where it names
 * no entry module (the development server's index.html).
 */
function modulesAfterPaint(html: string, pageModules: readonly string[]): string {
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (entry === undefined) return html;
  const run = [...html.matchAll(MODULE_PRELOAD)].map(([, href = '']) => href);
  const preload = [...new Set(pageModules.map((file) => `/${file}`))].filter((href) => !run.includes(href));
  const list = `<script type="application/json" id="${MODULES_ELEMENT_ID}">${scriptJson({ entry, run, preload })}</script>`;
  return html
    .replace(ENTRY_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace('</body>', () => `${list}<script>${MODULES_SCRIPT}</script></body>`);
}

/**
 * index.html (built, with the `<!--app-->…<!--/app-->` shell in #root) with `page` in it, under
 * `policy` (its Content-Security-Policy meta tag says the same as the header).
 */
export function pageHtml(index: string, page: RenderedPage, extras: PageExtras, policy: string): string {
  const head = [
    ...extras.styles.map((css) => `<style>${css}</style>`),
    ...(extras.inlined ?? []).map(inlinedLink),
    ...extras.stylesheets.map((href) => `<link rel="stylesheet" crossorigin href="/${attribute(href)}">`),
  ].join('');
  const theme = page.theme === null ? '' : ` data-theme="${attribute(page.theme)}"`;
  const state = `<script type="application/json" id="${STATE_ELEMENT_ID}">${scriptJson({ version: page.version, queries: page.state })}</script>`;
  return modulesAfterPaint(
    index
      .replace(/<html lang="[^"]*">/, () => `<html lang="${attribute(page.lang)}"${theme}>`)
      .replace(
        /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
        () => `<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">`,
      )
      // The page holds /meta's answer: the shell's preload of it would be a request for nothing.
      .replace(/<link rel="preload" as="fetch"[^>]*>/g, '')
      .replace(SHELL_STYLESHEET, (tag, href: string) => {
        const css = extras.shell?.get(href);
        return css === undefined ? tag : `<style>${css}</style>${inlinedLink(href)}`;
      })
      .replace('</head>', () => `${head}</head>`)
      .replace(/<div id="root">\s*<!--app-->[\s\S]*<!--\/app-->\s*<\/div>/, () => `<div id="root">${page.html}</div>`)
      // The page reads without JavaScript: the shell's request to enable it is not for this page.
      .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
      .replace('</body>', () => `${state}</body>`),
    extras.modules ?? [],
  );
}

/** The address's cache key: its path and its query in a canonical order. */
function pageKey(url: URL): string {
  const sorted = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `page:${url.pathname}?${new URLSearchParams(sorted).toString()}`;
}

/** A page's encodings: what a browser asks for, and the settings each is made with once per version. */
export type PageEncoding = 'br' | 'gzip';
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP = { level: 6 };
const brotliLater = promisify(brotliCompress);
const gzipLater = promisify(gzipCallback);

/**
 * A rendered page as a cached response: its ETag names the version, and it is compressed once per
 * encoding. Only the encoding the request asks for is made before answering; the other is made
 * afterwards on the thread pool, for the next request that asks for it (until then such a request
 * is answered uncompressed, as for a client that takes neither).
 */
function pageEntity(html: string, version: number, asked: PageEncoding | null): CachedResponse {
  const body = Buffer.from(html);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  const entity: CachedResponse = { body, etag: `"p${version}-${hash}"` };
  if (asked === 'br') entity.br = brotliCompressSync(body, BROTLI);
  if (asked === 'gzip') entity.gzip = gzipSync(body, GZIP);
  setImmediate(() => {
    void Promise.all([
      entity.br ? null : brotliLater(body, BROTLI).then((br) => (entity.br = br)),
      entity.gzip ? null : gzipLater(body, GZIP).then((gzip) => (entity.gzip = gzip)),
    ]).catch(() => undefined);
  });
  return entity;
}

/** Each rendered page's Content-Security-Policy. */
const policies = new WeakMap<CachedResponse, string>();

/**
 * The page at `url` rendered from the published version (from the version's cache when it has
 * been rendered before) and its Content-Security-Policy (`policy`, the shell's, with what the page
 * needs), or null: the shell `index` is served instead. `asked` is the encoding the request takes
 * (brotli where it is not said: every browser asks for it).
 */
export async function renderedPage(
  { renderer, service, fetch, logger, files }: PageRendering,
  index: string,
  policy: string,
  url: URL,
  asked: PageEncoding | null = 'br',
): Promise<{ entity: CachedResponse; policy: string } | null> {
  let snapshot;
  try {
    snapshot = await service.current();
  } catch {
    // The database is not ready: the browser's app says so.
    return null;
  }
  const { id } = snapshot.version;
  try {
    const entity = await service.cached(snapshot, pageKey(url), async () => {
      const started = performance.now();
      const page = await renderer.render(url, fetch, AbortSignal.timeout(renderLimits.timeoutMs));
      if (page.failed > 0) throw new LeftToBrowser(`${page.failed} of its queries failed`);
      if (page.version !== String(id)) throw new LeftToBrowser(`rendered from version ${page.version ?? '?'}`);
      const inlined: string[] = [];
      const extras: PageExtras = {
        styles: [],
        inlined,
        stylesheets: [],
        shell: shellStyles(index, files),
        modules: pageModules(renderer.manifest, page.page),
      };
      for (const href of pageStylesheets(renderer.manifest, page.page)) {
        const file = files.get(`/${href}`);
        if (!file) {
          extras.stylesheets.push(href);
          continue;
        }
        extras.styles.push(file.body.toString('utf8'));
        inlined.push(href);
      }
      const ownPolicy = pagePolicy(policy, page.html, [...(extras.shell?.values() ?? []), ...extras.styles]);
      const rendered = pageEntity(pageHtml(index, page, extras, ownPolicy), id, asked);
      policies.set(rendered, ownPolicy);
      logger.debug({ path: url.pathname, version: id, ms: Math.round(performance.now() - started) }, 'page rendered');
      return rendered;
    });
    return { entity, policy: policies.get(entity) ?? policy };
  } catch (error) {
    if (error instanceof LeftToBrowser) {
      logger.debug({ path: url.pathname, reason: error.message }, 'page left to the browser');
    } else {
      logger.error({ err: error, path: url.pathname, version: id }, 'server render failed: serving the app shell');
    }
    return null;
  }
}
