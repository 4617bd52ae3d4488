/**
 * Starting the data service inside a test: on PGlite in memory, or on the PostgreSQL server of
 * TEST_DATABASE_URL (a throwaway database: its public schema is emptied first). Requests go
 * through the Hono app without a socket; `spawnServer` runs the real process for the tests
 * that need one (signals, crashes, configuration errors).
 */
import { saveUser } from '../../server/auth/accounts';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import pg from 'pg';
import { afterAll, expect } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { ImportReportSchema } from '../../src/api/admin';
import type { ImportReport } from '../../src/api/admin';
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

/** Embedded databases closed by tests (emptyPglite), emptied, for the next to start on. */
const emptied: Db[] = [];
/** How many the process keeps: each holds some 100 MB. */
const KEPT = 2;

/**
 * An empty embedded database (for a test service, or a test of its own): one closed before,
 * emptied as the PostgreSQL test database is (its public schema dropped: everything the
 * migrations make is in it), else a new one. Opening one costs 0.45 s of CPU time (loading the
 * cluster, starting PostgreSQL), emptying one a few ms; migrations and seeding run on it as on a
 * new one. Closing it (a service stopping) empties it and gives it back; it answers nothing after.
 */
export async function emptyPglite(): Promise<Db> {
  const db = emptied.pop() ?? (await memoryPglite());
  let open = true;
  const live = () => {
    if (!open) throw new Error('PGlite is closed');
  };
  return {
    kind: db.kind,
    query(text, params) {
      live();
      return db.query(text, params);
    },
    exec(script) {
      live();
      return db.exec(script);
    },
    transaction(fn) {
      live();
      return db.transaction(fn);
    },
    async close() {
      if (!open) return;
      open = false;
      if (emptied.length >= KEPT) return db.close();
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      emptied.push(db);
    },
  };
}

/**
 * A database of the calling test file's own on the test server (TEST_DATABASE_URL), created on
 * first use and emptied: test files run side by side, and one emptying its database must not pull
 * another's tables away. Where the role may not create databases, the shared one is used. Its URL.
 */
export async function emptyTestPostgres(name: string): Promise<string> {
  const base = new URL(TEST_DATABASE_URL ?? '');
  const database = `${base.pathname.slice(1)}_${name}`.replace(/[^a-z0-9_]/g, '_');
  const url = new URL(base.href);
  url.pathname = `/${database}`;
  const server = new pg.Client({ connectionString: base.href });
  await server.connect();
  try {
    const found = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await server.query(`CREATE DATABASE "${database}"`);
  } catch {
    url.pathname = base.pathname;
  } finally {
    await server.end();
  }
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
  return url.href;
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

/** Signing in: POST /api/v1/admin/login through `request` (the app in this process, or a server process). */
export const login = (request: TestServer['request'], name: string, password: string) =>
  request('/api/v1/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });

/** The session cookie to send and the CSRF token every change needs, from a sign-in that succeeded. */
export async function sessionOf(res: Response): Promise<{ cookie: string; csrf: string }> {
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** An editor created on `server` and signed in: its session cookie and CSRF token. */
export async function signInEditor(
  server: TestServer,
  name = '王芳',
  password = 'correct horse battery',
): Promise<{ cookie: string; csrf: string }> {
  await saveUser(server.service.database(), name, password);
  return sessionOf(await login(server.request, name, password));
}

/** An editor signed in on a test server, sending what the admin page sends. */
export interface Editor {
  /** The session cookie (what a download needs). */
  cookie: string;
  /** A change (`path` under /api/v1), with the session cookie and the CSRF token. */
  post: (path: string, body: BodyInit, headers?: Record<string, string>) => Promise<Response>;
  /** A file uploaded and checked (200): its report. */
  upload: (bytes: Buffer, fileName: string) => Promise<ImportReport>;
  /** Publishing a checked upload with `body` (acceptWarnings, confirmRemoval). */
  publish: (id: string, body: object) => Promise<Response>;
}

export async function editorOn(server: TestServer, name?: string, password?: string): Promise<Editor> {
  const { cookie, csrf } = await signInEditor(server, name, password);
  const post: Editor['post'] = (path, body, headers = {}) =>
    server.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...headers },
      body,
    });
  return {
    cookie,
    post,
    async upload(bytes, fileName) {
      const res = await post('/admin/imports', new Uint8Array(bytes), {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(fileName),
      });
      expect(res.status).toBe(200);
      return ImportReportSchema.parse(await res.json());
    },
    publish: (id, body) =>
      post(`/admin/imports/${id}/publish`, JSON.stringify(body), { 'Content-Type': 'application/json' }),
  };
}

/** A started service (migrated, seeded, ready) with its HTTP app. */
export async function startService({
  open,
  seed = () => reportDataset,
  app = null,
  readAccess,
}: StartOptions = {}): Promise<TestServer> {
  const service = new DataService({
    open: open ?? emptyPglite,
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

/** A server process (or a command) started by `spawnServer`. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Standard output and error, as they came. */
  output: () => string;
  stdout: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  exited: Promise<number | null>;
  /** Listening and with its database ready: what a user's first request needs. */
  ready: (ms?: number) => Promise<void>;
  /** A request to it on 127.0.0.1 and its PORT. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** Stopped as a service manager stops it (SIGTERM): its exit code. */
  stop: () => Promise<number | null>;
}

/**
 * The server as a process (`node --import tsx server/main.ts`), or another of its entry points
 * (`server/cli.ts …`: `spawnCli`), with its output collected.
 */
export function spawnServer(env: Record<string, string>, args: readonly string[] = ['server/main.ts']): ServerProcess {
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
  const waitFor = (pattern: RegExp, ms = 120_000) =>
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
    });
  return {
    child,
    output: () => out,
    stdout: () => stdout,
    exited,
    waitFor,
    async ready(ms = 180_000) {
      await waitFor(/"msg":"dashboard on /, ms);
      await waitFor(/"msg":"database ready"/, ms);
    },
    request: (path, init) => fetch(`http://127.0.0.1:${env.PORT ?? '8080'}${path}`, init),
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A data command (`server/cli.ts ARGS`) as a process; `input` is written to its standard input. */
export function spawnCli(env: Record<string, string>, args: readonly string[], input?: string): ServerProcess {
  const cli = spawnServer(env, ['server/cli.ts', ...args]);
  if (input !== undefined) cli.child.stdin.end(input);
  return cli;
}

/** New temporary directories (named `prefix…`), each removed after the calling file's tests. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
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
