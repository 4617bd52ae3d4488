/**
 * The data service's configuration, from the environment, checked once at start: a bad value
 * stops the process with a message naming the variable, what it must be and what it was.
 */
import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** The embedded database's directory; `memory://` keeps it in memory (tests). Ignored with `databaseUrl`. */
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** The built app to serve. */
  distDir: string;
  /** How often to look for a newly published data version, in ms (other processes may publish). */
  versionPollMs: number;
  /** Benchmarks only: generated illustrative projects added to the first seed (never by default). */
  seedExtraProjects: number;
  /** `public` (default): anyone may read the dashboard; `login`: only signed-in editors. */
  readAccess: 'public' | 'login';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

export function readConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host) || host.length > 253) {
    throw new ConfigError(
      `HOST must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0 (got ${JSON.stringify(env.HOST)})`,
    );
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null) {
    let ok = false;
    try {
      ok = ['postgres:', 'postgresql:'].includes(new URL(databaseUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new ConfigError(
        'DATABASE_URL must be a PostgreSQL connection URL, e.g. postgres://user:password@127.0.0.1:5432/beibei (got a value that is not)',
      );
    }
  }
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(env.LOG_LEVEL)})`);
  }
  const dataDir = env.DATA_DIR?.trim() || 'var/db';
  const readAccess = env.READ_ACCESS?.trim() || 'public';
  if (readAccess !== 'public' && readAccess !== 'login') {
    throw new ConfigError(`READ_ACCESS must be public or login (got ${JSON.stringify(env.READ_ACCESS)})`);
  }
  return {
    port: integer(env, 'PORT', 8080, 1, 65535),
    host,
    dataDir: dataDir === 'memory://' ? dataDir : resolve(cwd, dataDir),
    databaseUrl,
    logLevel,
    distDir: resolve(cwd, env.DIST_DIR?.trim() || 'dist'),
    versionPollMs: integer(env, 'VERSION_POLL_MS', 2000, 100, 3_600_000),
    seedExtraProjects: integer(env, 'SEED_EXTRA_PROJECTS', 0, 0, 100_000),
    readAccess,
  };
}
