/**
 * Set-up of every server test file: uploads are checked in worker threads running
 * server/import/prepare-thread.mjs bundled ahead (tsx's loader left out, as there is nothing left
 * to compile): the same code, which a new thread loads in about half the time. The script as the
 * service runs it, registering tsx in each thread, is checked by import-limits.test.ts here and
 * by every upload of tests/processes/.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { build } from 'esbuild';
import { setThreadScript } from '../../server/import/worker';

const CACHE = new URL('../../node_modules/.cache/beibei-tests/', import.meta.url);

async function bundleThread(): Promise<URL> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('../../server/import/prepare-thread.mjs', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'without-tsx',
        setup(bundler) {
          bundler.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: 'tsx', namespace: 'without-tsx' }));
          bundler.onLoad({ filter: /.*/, namespace: 'without-tsx' }, () => ({
            contents: 'export const register = () => {};',
          }));
        },
      },
    ],
  });
  const code = outputFiles[0]!.contents;
  // Named by its content, written whole and renamed into place: workers and runs side by side share it.
  const script = new URL(`prepare-thread-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`, CACHE);
  if (!existsSync(script)) {
    await mkdir(CACHE, { recursive: true });
    const part = new URL(`${script.pathname}.${process.pid}.${threadId}.part`, 'file:');
    await writeFile(part, code);
    await rename(part, script);
  }
  return script;
}

const shared = globalThis as { beibeiThreadScript?: Promise<URL> };
setThreadScript(await (shared.beibeiThreadScript ??= bundleThread()));
