/**
 * The data service's state: the database (opened, migrated and seeded in the background until
 * it answers), the published version, and the responses already computed for it. A wall of
 * screens asking for the same figures costs one query per version, not one per screen.
 */
import type { Logger } from 'pino';
import { safeParse } from 'zod/mini';
import type { Dataset, Figures } from '../data/dataset';
import type { DataVersion } from '../src/api/meta';
import { ProjectSchema } from '../src/api/projects';
import type { ProjectDetail } from '../src/api/projects';
import { indexProjects, listed } from './answers/projects';
import type { ProjectIndex } from './answers/projects';
import { databaseUnavailable, isConnectionError } from './db/client';
import type { Db } from './db/client';
import { loadFigures } from './db/figures';
import { migrate } from './db/migrate';
import { loadProjects } from './db/projects';
import { seedIfEmpty } from './db/seed';
import { publishedVersion } from './db/versions';

/** A computed answer, kept until a new version is published. */
export interface CachedResponse {
  body: Buffer;
  etag: string;
  /** Compressed forms, made on first demand. */
  gzip?: Buffer;
  br?: Buffer;
}

/** The published version with what has been answered from it. */
export interface Snapshot {
  version: DataVersion;
  figures: Figures;
  /**
   * The version's project list, ready for searching in memory: a published version never
   * changes, and a scan of 10,000 projects in memory takes about a millisecond where the
   * embedded database needs ten.
   */
  projects: ProjectIndex;
  responses: Map<string, { answer: Promise<CachedResponse>; bytes: number }>;
  /** What the cached answers take, roughly: their bodies and compressed forms. */
  cachedBytes: number;
  /** Of which project searches. */
  searchBytes: number;
}

/**
 * The version's projects, each checked against the contract once when the version is loaded, so
 * the list's pages (built from them by code) need no check of their own per answer.
 */
function checkedProjects(projects: ProjectDetail[]): ProjectDetail[] {
  projects.forEach((project, i) => {
    const result = safeParse(ProjectSchema, listed(project));
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `project ${i} (${project.id}) breaks the contract at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      );
    }
  });
  return projects;
}

/**
 * The per-version cache of answers, by size. Figures — `/meta`, `/kpis`, `/sectors`, a project —
 * are a bounded set per version: up to 64 MiB of them stay, which holds every `/kpis` and
 * `/sectors` answer of three years of months (481 of each: 37 periods × the district and 12
 * sectors, about 35 MiB counted with their compressed forms), so readers going through the months
 * do not wait for one computed again. Project searches are as many as their filters: they take
 * turns in what the figures leave of 16 MiB, and in 4 MiB at least.
 */
export const CACHE_LIMITS = { figures: 64 * 1024 * 1024, searches: 16 * 1024 * 1024, searchesAtLeast: 4 * 1024 * 1024 };

/** A project list's answer: one of as many as there are filters, sorts and pages. */
const isSearch = (key: string) => key.startsWith('/api/v1/projects?');

/** Drops the least recently used answers of a kind over its limit (never `keep`, the one just added). */
function evictOverLimits(snapshot: Snapshot, keep: string): void {
  const { figures, searches, searchesAtLeast } = CACHE_LIMITS;
  const over = (search: boolean) => {
    const figureBytes = snapshot.cachedBytes - snapshot.searchBytes;
    return search ? snapshot.searchBytes > Math.max(searchesAtLeast, searches - figureBytes) : figureBytes > figures;
  };
  for (const [oldest, old] of snapshot.responses) {
    if (!over(true) && !over(false)) return;
    const search = isSearch(oldest);
    if (oldest === keep || !over(search)) continue;
    snapshot.responses.delete(oldest);
    snapshot.cachedBytes -= old.bytes;
    if (search) snapshot.searchBytes -= old.bytes;
  }
}

export interface ServiceOptions {
  open: () => Promise<Db>;
  seed: () => Dataset;
  logger: Logger;
  pollMs: number;
  /** Waits between attempts to open the database; the last one repeats. */
  retryMs?: readonly number[];
}

export type ServiceState = 'starting' | 'ready' | 'unavailable' | 'stopping';

export class DataService {
  state: ServiceState = 'starting';
  private db: Db | null = null;
  /** Migrated and seeded: queries may run (they may still fail if the database goes away). */
  private initialized = false;
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastProblem = '';
  private readonly options: ServiceOptions;
  private warmer: ((snapshot: Snapshot) => Promise<void>) | null = null;

  constructor(options: ServiceOptions) {
    this.options = options;
  }

  /** Opens, migrates and seeds; on failure keeps trying in the background (by default 1 s, 2 s, 5 s, then every 10 s). */
  async start(): Promise<void> {
    const delays = this.options.retryMs ?? [1000, 2000, 5000, 10_000];
    for (let attempt = 0; this.state !== 'stopping'; attempt++) {
      try {
        await this.init();
        this.initialized = true;
        this.state = 'ready';
        this.lastProblem = '';
        this.options.logger.info({ version: this.snapshot?.version }, 'database ready');
        this.timer = setInterval(() => void this.poll(), this.options.pollMs);
        this.timer.unref();
        return;
      } catch (error) {
        this.state = 'unavailable';
        this.warnOnce(error, 'database not ready; retrying');
        await new Promise((resolve) =>
          setTimeout(resolve, delays[Math.min(attempt, delays.length - 1)] ?? 10_000).unref(),
        );
      }
    }
  }

  private async init(): Promise<void> {
    this.db ??= await this.options.open();
    const applied = await migrate(this.db);
    if (applied.length > 0) this.options.logger.info({ migrations: applied }, 'migrations applied');
    const seeded = await seedIfEmpty(this.db, this.options.seed, () =>
      this.options.logger.info('seeding the first data version (one transaction)'),
    );
    if (seeded !== null) this.options.logger.info({ version: seeded }, 'seeded the first data version');
    this.snapshot = await this.load();
  }

  private warnOnce(error: unknown, message: string) {
    // An unavailable database's reason is its cause: a new reason is a new problem.
    const reason = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const text = error instanceof Error ? `${error.message}${reason}` : String(error);
    if (text === this.lastProblem) return;
    this.lastProblem = text;
    this.options.logger.warn({ err: error }, message);
  }

  /** The database; while it is not ready, a ServiceError of kind `unavailable`. */
  database(): Db {
    if (!this.db || !this.initialized) throw databaseUnavailable('the database is not ready');
    return this.db;
  }

  /** The published version and its cache; loads it on first use and after a publish. */
  async current(): Promise<Snapshot> {
    if (this.snapshot) return this.snapshot;
    if (!this.initialized) throw databaseUnavailable('the database is not ready');
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    if (!this.db) throw databaseUnavailable('the database is not open');
    const version = await publishedVersion(this.db);
    if (!version) throw databaseUnavailable('no data version has been published');
    const snapshot: Snapshot = {
      version,
      figures: await loadFigures(this.db, version.id),
      projects: indexProjects(checkedProjects(await loadProjects(this.db, version.id))),
      responses: new Map(),
      cachedBytes: 0,
      searchBytes: 0,
    };
    this.snapshot = snapshot;
    this.warm(snapshot);
    return snapshot;
  }

  /** The version loaded now, if one is (no load is started). */
  loaded(): Snapshot | null {
    return this.snapshot;
  }

  /**
   * Has `warm` run for each version once it is loaded, in the background (see server/warm.ts);
   * a version that is replaced is loaded again at once, not at the next reader's request.
   */
  warmWith(warm: (snapshot: Snapshot) => Promise<void>): void {
    this.warmer = warm;
    if (this.snapshot) this.warm(this.snapshot);
  }

  private warm(snapshot: Snapshot) {
    void this.warmer?.(snapshot).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'computing the answers ahead of readers failed');
    });
  }

  /** Looks for a version published by another process; drops the cache when there is one. */
  async poll(): Promise<void> {
    if (!this.db || !this.initialized || this.state === 'stopping') return;
    try {
      const version = await publishedVersion(this.db);
      if (this.state === 'unavailable') this.state = 'ready';
      if (version && version.id !== this.snapshot?.version.id) {
        this.options.logger.info({ from: this.snapshot?.version.id, to: version.id }, 'new data version');
        this.invalidate();
      }
      this.lastProblem = '';
    } catch (error) {
      if (isConnectionError(error)) this.state = 'unavailable';
      this.warnOnce(error, 'cannot check the published data version');
    }
  }

  /** Forget the current version's responses (a new version was published by this process). */
  invalidate(): void {
    this.snapshot = null;
    if (this.warmer && this.state !== 'stopping') {
      setImmediate(() => {
        if (this.state !== 'stopping') this.current().catch(() => undefined);
      });
    }
  }

  /** The response for `key` in this version: computed once, then served from memory. */
  cached(snapshot: Snapshot, key: string, compute: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const { responses } = snapshot;
    const hit = responses.get(key);
    if (hit) {
      // Most recently used last, so the least recently used is the first to go.
      responses.delete(key);
      responses.set(key, hit);
      return hit.answer;
    }
    const entry = { answer: compute(), bytes: 0 };
    responses.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (responses.get(key) !== entry) return;
        // Room for the gzip and brotli forms made later (a fifth of the body at most, for JSON).
        entry.bytes = Math.ceil(answer.body.length * 1.4) + key.length;
        snapshot.cachedBytes += entry.bytes;
        if (isSearch(key)) snapshot.searchBytes += entry.bytes;
        evictOverLimits(snapshot, key);
      },
      () => {
        if (responses.get(key) === entry) responses.delete(key);
      },
    );
    return entry.answer;
  }

  /** Whether the database answers now (readiness). */
  async ping(): Promise<boolean> {
    if (!this.db || !this.initialized || this.state === 'stopping') return false;
    try {
      await this.db.query('SELECT 1');
      if (this.state === 'unavailable') void this.poll();
      return true;
    } catch (error) {
      if (isConnectionError(error)) this.state = 'unavailable';
      return false;
    }
  }

  async stop(): Promise<void> {
    this.state = 'stopping';
    if (this.timer) clearInterval(this.timer);
    const db = this.db;
    this.db = null;
    await db?.close();
  }
}
