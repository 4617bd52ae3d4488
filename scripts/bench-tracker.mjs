#!/usr/bin/env node
/**
 * Benchmark of the project tracker at scale (10,000 projects), in Chromium. By default against
 * the app as users get it: the production build served by the data service (embedded database
 * in memory, the report's 198 projects and 9,802 generated ones marked illustrative). With
 * `--mock`, the build with the in-browser mock API (`?mock=large`) served by `vite preview`. Then:
 *  - types 20 keystrokes into the search box, one at a time, and measures keystroke → rows
 *    painted: from the input's `beforeinput` event to the first frame after the table shows
 *    the rows for the new query (MutationObserver, then requestAnimationFrame + a task);
 *  - scrolls the largest page (200 rows) for 180 frames and records frame times;
 *  - counts row elements in the DOM.
 * It prints figures; it is not a pass/fail test.
 *
 *   npm run bench:tracker [-- --no-build] [-- --mock]   (BENCH_PORT, BENCH_DIST, CHROME_PATH optional)
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import {
  buildApp,
  CHROME_PATH,
  CHROMIUM_ARGS,
  startDataService,
  startPreview,
  stopDetached,
  waitForServer,
} from './harness.mjs';

const mock = process.argv.includes('--mock');
const port = Number(process.env.BENCH_PORT ?? 4186);
// dist-e2e* is git-ignored, like the Playwright builds.
const outDir = process.env.BENCH_DIST ?? `dist-e2e-bench-${mock ? 'mock' : 'prod'}-${port}`;
const base = `http://127.0.0.1:${port}`;
const PROJECTS = 10_000;
const REPORT_PROJECTS = 198;
/** Where the tracker is opened: the mock's large scenario, or the data service's own list. */
const tracker = mock ? '/projects?mock=large' : '/projects';
const QUERY = '蔡家电子信息智能制造基地';
const BACKSPACES = 8;
const PAUSE_MS = 150;

if (!process.argv.includes('--no-build')) {
  buildApp(outDir, { VITE_API_MOCKS: mock ? 'on' : 'off' });
}

const server = mock
  ? startPreview(outDir, port)
  : startDataService(outDir, port, { SEED_EXTRA_PROJECTS: String(PROJECTS - REPORT_PROJECTS) });
const stopServer = () => stopDetached(server);
process.on('exit', stopServer);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

let browser;
try {
  await waitForServer(mock ? `${base}/` : `${base}/api/v1/meta`, 120_000);
  browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${base}${tracker}`);
  await page.locator('.results[data-state="fresh"] tbody tr').first().waitFor();
  const total = await page.getByRole('region', { name: '筛选结果合计' }).locator('dd').first().textContent();

  // Instrumentation: t0 at the input's beforeinput; done when the results show the new query, painted.
  await page.evaluate(() => {
    const input = document.querySelector('input[type="search"]');
    const results = () => document.querySelector('.results');
    window.__bench = { t0: 0 };
    input.addEventListener(
      'beforeinput',
      () => {
        window.__bench.t0 = performance.now();
        performance.mark('tracker:keystroke');
      },
      true,
    );
    window.__benchWait = (q) =>
      new Promise((resolve) => {
        const done = () => {
          const r = results();
          return r && r.dataset.state === 'fresh' && r.dataset.q === q;
        };
        const finish = () => {
          // The frame after the DOM update: rAF runs before paint, the task after it runs after paint.
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              performance.mark('tracker:painted');
              resolve(performance.now() - window.__bench.t0);
            };
            ch.port2.postMessage(null);
          });
        };
        if (done()) return finish();
        const mo = new MutationObserver(() => {
          if (done()) {
            mo.disconnect();
            finish();
          }
        });
        mo.observe(document.querySelector('main'), {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-state', 'data-q'],
        });
      });
  });

  const search = page.getByRole('searchbox');
  await search.focus();
  const keystrokes = [...QUERY].map((c) => ({ key: c, after: null }));
  for (let i = 0; i < BACKSPACES; i++) keystrokes.push({ key: 'Backspace', after: null });
  let typed = '';
  const times = [];
  for (const k of keystrokes) {
    typed = k.key === 'Backspace' ? typed.slice(0, -1) : typed + k.key;
    const wait = page.evaluate((q) => window.__benchWait(q), typed.trim());
    if (k.key === 'Backspace') await page.keyboard.press('Backspace');
    else await page.keyboard.insertText(k.key);
    times.push(await wait);
    await page.waitForTimeout(PAUSE_MS);
  }
  const rowsAfterSearch = await page.locator('tbody tr').count();

  // Scrolling the largest page the UI offers (200 rows).
  await page.goto(`${base}${tracker}${mock ? '&' : '?'}pageSize=200`);
  await page.locator('.results[data-state="fresh"] tbody tr').nth(199).waitFor();
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('.ptable__scroll');
        const deltas = [];
        let last = 0;
        let n = 0;
        const step = (ts) => {
          if (last) deltas.push(ts - last);
          last = ts;
          el.scrollTop = (el.scrollTop + 45) % Math.max(1, el.scrollHeight - el.clientHeight);
          if (++n < 180) requestAnimationFrame(step);
          else resolve(deltas);
        };
        requestAnimationFrame(step);
      }),
  );
  const domRows = await page.locator('tr').count();
  const bodyRows = await page.locator('tbody tr').count();

  console.log(
    `\nProject tracker benchmark — ${mock ? 'in-browser mock API, ?mock=large' : 'data service (production build, same origin)'} (${total ?? '?'} projects), Chromium headless, 1366×768`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min)`,
  );
  console.log(`keystroke → rows painted, ${times.length} keystrokes (${QUERY} then ${BACKSPACES}× Backspace):`);
  console.log(
    `  median ${ms(quantile(times, 0.5))}   p95 ${ms(quantile(times, 0.95))}   max ${ms(Math.max(...times))}`,
  );
  console.log(`  each: ${times.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`  rows in the DOM after the search: ${rowsAfterSearch}`);
  const dropped = frames.filter((f) => f > 16.7 * 1.5).length;
  console.log(`scroll, 200-row page, ${frames.length} frames:`);
  console.log(
    `  frame time median ${ms(quantile(frames, 0.5))}   p95 ${ms(quantile(frames, 0.95))}   max ${ms(Math.max(...frames))}   frames > 25 ms: ${dropped}`,
  );
  console.log(`  row elements in the DOM while scrolling: ${bodyRows} body rows (${domRows} <tr> incl. header)\n`);
} finally {
  await browser?.close();
  stopServer();
}
