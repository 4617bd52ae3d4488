/**
 * The built app (dist/), read into memory once at start with gzip and brotli forms of every
 * compressible file. A request is answered only for a path that is exactly one of these files,
 * so no request can reach a file outside dist/, however its path is encoded.
 *
 * The build writes those forms beside each file (`precompress`, called by vite.config.ts); the
 * service reads them, and compresses at start only what the build did not (2 s of CPU, at
 * brotli's best quality, for every start of the process otherwise).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { BrotliOptions, ZlibOptions } from 'node:zlib';
import { SSR_ENTRY } from './render/renderer.ts';

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
  /** Hashed build assets never change under their name. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
  webmanifest: 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
const typeOf = (path: string) => TYPES[extensionOf(path)] ?? 'application/octet-stream';
/** Sent compressed: text of more than a kilobyte, source maps apart (developer tools fetch them, rarely). */
const compressible = (path: string, size: number) =>
  COMPRESSIBLE.test(typeOf(path)) && size > 1024 && extensionOf(path) !== 'map';

/** The compressed forms, each with the suffix of the file the build writes it to. */
const GZIP: ZlibOptions = { level: 9 };
const BROTLI: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
const FORMS = { gzip: '.gz', br: '.br' } as const;

/** What the build writes for this server, not for browsers: its manifest and the SSR bundle. */
const NOT_SERVED = new Set(['.vite', dirname(SSR_ENTRY)]);

/** The files of the build that are served, without the compressed forms written beside them. */
function walk(dir: string, root = dir): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  const form = (name: string) =>
    Object.values(FORMS).some((suffix) => names.has(name.slice(0, -suffix.length)) && name.endsWith(suffix));
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_SERVED.has(relative(root, path)) ? [] : walk(path, root);
    return entry.isFile() && !form(entry.name) ? [path] : [];
  });
}

/**
 * Writes the gzip and brotli forms of every compressible file of the build in `distDir` beside
 * it (`index.html.gz`, `index.html.br`), for `loadApp` to read. Returns how many files it compressed.
 */
export async function precompress(distDir: string): Promise<number> {
  const files = walk(distDir).filter((path) => compressible(path, statSync(path).size));
  // Asynchronous: the files are compressed side by side, off the build's thread.
  await Promise.all(
    files.map(async (path) => {
      const body = readFileSync(path);
      const [gz, br] = await Promise.all([promisify(gzip)(body, GZIP), promisify(brotliCompress)(body, BROTLI)]);
      await Promise.all([writeFile(path + FORMS.gzip, gz), writeFile(path + FORMS.br, br)]);
    }),
  );
  return files.length;
}

/** The compressed forms of `path`: the build's, when it wrote both after the file; made now otherwise. */
function compressedForms(path: string, body: Buffer): { gzip: Buffer; br: Buffer } {
  const written = statSync(path).mtimeMs;
  const fresh = (form: string) => existsSync(form) && statSync(form).mtimeMs >= written;
  const gz = path + FORMS.gzip;
  const br = path + FORMS.br;
  if (fresh(gz) && fresh(br)) return { gzip: readFileSync(gz), br: readFileSync(br) };
  return { gzip: gzipSync(body, GZIP), br: brotliCompressSync(body, BROTLI) };
}

export interface App {
  files: Map<string, StaticFile>;
  /** The Content-Security-Policy the build put in index.html, to send as a header too. */
  csp: string | null;
  /** A build that serves mock data in the browser instead of calling this server. */
  mockBuild: boolean;
}

export function loadApp(distDir: string): App | null {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const files = new Map<string, StaticFile>();
  for (const path of walk(distDir)) {
    const urlPath = `/${relative(distDir, path).split(sep).join('/')}`;
    const body = readFileSync(path);
    const file: StaticFile = {
      body,
      type: typeOf(path),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/assets/'),
      ...(compressible(path, body.length) ? compressedForms(path, body) : {}),
    };
    files.set(urlPath, file);
  }
  const html = files.get('/index.html')?.body.toString('utf8') ?? '';
  const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html)?.[1];
  const csp =
    attribute
      ?.replace(/&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&') ?? null;
  return { files, csp, mockBuild: files.has('/mockServiceWorker.js') };
}
