/**
 * What loading a server-rendered page costs the browser's main thread at the mobile preset's
 * fourfold CPU slowdown: a Chrome trace of the load (Playwright, CDP `Tracing` and
 * `Emulation.setCPUThrottlingRate`), reduced to its long tasks (over 50 ms), their sum, the blocking
 * time after the first paint (each long task's part over 50 ms, as Lighthouse's TBT), the first
 * paint and the page's element count. Medians over the runs.
 *
 *   node scripts/hydration-trace.mjs http://127.0.0.1:4300 / /projects
 *
 * Serve the production build with the data service first (README, "Server rendering"), e.g.
 * `DATA_DIR=memory:// DIST_DIR=/tmp/dist PORT=4300 node --import tsx server/main.ts`.
 * TRACE_RUNS (default 5) sets the runs per page; TRACE_OUT=dir keeps each run's trace (JSON, for
 * the Performance panel).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './harness.mjs';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node scripts/hydration-trace.mjs <base URL> <path>…');
  process.exit(2);
}
const runs = Number(process.env.TRACE_RUNS ?? 5);
const outDir = process.env.TRACE_OUT;
if (outDir) mkdirSync(outDir, { recursive: true });
const SLOWDOWN = 4;
const LONG_TASK_MS = 50;
/** Long enough after the load for hydration's sliced work and the effects to have run. */
const SETTLE_MS = 3000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** One load of `url`: the trace's long tasks on the page's main thread, and the page's figures. */
async function traceOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading',
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('#root')?.childElementCount, undefined, { timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const figures = await page.evaluate(() => ({
    elements: document.querySelectorAll('*').length,
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await cdp.send('Tracing.end');
  await done;
  await context.close();

  // The renderer's main thread: the one that parsed this page's document.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(url));
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === parse?.pid && e.tid === parse?.tid)
    .map((e) => ({ start: e.ts / 1000, ms: e.dur / 1000 }));
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === parse?.pid);
  const origin = navigation ? navigation.ts / 1000 : Math.min(...tasks.map((t) => t.start));
  const long = tasks.filter((t) => t.ms > LONG_TASK_MS).map((t) => ({ at: t.start - origin, ms: t.ms }));
  const afterPaint = long.filter((t) => figures.firstPaint === null || t.at >= figures.firstPaint);
  if (outDir) {
    const name = `${new URL(url).pathname.replace(/\W+/g, '_') || '_'}-${Date.now()}.json`;
    writeFileSync(`${outDir}/${name}`, JSON.stringify({ traceEvents: events }));
  }
  return {
    longTasks: long.length,
    longSumMs: long.reduce((sum, t) => sum + t.ms, 0),
    blockingMs: afterPaint.reduce((sum, t) => sum + t.ms - LONG_TASK_MS, 0),
    longestMs: Math.max(0, ...long.map((t) => t.ms)),
    firstPaintMs: figures.firstPaint,
    elements: figures.elements,
    tasks: long.map((t) => `${Math.round(t.at)}:${Math.round(t.ms)}`).join(' '),
  };
}

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
try {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${runs} runs per page, ${SLOWDOWN}× CPU`,
  );
  for (const path of paths) {
    const url = new URL(path, base).href;
    const all = [];
    // A first load warms the server's cache for this address: each run then measures the browser.
    await traceOnce(browser, url);
    for (let i = 0; i < runs; i++) all.push(await traceOnce(browser, url));
    const m = (key) => Math.round(median(all.map((r) => r[key])));
    console.log(
      `${path.padEnd(28)} long tasks ${m('longTasks')}, sum ${m('longSumMs')} ms, longest ${m('longestMs')} ms, ` +
        `blocking after first paint ${m('blockingMs')} ms, first paint ${m('firstPaintMs')} ms, elements ${m('elements')}`,
    );
    for (const r of all) console.log(`  run: ${Math.round(r.longSumMs)} ms in ${r.longTasks} [at:ms ${r.tasks}]`);
  }
} finally {
  await browser.close();
}
