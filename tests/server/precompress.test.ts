/**
 * The built app's compressed forms: written by the build beside each file (`precompress`, called
 * by vite.config.ts), read by the data service at start instead of compressing the app anew.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadApp, precompress } from '../../server/static';

const script = `console.log(${JSON.stringify('北碚'.repeat(800))});`;

describe('the build’s compressed forms', () => {
  let dist = '';
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'beibei-precompress-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'server'));
    writeFileSync(join(dist, 'index.html'), `<!doctype html><html><body>${'app '.repeat(400)}</body></html>`);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), JSON.stringify({ mappings: 'A'.repeat(4000) }));
    writeFileSync(join(dist, 'assets', 'tiny-abc123.css'), 'a{color:red}');
    writeFileSync(join(dist, 'assets', 'logo-abc123.png'), Buffer.alloc(4000, 1));
    writeFileSync(join(dist, 'server', 'entry-server.js'), script);
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('are written beside each file sent compressed: text over a kilobyte, not source maps, images or the server’s own files', async () => {
    expect(await precompress(dist)).toBe(2);
    expect(readdirSync(dist).sort()).toEqual(['assets', 'index.html', 'index.html.br', 'index.html.gz', 'server']);
    expect(readdirSync(join(dist, 'assets')).sort()).toEqual([
      'index-abc123.js',
      'index-abc123.js.br',
      'index-abc123.js.gz',
      'index-abc123.js.map',
      'logo-abc123.png',
      'tiny-abc123.css',
    ]);
    expect(readdirSync(join(dist, 'server'))).toEqual(['entry-server.js']);
    const app = loadApp(dist);
    const file = app?.files.get('/assets/index-abc123.js');
    expect(brotliDecompressSync(file!.br!).toString()).toBe(script);
    expect(gunzipSync(file!.gzip!).toString()).toBe(script);
    // The forms are not addresses of their own.
    expect([...app!.files.keys()].sort()).toEqual([
      '/assets/index-abc123.js',
      '/assets/index-abc123.js.map',
      '/assets/logo-abc123.png',
      '/assets/tiny-abc123.css',
      '/index.html',
    ]);
  });

  it('are what the service sends, read rather than made again, unless the file was written after them', async () => {
    await precompress(dist);
    const js = join(dist, 'assets', 'index-abc123.js');
    // Forms that say something else than the file show which the service took.
    writeFileSync(`${js}.br`, brotliCompressSync('the build’s brotli'));
    writeFileSync(`${js}.gz`, gzipSync('the build’s gzip'));
    const read = loadApp(dist)?.files.get('/assets/index-abc123.js');
    expect(brotliDecompressSync(read!.br!).toString()).toBe('the build’s brotli');
    expect(gunzipSync(read!.gzip!).toString()).toBe('the build’s gzip');

    // The file changed after its forms were written: they are stale, and made again from it.
    const later = new Date(Date.now() + 60_000);
    utimesSync(js, later, later);
    const made = loadApp(dist)?.files.get('/assets/index-abc123.js');
    expect(brotliDecompressSync(made!.br!).toString()).toBe(script);
    expect(gunzipSync(made!.gzip!).toString()).toBe(script);
  });

  it('are made at start for a build that has none', () => {
    const file = loadApp(dist)?.files.get('/index.html');
    expect(brotliDecompressSync(file!.br!).toString()).toContain('<body>app app');
    expect(readdirSync(dist)).not.toContain('index.html.br');
  });
});
