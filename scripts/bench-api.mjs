#!/usr/bin/env node
/**
 * Load test of the data service (server/): builds the app (mocks off), starts the server on a
 * fresh embedded database seeded with 10,000 projects (198 from the report, the rest generated
 * and marked illustrative), and drives it from this process with autocannon over loopback.
 * Prints a table and writes bench/api-results.json. It is a benchmark, not a test: a missed
 * target is reported, not failed; it exits non-zero only if the server does not start, exits,
 * or requests fail systematically (more than 1 % of a target's requests answered non-2xx or
 * refused by the connection; requests that merely wait past autocannon's 10 s timeout are slow,
 * not failed, and show as timeouts).
 *
 *   npm run bench:api
 *   BENCH_API_SKIP_BUILD=1 BENCH_API_SECONDS=5 npm run bench:api
 *
 * Environment: BENCH_API_DATABASE_URL (run on that PostgreSQL database, emptied first, instead
 * of the embedded one), BENCH_API_PORT (8095), BENCH_API_CONNECTIONS (50), BENCH_API_SECONDS (10 per
 * target), BENCH_API_WARMUP_SECONDS (2 per target), BENCH_API_READY_SECONDS (180: how long the
 * first start may take to migrate and seed), BENCH_API_SKIP_BUILD=1 (reuse dist-bench-api),
 * BENCH_API_RESTART=0 (skip the second part, below).
 *
 * Targets: GET /api/v1/kpis ≥ 3,000 req/s with p99 ≤ 50 ms; a project search p99 ≤ 50 ms at
 * 10,000 projects, each request a query string the server has not cached (its per-version cache
 * keeps 2000 responses, and the searches cycle through several thousand URLs in a shuffled
 * order); the server's resident memory ≤ 200 MB under load (VmRSS of the server process,
 * sampled every 250 ms; tsx's esbuild helper process, a child of the server, is reported beside
 * it). A repeated search (answered from the cache) and the app's HTML are measured alongside,
 * and the uncached search once more over a single connection, which shows the time one search
 * takes with no queue in front of it.
 *
 * Then the server render of five pages, cached and uncached, one request at a time (as `npm run
 * bench` times it; scripts/render-times.mjs), against the targets: p50 ≤ 5 ms from the cache,
 * p99 ≤ 50 ms for a new render.
 *
 * Second part: the server is restarted on the database it seeded, as it runs in production
 * after its first start, and its memory is measured again, idle and under the uncached search.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { PROJECT_SORT_FIELDS } from '../src/api/projects.ts';
import { buildApp, startDetached, stopDetached, waitForServer } from './harness.mjs';
import { RENDER_REQUESTS, RENDER_ROUTES, renderRows, renderTimes } from './render-times.mjs';

const PORT = Number(process.env.BENCH_API_PORT ?? 8095);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 2);
const READY_MS = Number(process.env.BENCH_API_READY_SECONDS ?? 180) * 1000;
const RESTART = process.env.BENCH_API_RESTART !== '0';
/** Run the server on this PostgreSQL database instead of the embedded one; its public schema is emptied first. */
const DATABASE_URL = process.env.BENCH_API_DATABASE_URL ?? '';
const DIST = 'dist-bench-api';
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECTS = 10_000;
/** The report's own projects; the seed adds generated ones up to PROJECTS. */
const REPORT_PROJECTS = 198;
const PAGE_SIZE = 50;
/** Requests failing on one target beyond this share mean the run is broken, not slow. */
const MAX_FAILURE_SHARE = 0.01;
const RSS_SAMPLE_MS = 250;
const GOALS = { kpisRps: 3000, p99Ms: 50, rssMb: 200 };

/** What a browser sends: the app's fetches over HTTPS, and the page itself. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
/** Chinese fragments of project names and descriptions, as typed into the tracker's search box. */
const FRAGMENTS = [
  '北碚',
  '产业',
  '项目',
  '园',
  '路',
  '医院',
  '电子',
  '汽车',
  '中心',
  '改造',
  '智能',
  '新',
  '工程',
  '基地',
  '材料',
  '水',
  '生态',
  '物流',
  '小区',
  '片区',
  '建设',
  '制造',
  '社区',
  '研发',
];
const SORTS = [null, ...PROJECT_SORT_FIELDS.flatMap((f) => [f, `-${f}`])];
/** Pages 1 … MAX_PAGE of each search, as far as the search has results. */
const MAX_PAGE = 10;

const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const fmt = (x, d = 0) =>
  x === null || x === undefined
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const searchPath = ({ q, sort, page }) => {
  const params = new URLSearchParams({ q });
  if (sort) params.set('sort', sort);
  params.set('page', String(page));
  params.set('pageSize', String(PAGE_SIZE));
  return `/api/v1/projects?${params.toString()}`;
};

/** Fisher–Yates with a fixed seed, so that every run sends the same sequence. */
function shuffled(items, seed = 20_230_701) {
  const out = [...items];
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* The server's process and its memory                                                         */

function rssMb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null; // gone
  }
}

const commandLine = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();

/** Processes whose parent is `pid` or that are in its process group (the server's own group). */
function descendants(pid) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses.
      const [, , ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid || Number(pgrp) === pid) {
        found.push({ pid: Number(entry), command: commandLine(entry), rssMb: round(rssMb(entry)) });
      }
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/**
 * Samples VmRSS of the server process (`server`) and of it with its child processes (`tree`,
 * looked up at each sample) every RSS_SAMPLE_MS while started; `take()` returns the peaks since
 * the last take.
 */
function rssSampler(pid) {
  let timer = null;
  const peak = { server: 0, tree: 0 };
  const overall = { server: 0, tree: 0 };
  const children = new Map();
  const sample = () => {
    const mb = rssMb(pid);
    if (mb === null) return;
    let tree = mb;
    for (const child of descendants(pid)) {
      tree += child.rssMb ?? 0;
      children.set(child.pid, child.command);
    }
    peak.server = Math.max(peak.server, mb);
    peak.tree = Math.max(peak.tree, tree);
    overall.server = Math.max(overall.server, mb);
    overall.tree = Math.max(overall.tree, tree);
  };
  return {
    start() {
      sample();
      timer ??= setInterval(sample, RSS_SAMPLE_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    take() {
      sample();
      const p = { server: round(peak.server), tree: round(peak.tree) };
      peak.server = 0;
      peak.tree = 0;
      return p;
    },
    overall: () => ({ server: round(overall.server), tree: round(overall.tree) }),
    /** Every child process seen while sampling. */
    children: () => [...children].map(([childPid, command]) => ({ pid: childPid, command })),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Start-up and clean-up                                                                       */

let server = null;
let dataDir = null;
let sampler = null;
let cleaning = null;

const running = (child) => child !== null && child.exitCode === null && child.signalCode === null;

/** SIGTERM to the server's process group; SIGKILL if it is still there after 15 s. */
async function stopServer() {
  sampler?.stop();
  if (!running(server)) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  stopDetached(server);
  const gone = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!gone && running(server)) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      server.kill('SIGKILL');
    }
    await Promise.race([exited, sleep(2000)]);
  }
}

/** Stops the server and removes its database; once, however often it is called. */
function cleanup() {
  cleaning ??= stopServer().finally(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return cleaning;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server …`);
    void cleanup().finally(() => process.exit(code));
  });
}
// Last resort if the process ends some other way: no server is left behind.
process.on('exit', () => stopDetached(server));

/** Starts the server on `dataDir` (created on the first call) and waits until it is ready. */
let emptied = false;
async function startServer() {
  dataDir ??= mkdtempSync(join(tmpdir(), 'beibei-bench-api-'));
  if (DATABASE_URL && !emptied) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await client.end();
    emptied = true;
  }
  const env = {
    ...(DATABASE_URL ? { DATABASE_URL } : {}),
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DIST_DIR: DIST,
    SEED_EXTRA_PROJECTS: String(PROJECTS - REPORT_PROJECTS),
  };
  const started = performance.now();
  const child = startDetached(process.execPath, ['--import', 'tsx', 'server/main.ts'], env);
  server = child;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))).then(
    ({ code, signal }) => {
      throw new Error(
        `the server exited before it was ready (code ${code}, signal ${signal}); run it by hand to see why:\n` +
          `  ${Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')} node --import tsx server/main.ts`,
      );
    },
  );
  exit.catch(() => undefined); // the race below reports it; later exits are stopServer's
  await Promise.race([waitForServer(`${BASE}/readyz`, READY_MS), exit]);
  const { body } = await getJson('/api/v1/projects?pageSize=1');
  if (body.total !== PROJECTS) throw new Error(`the server has ${body.total} projects, not ${PROJECTS}`);
  const readySeconds = (performance.now() - started) / 1000;
  const pid = child.pid;
  const children = descendants(pid);
  await sleep(2000);
  const info = {
    pid,
    command: commandLine(pid),
    childProcesses: children,
    readySeconds: round(readySeconds),
    rssIdleMb: round(rssMb(pid)),
    rssIdleWithChildrenMb: round(children.reduce((sum, c) => sum + (rssMb(c.pid) ?? 0), rssMb(pid))),
  };
  sampler = rssSampler(pid);
  return info;
}

async function getJson(path, headers = {}) {
  const res = await fetch(BASE + path, { headers });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return { body: await res.json(), headers: res.headers };
}

/* ------------------------------------------------------------------------------------------ */
/* Load                                                                                        */

/** One autocannon run of `path`, or of the requests `requests()` makes (paths chosen per request). */
function cannon({ path = '/', headers = {}, requests, connections, seconds }) {
  return autocannon({
    url: BASE + path,
    connections,
    duration: seconds,
    headers,
    timeout: 10,
    ...(requests ? { requests: requests() } : {}),
  });
}

function summarise(result) {
  // Timeouts are counted in errors too: slow, not broken.
  const failed = result.non2xx + result.errors - result.timeouts;
  const answered = result['2xx'] + result.non2xx;
  return {
    requestsPerSecond: round(result.requests.average, 0),
    ok: result['2xx'],
    latencyMs: {
      p50: round(result.latency.p50, 1),
      p90: round(result.latency.p90, 1),
      p99: round(result.latency.p99, 1),
      max: round(result.latency.max, 1),
      average: round(result.latency.average, 1),
    },
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    errors: result.errors,
    timeouts: result.timeouts,
    failureShare: answered + failed === 0 ? 1 : failed / (answered + failed),
    throughputMBps: round(result.throughput.average / 2 ** 20, 1),
    durationSeconds: round(result.duration, 1),
  };
}

/** Warm-up, then the measured run; the server's peak memory over both. */
async function load(t) {
  const connections = t.connections ?? CONNECTIONS;
  process.stdout.write(`Load: ${t.label}, ${connections} connection(s), ${WARMUP_SECONDS} s warm-up + ${SECONDS} s …`);
  sampler.take();
  if (WARMUP_SECONDS > 0) {
    await cannon({ ...t, connections, seconds: WARMUP_SECONDS });
    // The warm-up's last requests are still being answered: /readyz queries the database, behind them.
    for (let i = 0; i < 3; i++) await fetch(`${BASE}/readyz`).then((res) => res.arrayBuffer());
  }
  const summary = summarise(await cannon({ ...t, connections, seconds: SECONDS }));
  const peak = sampler.take();
  summary.peakRssMb = peak.server;
  summary.peakRssWithChildrenMb = peak.tree;
  if (t.encoding) summary.contentEncoding = t.encoding;
  summary.goal = t.goal;
  summary.result = t.pass ? (t.pass(summary) ? 'PASS' : 'MISS') : null;
  console.log(` ${fmt(summary.requestsPerSecond)} req/s, p99 ${fmt(summary.latencyMs.p99, 1)} ms`);
  if (!running(server)) throw new Error('the server exited during the load test');
  if (summary.failureShare > MAX_FAILURE_SHARE) {
    failures.push(
      `${t.label}: ${summary.non2xx} non-2xx (${JSON.stringify(summary.statusCodes)}), ` +
        `${summary.errors - summary.timeouts} connection errors`,
    );
  }
  return { label: t.label, connections, ...summary };
}

/* ------------------------------------------------------------------------------------------ */

const results = {
  date: new Date().toISOString(),
  machine: {
    nproc: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  },
  config: {
    baseUrl: BASE,
    projects: PROJECTS,
    connections: CONNECTIONS,
    secondsPerTarget: SECONDS,
    warmupSecondsPerTarget: WARMUP_SECONDS,
    pageSize: PAGE_SIZE,
  },
  goals: GOALS,
};
const failures = [];

let exitCode = 0;
try {
  if (process.env.BENCH_API_SKIP_BUILD === '1' && existsSync(join(DIST, 'index.html'))) {
    console.log(`Reusing ${DIST}/ (BENCH_API_SKIP_BUILD=1)`);
  } else {
    console.log(`Building ${DIST}/ (VITE_API_MOCKS=off) …`);
    buildApp(DIST, { VITE_API_MOCKS: 'off' });
  }

  console.log(`Starting the data service on ${BASE} (${fmt(PROJECTS)} projects, fresh database) …`);
  results.server = await startServer();
  console.log(`Ready after ${results.server.readySeconds} s with ${fmt(PROJECTS)} projects.`);
  if (results.server.childProcesses.length > 0) {
    console.log(
      `Note: the server (pid ${results.server.pid}) has child processes, reported beside it: ` +
        results.server.childProcesses.map((c) => `${c.pid} ${c.command}`).join('; '),
    );
  }

  // The uncached searches: every fragment with every sort, pages 1 … MAX_PAGE as far as it has results.
  const uncached = [];
  for (const q of FRAGMENTS) {
    const { body } = await getJson(`/api/v1/projects?${new URLSearchParams({ q, pageSize: '1' }).toString()}`);
    const pages = Math.min(MAX_PAGE, Math.ceil(body.total / PAGE_SIZE));
    for (const sort of SORTS) for (let page = 1; page <= pages; page++) uncached.push(searchPath({ q, sort, page }));
  }
  const sequence = shuffled(uncached);
  results.config.uncachedSearchUrls = sequence.length;
  if (sequence.length <= 2000) {
    throw new Error(`only ${sequence.length} search URLs: the server's cache would hold them`);
  }
  let next = 0;
  /** A fresh request list per run (autocannon keeps state on it): each request takes the next URL. */
  const uncachedRequests = () => [
    {
      setupRequest: (req) => {
        req.path = sequence[next++ % sequence.length];
        return req;
      },
    },
  ];

  const kpis = {
    id: 'kpis',
    label: '/api/v1/kpis?period=2023H1 (gzip)',
    path: '/api/v1/kpis?period=2023H1',
    headers: { 'accept-encoding': 'gzip' },
    expectEncoding: 'gzip',
    goal: `≥ ${fmt(GOALS.kpisRps)} req/s, p99 ≤ ${GOALS.p99Ms} ms`,
    pass: (s) => s.requestsPerSecond >= GOALS.kpisRps && s.latencyMs.p99 <= GOALS.p99Ms,
  };
  const searchUncached = {
    id: 'searchUncached',
    label: `project search (uncached, ${fmt(PROJECTS)} projects)`,
    requests: uncachedRequests,
    headers: { 'accept-encoding': BROWSER_ENCODINGS },
    goal: `p99 ≤ ${GOALS.p99Ms} ms`,
    pass: (s) => s.latencyMs.p99 <= GOALS.p99Ms,
  };
  const targets = [
    kpis,
    searchUncached,
    {
      id: 'searchCached',
      label: 'project search (repeated, cached)',
      path: searchPath({ q: '汽车', sort: '-planned', page: 1 }),
      headers: { 'accept-encoding': BROWSER_ENCODINGS },
      expectEncoding: 'br',
      goal: '–',
    },
    {
      id: 'appHtml',
      label: '/ (app HTML, br)',
      path: '/',
      headers: { 'accept-encoding': 'br, gzip' },
      expectEncoding: 'br',
      goal: '–',
    },
    {
      id: 'searchUncached10',
      label: 'project search (uncached, 10 connections)',
      requests: uncachedRequests,
      headers: { 'accept-encoding': BROWSER_ENCODINGS },
      connections: 10,
      goal: `p99 ≤ ${GOALS.p99Ms} ms`,
      pass: (s) => s.latencyMs.p99 <= GOALS.p99Ms,
    },
    {
      id: 'searchUncachedSerial',
      label: 'project search (uncached, 1 connection)',
      requests: uncachedRequests,
      headers: { 'accept-encoding': BROWSER_ENCODINGS },
      connections: 1,
      goal: '(one search, no queue)',
    },
  ];

  // Each fixed URL answers 200 in the expected encoding before it is loaded.
  for (const t of targets.filter((x) => x.path)) {
    const res = await fetch(BASE + t.path, { headers: t.headers });
    await res.arrayBuffer();
    const encoding = res.headers.get('content-encoding');
    if (res.status !== 200) throw new Error(`GET ${t.path} answered ${res.status}`);
    if (t.expectEncoding && encoding !== t.expectEncoding) {
      console.warn(
        `Note: GET ${t.path} came back with Content-Encoding ${encoding ?? 'none'}, not ${t.expectEncoding}`,
      );
    }
    t.encoding = encoding ?? 'identity';
  }

  results.targets = {};
  sampler.start();
  for (const t of targets) results.targets[t.id] = await load(t);
  sampler.stop();
  const peak = sampler.overall();
  results.server.rssPeakUnderLoadMb = peak.server;
  results.server.rssPeakUnderLoadWithChildrenMb = peak.tree;
  results.server.rssResult = peak.server <= GOALS.rssMb ? 'PASS' : 'MISS';
  results.server.childProcessesSeen = sampler.children();

  console.log(`Timing the server render of ${RENDER_ROUTES.length} pages, one request at a time …`);
  results.render = await renderTimes(BASE);

  if (RESTART) {
    console.log('Restarting the server on the database it seeded …');
    await stopServer();
    const restart = await startServer();
    sampler.start();
    restart.kpis = await load(kpis);
    restart.searchUncached = await load(searchUncached);
    sampler.stop();
    const p = sampler.overall();
    restart.rssPeakUnderLoadMb = p.server;
    restart.rssPeakUnderLoadWithChildrenMb = p.tree;
    restart.childProcessesSeen = sampler.children();
    results.restart = restart;
  }
  results.machine.loadAverageAtEnd = loadavg().map((l) => round(l, 2));

  printTable(results);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/api-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/api-results.json');
  if (failures.length > 0) {
    exitCode = 1;
    console.error(`\nRequests failed systematically:\n  ${failures.join('\n  ')}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(`\nbench-api failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);

function printTable(r) {
  const m = r.machine;
  const s = r.server;
  console.log(
    `\n== Data service under load (${fmt(r.config.projects)} projects, ${r.config.connections} connections, ` +
      `${r.config.secondsPerTarget} s per target after ${r.config.warmupSecondsPerTarget} s warm-up) ==`,
  );
  console.log(
    `Machine: nproc ${m.nproc} (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ` +
      `load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end`,
  );
  console.log(
    `Server: pid ${s.pid}, ${s.command}, database ${DATABASE_URL ? 'PostgreSQL (BENCH_API_DATABASE_URL)' : 'embedded (PGlite)'}; first start (migrate + seed) ready in ${s.readySeconds} s; ` +
      `${fmt(r.config.uncachedSearchUrls)} distinct uncached search URLs\n`,
  );
  const rows = [['Target', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts', 'goal', '']];
  for (const t of Object.values(r.targets)) {
    rows.push([
      t.label,
      String(t.connections),
      fmt(t.requestsPerSecond),
      fmt(t.latencyMs.p50, 1),
      fmt(t.latencyMs.p99, 1),
      String(t.non2xx),
      String(t.errors),
      String(t.timeouts),
      t.goal,
      t.result ?? '',
    ]);
  }
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    );
  }
  const childrenOf = (phase) => (phase.childProcessesSeen.length > 0 ? phase.childProcessesSeen : phase.childProcesses);
  const kids = childrenOf(s);
  const withChildren = (phase, idle, peak) => {
    const n = childrenOf(phase).length;
    return n === 0 ? '' : ` (with its ${n} child process${n > 1 ? 'es' : ''}: ${fmt(idle)} / ${fmt(peak)} MB)`;
  };
  console.log(
    `Server RSS: ${fmt(s.rssIdleMb)} MB idle after seeding, ${fmt(s.rssPeakUnderLoadMb)} MB peak under load ` +
      `(goal ≤ ${GOALS.rssMb} MB)  ${s.rssResult}${withChildren(s, s.rssIdleWithChildrenMb, s.rssPeakUnderLoadWithChildrenMb)}`,
  );
  if (kids.length > 0) {
    console.log(`  child processes: ${kids.map((c) => `${c.pid} ${c.command}`).join('; ')}`);
  }
  if (r.render) {
    const { head, rows: renders } = renderRows(r.render);
    console.log(`\nServer render (${RENDER_REQUESTS} requests each, one after another):`);
    console.log(`| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|`);
    for (const row of renders) console.log(`| ${row.join(' | ')} |`);
  }
  const x = r.restart;
  if (x) {
    console.log(
      `After a restart on the seeded database: ready in ${x.readySeconds} s, RSS ${fmt(x.rssIdleMb)} MB idle, ` +
        `${fmt(x.rssPeakUnderLoadMb)} MB peak under load${withChildren(x, x.rssIdleWithChildrenMb, x.rssPeakUnderLoadWithChildrenMb)}; ` +
        `/kpis ${fmt(x.kpis.requestsPerSecond)} req/s p99 ${fmt(x.kpis.latencyMs.p99, 1)} ms; ` +
        `uncached search ${fmt(x.searchUncached.requestsPerSecond)} req/s p99 ${fmt(x.searchUncached.latencyMs.p99, 1)} ms`,
    );
  }
}
