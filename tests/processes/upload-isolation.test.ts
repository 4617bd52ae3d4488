/**
 * One editor's upload never stalls everyone: while the server checks a file that unpacks to
 * 182 MB of cells (0.6 MB uploaded, under every limit checked before reading, so ExcelJS really
 * loads it), the wall screens' and readers' /meta keeps answering at once, and the upload gets a
 * report, not a 500. The limits themselves: tests/server/import-limits.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportReportSchema } from '../../src/api/admin';
import { inlineStringRows, rawWorkbook } from '../server/big-sheets';
import { freePort, spawnServer } from '../server/harness';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('an upload being checked', () => {
  it('does not hold up readers: /meta answers in under 200 ms (p99) meanwhile, and the upload gets a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beibei-upload-'));
    dirs.push(dir);
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: join(dir, 'db'), DIST_DIR: join(dir, 'no-app') };
    const add = spawnServer(env, ['server/cli.ts', 'add-user', 'editor']);
    add.child.stdin.end('long enough password\n');
    expect(await add.exited).toBe(0);
    const server = spawnServer(env);
    try {
      await server.waitFor(/"msg":"database ready"/, 180_000);
      await server.waitFor(/"msg":"dashboard on /, 180_000);
      const base = `http://127.0.0.1:${port}/api/v1`;
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'editor', password: 'long enough password' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      // 2,400 rows of 2,000 one-letter cells: 4.8 million objects for ExcelJS.
      const heavy = await rawWorkbook([{ name: '指标', rows: inlineStringRows(2400, 2000) }]);
      expect(heavy.length).toBeLessThan(1024 * 1024);

      const meta = async () => {
        const started = performance.now();
        const res = await fetch(`${base}/meta`);
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        return performance.now() - started;
      };
      await meta();
      const state = { answered: false };
      const upload = fetch(`${base}/admin/imports`, {
        method: 'POST',
        body: new Uint8Array(heavy),
        headers: {
          Cookie: cookie,
          'X-CSRF-Token': csrfToken,
          'Content-Type': 'application/octet-stream',
          'X-File-Name': 'heavy.xlsx',
        },
      }).finally(() => {
        state.answered = true;
      });
      const latencies: number[] = [];
      const until = Date.now() + 150_000;
      while (!state.answered && Date.now() < until && latencies.length < 50_000) latencies.push(await meta());

      const res = await upload;
      expect(res.status).toBe(200);
      const report = ImportReportSchema.parse(await res.json());
      expect(report.errors).toBe(1);
      expect(['too_heavy', 'took_too_long']).toContain(report.issues[0]?.code);
      expect(report.issues[0]?.message.en).toContain('nothing was changed');

      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? Infinity;
      expect(latencies.length).toBeGreaterThan(100);
      expect(p99, `p99 of ${latencies.length} requests, slowest ${Math.round(latencies.at(-1) ?? 0)} ms`).toBeLessThan(
        200,
      );
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(server.output()).toContain('"msg":"stopped"');
  }, 300_000);
});
