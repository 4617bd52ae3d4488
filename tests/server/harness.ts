/**
 * Starting the data service inside a test: on PGlite in memory, or on the PostgreSQL server of
 * TEST_DATABASE_URL (a throwaway database: its public schema is emptied first). Requests go
 * through the Hono app without a socket; `spawnServer` runs the real process for the tests
 * that need one (signals, crashes, configuration errors).
 */
import { saveUser } from '../../server/auth/accounts';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import pg from 'pg';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { createApp } from '../../server/app';
import type { AppOptions } from '../../server/app';
import { openPglite, openPostgres } from '../../server/db/client';
import type { Db } from '../../server/db/client';
import { DataService } from '../../server/service';
import type { App } from '../../server/static';

export const silent = pino({ level: 'silent' });

const nodeModules = new URL('../../node_modules/', import.meta.url);
const pgliteVersion = (
  JSON.parse(readFileSync(new URL('@electric-sql/pglite/package.json', nodeModules), 'utf8')) as { version: string }
).version;

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? null;

/**
 * PGlite's initdb takes 3–5 s; loading a copy of a new cluster well under one. The copy is made
 * once per PGlite version and kept in node_modules/.cache (written whole, then renamed into
 * place, so a worker never reads half a file); each test worker reads it once.
 */
const CLUSTER_CACHE = fileURLToPath(new URL(`.cache/beibei-tests/pglite-${pgliteVersion}-initdb.tar`, nodeModules));

async function newCluster(): Promise<Blob> {
  try {
    return new Blob([await readFile(CLUSTER_CACHE)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  await db.close();
  await mkdir(dirname(CLUSTER_CACHE), { recursive: true });
  const part = `${CLUSTER_CACHE}.${process.pid}.${threadId}.part`;
  await writeFile(part, new Uint8Array(await dump.arrayBuffer()));
  await rename(part, CLUSTER_CACHE);
  return dump;
}

let blankCluster: Promise<Blob> | null = null;

/**
 * An empty embedded database in memory, as `openPglite('memory://')` opens it, started from a
 * copy of a new cluster (see CLUSTER_CACHE). Migrations and seeding still run on it as on a new
 * data directory.
 */
export async function memoryPglite(): Promise<Db> {
  blankCluster ??= newCluster();
  return openPglite('memory://', { loadDataDir: await blankCluster });
}

/** Empties the test PostgreSQL database (only ever the one named by TEST_DATABASE_URL). */
/**
 * A database of the calling test file's own on the test server, created on first use: test files
 * run side by side, and one emptying its database must not pull another's tables away. Where the
 * role may not create databases, the shared one (TEST_DATABASE_URL) is used.
 */
export async function ownTestPostgres(name: string): Promise<string> {
  const base = new URL(TEST_DATABASE_URL ?? '');
  const database = `${base.pathname.slice(1)}_${name}`.replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: base.href });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } catch {
    return base.href;
  } finally {
    await client.end();
  }
  const own = new URL(base.href);
  own.pathname = `/${database}`;
  return own.href;
}

export async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

export interface TestServer {
  service: DataService;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
}

export interface StartOptions {
  open?: () => Promise<Db>;
  seed?: () => Dataset;
  app?: App | null;
  /** The server's READ_ACCESS: `login` closes the figures to anyone not signed in. */
  readAccess?: AppOptions['readAccess'];
}

/**
 * An editor created on `server` and signed in: the session cookie to send and the CSRF token every
 * change needs.
 */
export async function signInEditor(
  server: TestServer,
  name = '王芳',
  password = 'correct horse battery',
): Promise<{ cookie: string; csrf: string }> {
  await saveUser(server.service.database(), name, password);
  const res = await server.request('/api/v1/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A started service (migrated, seeded, ready) with its HTTP app. */
export async function startService({
  open,
  seed = () => reportDataset,
  app = null,
  readAccess,
}: StartOptions = {}): Promise<TestServer> {
  const service = new DataService({
    open: open ?? memoryPglite,
    seed,
    logger: silent,
    pollMs: 3_600_000,
  });
  await service.start();
  const hono = createApp({ service, app, logger: silent, readAccess });
  return {
    service,
    request: async (path, init) => hono.request(path, init),
    stop: () => service.stop(),
  };
}

export const openTestPostgres = (url: string) => () => Promise.resolve(openPostgres(url, () => undefined));

/**
 * The server as a process (`node --import tsx server/main.ts`), or another of its entry points
 * (`server/cli.ts …`), with its output collected.
 */
export function spawnServer(
  env: Record<string, string>,
  args: readonly string[] = ['server/main.ts'],
): {
  child: ChildProcessWithoutNullStreams;
  /** Standard output and error, as they came. */
  output: () => string;
  stdout: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
  });
  let out = '';
  let stdout = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    collect(chunk);
  });
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stdout: () => stdout,
    exited,
    waitFor: (pattern, ms = 120_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${String(pattern)} in the server's output within ${ms / 1000} s:\n${out.slice(-3000)}`));
        }, ms);
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(out)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`the server exited before ${String(pattern)}:\n${out.slice(-3000)}`));
          }
        });
        check();
      }),
  };
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
