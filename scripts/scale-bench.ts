/**
 * `npm run bench:scale`: the dashboard after three years of months. On a new embedded database in
 * a temporary directory (on disk, as a server's DATA_DIR), seeded with the report:
 *  1. the scale sample's first 35 months published one by one through the monthly import
 *     (server/import/scale.ts), each timed, then the 36th (2025M12: 40 indicators, 12 sectors,
 *     2,000 projects) as the admin page handles an upload: checked in the import's worker thread
 *     (prepareInWorker), then published by an editor (publishUpload), each step timed;
 *  2. the database's size on disk, and what each table holds;
 *  3. the server started on it: `/api/v1/kpis` (every period, district-wide and for each sector)
 *     and `/api/v1/sectors` (every period, the list and each sector) — each URL once as the server
 *     first computes it (uncached, 10 at a time), then cycled under load from its cache;
 *  4. pages in Chromium at 1366×768: navigation → the page settled with its figures (the data
 *     date, the heading and no placeholder left: tests/e2e/fixtures.ts `settled`), median of 3
 *     after a warm-up.
 * Prints a table and writes bench/scale-results.json. A benchmark, not a test: a missed goal is
 * reported with what was measured, and only a server that does not start fails it.
 *
 * Environment: BENCH_SCALE_PORT (8097), BENCH_SCALE_SECONDS (10 per load run), BENCH_SCALE_SKIP_BUILD=1
 * (reuse dist-bench-scale), BENCH_SCALE_DATA_DIR (keep the database there; one already holding the
 * sample is reused, and steps 1–2 are then read from it, not timed).
 */
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { SCALE_MONTHS } from '../data/scale';
import { saveUser } from '../server/auth/accounts';
import { openPglite } from '../server/db/client';
import type { Db } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { history, publishedDataset } from '../server/db/publish';
import { seedDataset, seedIfEmpty } from '../server/db/seed';
import { officeToday } from '../server/import/prepare';
import { publishUpload } from '../server/import/publish';
import { loadScale, scaleWorkbook, scaleWorkbookName } from '../server/import/scale';
import type { ScaleStep } from '../server/import/scale';
import { prepareInWorker } from '../server/import/worker';
import {
  buildApp,
  CHROME_PATH,
  CHROMIUM_ARGS,
  LOADING_SELECTOR,
  startDetached,
  stopDetached,
  waitForServer,
} from './harness.mjs';

const PORT = Number(process.env.BENCH_SCALE_PORT ?? 8097);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 10);
const KEPT_DIR = process.env.BENCH_SCALE_DATA_DIR ?? '';
const DIST = 'dist-bench-scale';
const BASE = `http://127.0.0.1:${PORT}`;
const GOALS = { checkMs: 10_000, publishMs: 5_000, p99Ms: 50, databaseMb: 200, pageMs: 1_800 };
const PAGES = ['/', '/sectors/electronics', '/projects', '/sectors'];
const EDITOR = 'scale-bench';

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

/* ------------------------------------------------------------------------------------------ */
/* 1–2: the import and the database                                                            */

interface ImportFigures {
  months: { month: string; version: number; warnings: number; writeMs: number; loadMs: number }[];
  lastMonth: {
    month: string;
    bytes: number;
    checkMs: number;
    checkCpuMs: number;
    publishMs: number;
    publishCpuMs: number;
    warnings: number;
  };
}

async function publishAll(db: Db): Promise<ImportFigures> {
  const months = SCALE_MONTHS.slice(0, -1);
  const steps: ScaleStep[] = await loadScale(db, {
    months,
    onStep: (s) => console.log(`  ${s.month}: version ${s.version}, ${round(s.loadMs)} ms (${s.warnings} warnings)`),
  });
  const month = SCALE_MONTHS.at(-1) ?? '';
  const base = await publishedDataset(db);
  const bytes = await scaleWorkbook(month);
  await saveUser(db, EDITOR, 'a long bench password');
  // The process's CPU time besides the wall-clock time: this machine is shared, and nothing else runs here meanwhile.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const checking = performance.now();
  const checkingCpu = cpu();
  const upload = await prepareInWorker({
    bytes,
    fileName: scaleWorkbookName(month),
    base: base.dataset,
    baseVersion: base.version,
    today: officeToday(),
  });
  const checkMs = performance.now() - checking;
  const checkCpuMs = cpu() - checkingCpu;
  const { report } = upload;
  if (report.errors > 0) throw new Error(`${month}: ${report.errors} errors, e.g. ${report.issues[0]?.message.en}`);
  const publishing = performance.now();
  const publishingCpu = cpu();
  await publishUpload(db, upload, {
    editor: EDITOR,
    acceptWarnings: true,
    confirmRemoval: report.preview?.removalToConfirm,
    client: 'bench',
  });
  const publishMs = performance.now() - publishing;
  const publishCpuMs = cpu() - publishingCpu;
  console.log(
    `  ${month}: checked in ${round(checkMs)} ms (CPU ${round(checkCpuMs)} ms), published in ${round(publishMs)} ms (CPU ${round(publishCpuMs)} ms)`,
  );
  return {
    months: steps.map(({ month: m, version, warnings, writeMs, loadMs }) => ({
      month: m,
      version,
      warnings,
      writeMs: round(writeMs),
      loadMs: round(loadMs),
    })),
    lastMonth: {
      month,
      bytes: bytes.length,
      checkMs: round(checkMs),
      checkCpuMs: round(checkCpuMs),
      publishMs: round(publishMs),
      publishCpuMs: round(publishCpuMs),
      warnings: report.warnings,
    },
  };
}

/** What each table of the data holds: rows, rows per version, and its size with indexes. */
async function tables(db: Db) {
  const rows = await db.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  const out = [];
  for (const { name, bytes } of rows.slice(0, 8)) {
    // Table names come from the catalog just read, not from outside.
    const [count] = await db.query<{ n: number }>(`SELECT COUNT(*)::integer AS n FROM "${name}"`);
    out.push({ table: name, rows: count?.n ?? 0, mb: round(Number(bytes) / 2 ** 20, 1) });
  }
  const [size] = await db.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
  return { databaseMb: round(Number(size?.bytes ?? 0) / 2 ** 20, 1), tables: out };
}

const duMb = (path: string) =>
  round(Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) / 1024, 1);

/* ------------------------------------------------------------------------------------------ */
/* 3: the API                                                                                  */

let server: ChildProcess | undefined;

async function startServer(dataDir: string) {
  server = startDetached(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DIST_DIR: DIST,
    LOG_LEVEL: 'warn',
  });
  await waitForServer(`${BASE}/readyz`, 180_000);
}
process.on('exit', () => stopDetached(server));

/** The server process's resident memory in MB, or null where /proc does not say. */
function serverMemoryMb(): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server?.pid ?? 0}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * The server process's CPU time so far in ms (user + system, from /proc on Linux), or NaN: on a
 * shared machine its wall-clock latencies say as much about the other work as about the server.
 */
function serverCpuMs(): number {
  try {
    const fields =
      readFileSync(`/proc/${server?.pid ?? 0}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

/** Every URL a reader of the months can ask for, of the two endpoints, and those of the latest period. */
async function urls() {
  const meta = (await (await fetch(`${BASE}/api/v1/meta`)).json()) as {
    periods: { id: string }[];
    sectors: { id: string }[];
    defaultPeriod: string;
  };
  const sectors = meta.sectors.map((s) => s.id);
  const kpis = (p: string) => [
    `/api/v1/kpis?period=${p}`,
    ...sectors.map((s) => `/api/v1/kpis?period=${p}&sector=${s}`),
  ];
  const sectorPaths = (p: string) => [
    `/api/v1/sectors?period=${p}`,
    ...sectors.map((s) => `/api/v1/sectors/${s}?period=${p}`),
  ];
  const periods = meta.periods.map((p) => p.id);
  return {
    periods: periods.length,
    kpis: { all: periods.flatMap(kpis), latest: kpis(meta.defaultPeriod) },
    sectors: { all: periods.flatMap(sectorPaths), latest: sectorPaths(meta.defaultPeriod) },
  };
}

/** Autocannon over `paths`, each request the next path: once each (`amount`), or for SECONDS. */
async function cannon(paths: readonly string[], connections: number, once: boolean) {
  let next = 0;
  const cpuBefore = serverCpuMs();
  const result = await autocannon({
    url: BASE,
    connections,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    timeout: 30,
    ...(once ? { amount: paths.length } : { duration: SECONDS }),
    requests: [
      {
        setupRequest: (req: { path: string }) => ({ ...req, path: paths[next++ % paths.length] ?? '/' }),
      },
    ],
  });
  // Timeouts are counted among the errors too: slow, not broken.
  if (result.non2xx > 0 || result.errors > result.timeouts) {
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors from ${paths[0]} …`);
  }
  return {
    urls: paths.length,
    connections,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    timeouts: result.timeouts,
    serverCpuMsPerRequest: round((serverCpuMs() - cpuBefore) / Math.max(1, result.requests.total), 2),
  };
}

/**
 * An endpoint's answers: half its URLs computed one at a time (no queue), the other half 10 at a
 * time, each URL once, so that each answer is computed; then the latest period's URLs and every
 * URL in turn under 50 connections for SECONDS each.
 */
async function endpoint(all: readonly string[], latest: readonly string[]) {
  const [a, b] = [all.filter((_, i) => i % 2 === 0), all.filter((_, i) => i % 2 === 1)];
  const { headers } = await fetch(BASE + (latest[0] ?? '/'), { headers: { 'accept-encoding': 'br' } });
  const raw = await (await fetch(BASE + (latest[0] ?? '/'))).arrayBuffer();
  return {
    latestAnswerBytes: { raw: raw.byteLength, br: Number(headers.get('content-length') ?? 0) },
    firstAnswerSerial: await cannon(a, 1, true),
    firstAnswer10: await cannon(b, 10, true),
    latestUnderLoad: await cannon(latest, 50, false),
    everyUrlUnderLoad: await cannon(all, 50, false),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* 4: pages                                                                                    */

const settled = (loading: string) =>
  /\d/.test(document.querySelector('.app-header__asof')?.textContent ?? '') &&
  document.querySelector('main h1') !== null &&
  document.querySelectorAll(loading).length === 0;

async function pages() {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
  const out: Record<string, { medianMs: number; runsMs: number[]; domNodes: number }> = {};
  try {
    for (const path of PAGES) {
      const runs: number[] = [];
      let domNodes = 0;
      for (let i = 0; i < 4; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        await page.goto(`${BASE}${path}`, { waitUntil: 'commit' });
        await page.waitForFunction(settled, LOADING_SELECTOR, { timeout: 60_000, polling: 'raf' });
        const ms = await page.evaluate(() => performance.now());
        domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        if (i > 0) runs.push(round(ms)); // the first warms the server and the browser
        await context.close();
      }
      out[path] = { medianMs: median(runs), runsMs: runs, domNodes };
      console.log(`  ${path}: median ${median(runs)} ms (${runs.join(', ')}), ${domNodes} elements`);
    }
  } finally {
    await browser.close();
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    nproc: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  },
  goals: GOALS,
};
const dataDir = KEPT_DIR || mkdtempSync(join(tmpdir(), 'beibei-bench-scale-'));
let exitCode = 0;
try {
  if (process.env.BENCH_SCALE_SKIP_BUILD === '1' && existsSync(join(DIST, 'index.html'))) {
    console.log(`Reusing ${DIST}/`);
  } else {
    console.log(`Building ${DIST}/ …`);
    buildApp(DIST, { VITE_API_MOCKS: 'off' });
  }
  const db = await openPglite(dataDir);
  try {
    await migrate(db);
    await seedIfEmpty(db, () => seedDataset(0));
    const versions = (await history(db)).length;
    if (versions === 1) {
      console.log(`Publishing ${SCALE_MONTHS.length} months into ${dataDir}, a version each …`);
      results.import = await publishAll(db);
    } else if (versions !== SCALE_MONTHS.length + 1) {
      throw new Error(`${dataDir} holds ${versions} versions, neither the report alone nor the whole sample`);
    } else {
      console.log(`Reusing the sample in ${dataDir} (not timing the import)`);
    }
    results.database = { ...(await tables(db)), versions: (await history(db)).length };
  } finally {
    await db.close();
  }
  Object.assign(results.database as object, {
    onDiskMb: duMb(join(dataDir, 'pgdata')),
    walMb: duMb(join(dataDir, 'pgdata', 'pg_wal')),
  });

  console.log(`Starting the server on ${BASE} …`);
  await startServer(dataDir);
  // What the server reads once per version (the figures, the project index) is read before timing.
  for (const path of ['/api/v1/meta', '/api/v1/kpis', '/api/v1/sectors/electronics', '/api/v1/projects?pageSize=1']) {
    await (await fetch(BASE + path)).arrayBuffer();
  }
  const memoryBefore = serverMemoryMb();
  const all = await urls();
  const api: Record<string, unknown> = { periods: all.periods };
  for (const name of ['kpis', 'sectors'] as const) {
    api[name] = await endpoint(all[name].all, all[name].latest);
    console.log(`  /api/v1/${name}: ${JSON.stringify(api[name])}`);
  }
  // What the server holds once every answer of both endpoints is in its cache (resident memory, from /proc on Linux).
  api.serverMemoryMb = { beforeMb: memoryBefore, cachedMb: serverMemoryMb() };
  results.api = api;
  console.log('Pages (1366×768, median of 3 after a warm-up):');
  results.pages = await pages();
  (results.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map((l) => round(l, 2));
  printTable(results);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/scale-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/scale-results.json');
} catch (error) {
  exitCode = 1;
  console.error(`\nbench-scale failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  stopDetached(server);
  if (!KEPT_DIR) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

type Run = Awaited<ReturnType<typeof cannon>>;

function printTable(r: typeof results) {
  const imp = r.import as ImportFigures | undefined;
  const db = r.database as Awaited<ReturnType<typeof tables>> & { onDiskMb: number; walMb: number; versions: number };
  const api = r.api as Record<'kpis' | 'sectors', Awaited<ReturnType<typeof endpoint>>> & {
    periods: number;
    serverMemoryMb: { beforeMb: number | null; cachedMb: number | null };
  };
  const pageTimes = r.pages as Record<string, { medianMs: number }>;
  const rows: string[][] = [['what', 'measured', 'goal', '']];
  const row = (what: string, measured: number, unit: string, goal: number, extra = '') =>
    rows.push([what, `${measured} ${unit}${extra}`, `≤ ${goal} ${unit}`, mark(measured <= goal)]);
  if (imp) {
    const loads = imp.months.map((m) => m.loadMs);
    row(
      `check one month's workbook (${imp.lastMonth.month}, in the worker)`,
      imp.lastMonth.checkMs,
      'ms',
      GOALS.checkMs,
    );
    row(`publish it (version ${db.versions})`, imp.lastMonth.publishMs, 'ms', GOALS.publishMs);
    rows.push([`check + publish, months 1–35 (median, max)`, `${median(loads)}, ${Math.max(...loads)} ms`, '', '']);
  }
  row(`database on disk, ${db.versions} versions`, db.onDiskMb, 'MB', GOALS.databaseMb, ` (WAL ${db.walMb} MB)`);
  for (const name of ['kpis', 'sectors'] as const) {
    const a = api[name];
    const p99 = (what: string, run: Run) =>
      row(
        `/api/v1/${name}: ${what} p99`,
        run.p99Ms,
        'ms',
        GOALS.p99Ms,
        ` (p50 ${run.p50Ms}, ${run.requestsPerSecond} req/s, server CPU ${run.serverCpuMsPerRequest} ms/req)`,
      );
    p99(`first answers, one at a time (${a.firstAnswerSerial.urls} URLs)`, a.firstAnswerSerial);
    p99(`first answers, 10 at a time (${a.firstAnswer10.urls} URLs)`, a.firstAnswer10);
    p99(`latest period (${a.latestUnderLoad.urls} URLs), 50 connections`, a.latestUnderLoad);
    p99(`every period in turn (${a.everyUrlUnderLoad.urls} URLs), 50 connections`, a.everyUrlUnderLoad);
  }
  for (const [path, t] of Object.entries(pageTimes))
    row(`page ${path} settled (median of 3)`, t.medianMs, 'ms', GOALS.pageMs);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((x) => x[i]?.length ?? 0))) ?? [];
  console.log(`\n== Three years of months (${api.periods} periods) ==`);
  for (const x of rows)
    console.log(
      x
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  const memory = api.serverMemoryMb;
  console.log(
    `Server's resident memory: ${memory.beforeMb ?? '—'} MB before the runs, ${memory.cachedMb ?? '—'} MB with every answer of both endpoints asked for`,
  );
  console.log(
    `Database ${db.databaseMb} MB by PostgreSQL's count; largest tables: ` +
      db.tables.map((t) => `${t.table} ${t.mb} MB (${t.rows} rows)`).join(', '),
  );
}
