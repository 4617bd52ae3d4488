/**
 * One small interface over the two databases the service runs on: PGlite (PostgreSQL compiled
 * to WebAssembly, in this process, files in DATA_DIR) and a PostgreSQL server (DATABASE_URL).
 * Queries are plain SQL with $1… parameters; no value is ever spliced into SQL text.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { ServiceError } from '../errors';

export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a trusted script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: it commits if `fn` resolves and rolls back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached (or is not ready): the API answers 503 with Retry-After and the
 * service keeps trying. `reason` (a message, or the driver's error) goes to the log, not to clients.
 */
export const databaseUnavailable = (reason: unknown) =>
  new ServiceError(
    'unavailable',
    'The database is not reachable at the moment; the figures will be back when it answers.',
    { headers: { 'Retry-After': '5' }, cause: reason instanceof Error ? reason : new Error(String(reason)) },
  );

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);

/** Whether an error means "the database is not there" rather than "this query is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof ServiceError) return error.kind === 'unavailable';
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (CONNECTION_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P03')
  ) {
    return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message)
  );
}

/** `Sql` over a driver's connection (a pool, a client, PGlite, a transaction): `exec` runs a script. */
function sqlOf(
  connection: { query: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }> },
  exec: (script: string) => Promise<unknown>,
): Sql {
  return {
    async query<R extends object>(text: string, params: readonly unknown[] = []) {
      return (await connection.query(text, params as unknown[])).rows as R[];
    },
    async exec(script) {
      await exec(script);
    },
  };
}

export function openPostgres(url: string, onIdleError: (error: Error) => void): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must not crash the process; the pool reconnects.
  pool.on('error', onIdleError);
  const wrap = (client: pg.Pool | pg.PoolClient) => sqlOf(client, (script) => client.query(script));
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A PGlite database may be opened by one process at a time: a second server (or a command) on
 * the same DATA_DIR is refused with the first one's process id instead of corrupting it.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'server.pid');
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      alive = Number.isInteger(holder) && holder > 0 && holder !== process.pid && process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`DATA_DIR ${dir} is in use by process ${holder}; stop it first or set another DATA_DIR`);
    // Left behind by a process that no longer runs (a crash): take it over.
    rmSync(lockFile, { force: true });
    return lockDataDir(dir);
  }
  return () => rmSync(lockFile, { force: true });
}

/** The embedded database's settings (postgresql.conf lines). */
export const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'min_wal_size = 32MB', 'max_wal_size = 32MB'];

export interface PgliteOptions {
  /** A cluster saved by `dumpDataDir` to start from instead of running initdb (tests start many databases). */
  loadDataDir?: Blob;
}

export async function openPglite(dataDir: string, { loadDataDir }: PgliteOptions = {}): Promise<Db> {
  const memory = dataDir === 'memory://';
  const unlock = memory ? () => undefined : lockDataDir(dataDir);
  let db: PGlite;
  try {
    // A district's figures fit in a few MB: small buffers keep the process's memory low, and a
    // checkpoint keeps 2 segments of write-ahead log (32 MB) where PostgreSQL keeps 5 (80 MB) or
    // more: there is no replica to feed, and the log was half of a three-year database's disk.
    const options = { postgresqlconf: PGLITE_SETTINGS, loadDataDir };
    db = await PGlite.create(memory ? options : { ...options, dataDir: join(dataDir, 'pgdata') });
  } catch (error) {
    unlock();
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>) => sqlOf(q, (script) => q.exec(script));
  return {
    kind: 'pglite',
    ...wrap(db),
    // PGlite runs one statement at a time; its transaction holds the database until it ends.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
      unlock();
    },
  };
}

/**
 * After a publish, PGlite's write-ahead log is cut back to its minimum (`min_wal_size`): it runs
 * no checkpointer process, so without this the log of every version published grew until the
 * database was closed. A PostgreSQL server's own checkpointer does this there. The data is
 * committed before: a failed checkpoint loses nothing, and the next one catches up.
 */
export async function trimLog(db: Db): Promise<void> {
  if (db.kind === 'pglite') await db.exec('CHECKPOINT').catch(() => undefined);
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<Db> {
  if (config.databaseUrl) {
    return Promise.resolve(
      openPostgres(config.databaseUrl, (error) => logger.warn({ err: error }, 'a PostgreSQL connection was lost')),
    );
  }
  return openPglite(config.dataDir);
}
