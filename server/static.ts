/**
 * The built app (dist/), read into memory once at start with gzip and brotli forms of every
 * compressible file. A request is answered only for a path that is exactly one of these files,
 * so no request can reach a file outside dist/, however its path is encoded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SSR_ENTRY } from './render/renderer';

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

/** What the build writes for this server, not for browsers: its manifest and the SSR bundle. */
const NOT_SERVED = new Set(['.vite', dirname(SSR_ENTRY)]);

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_SERVED.has(relative(root, path)) ? [] : walk(path, root);
    return entry.isFile() ? [path] : [];
  });
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
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
    const type = TYPES[ext] ?? 'application/octet-stream';
    const body = readFileSync(path);
    const file: StaticFile = {
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/assets/'),
    };
    if (COMPRESSIBLE.test(type) && body.length > 1024 && ext !== 'map') {
      file.gzip = gzipSync(body, { level: 9 });
      file.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    }
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
