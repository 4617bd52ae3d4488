/**
 * Set-up of every server test file: uploads are checked in worker threads running
 * server/import/prepare-thread.mjs bundled ahead with the packages it loads, in one file (tsx's
 * loader left out, as there is nothing left to compile): the same code, which a new thread loads
 * in 0.15 s of CPU time instead of 0.9, and every upload starts a thread. The script as the
 * service runs it, registering tsx in each thread, is checked by import-limits.test.ts here and
 * by every upload of tests/processes/.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
    // Its packages too: a thread then loads one file, not a few hundred resolved one by one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
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
    // Bundles of code changed since, unused for a day, go.
    for (const name of await readdir(CACHE)) {
      const old = new URL(name, CACHE);
      if (/^prepare-thread-/.test(name) && Date.now() - (await stat(old)).mtimeMs > 86_400_000)
        await rm(old, { force: true });
    }
  }
  return script;
}

const shared = globalThis as { beibeiThreadScript?: Promise<URL> };
setThreadScript(await (shared.beibeiThreadScript ??= bundleThread()));
