/**
 * A data service of a test file's own, for tests that write (publish, sign in) or need another
 * configuration than the `real-server` project's shared server, which is public and read-only:
 * the server as a process on a copy of the run's database (editor.ts: the report's data and the
 * editor's account) in a temporary directory, serving that project's build.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../../server/harness';
import { test } from '../fixtures';
import { templateDir } from './editor';

const SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 4180);
const DIST_DIR = `dist-e2e-server-${SERVER_PORT}`;

export interface OwnServer {
  baseUrl: string;
  /** The address of `path` on this server. */
  url: (path: string) => string;
  /** Stops the server (SIGTERM) and removes its database. */
  stop: () => Promise<void>;
}

async function waitUntilReady(url: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`${url}/readyz did not answer 200 within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `dir`, once it is there: the run's database is moved into place when it is made, while the apps build. */
async function made(dir: string, ms: number) {
  for (const until = Date.now() + ms; !existsSync(dir);) {
    if (Date.now() > until) throw new Error(`the run's database did not appear at ${dir} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return dir;
}

/**
 * Starts the server on a copy of the run's database, with `env` added to its configuration, and
 * waits until it is ready. Call from a `beforeAll` given a few minutes: the server starts PGlite.
 */
export async function startOwnServer({ env = {} }: { env?: Record<string, string> } = {}): Promise<OwnServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'beibei-e2e-db-'));
  let baseUrl = '';
  let server: ReturnType<typeof spawnServer> | null = null;
  const stop = async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await cp(await made(templateDir(SERVER_PORT), 180_000), dataDir, { recursive: true });

    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const started = spawnServer({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIST_DIR,
      LOG_LEVEL: 'warn',
      ...env,
    });
    server = started;
    await Promise.race([
      waitUntilReady(baseUrl, 240_000),
      started.exited.then((code) => {
        throw new Error(`the server exited (${String(code)}) before it was ready:\n${started.output()}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, url: (path) => `${baseUrl}${path}`, stop };
}

/**
 * A test file's own server: started before its tests (a `beforeAll` given five minutes: the server
 * starts PGlite), stopped after them. Returns the address of a path on it; asking before it has
 * started is an error.
 */
export function ownServerOfFile(options: Parameters<typeof startOwnServer>[0] = {}): (path: string) => string {
  let server: OwnServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = await startOwnServer(options);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return (path) => {
    if (!server) throw new Error('the server did not start');
    return server.url(path);
  };
}
