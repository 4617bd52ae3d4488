/**
 * One editor's upload never stalls everyone: while the server checks a file that unpacks to
 * 182 MB of cells (0.6 MB uploaded, under every limit checked before reading, so ExcelJS really
 * loads it), the wall screens' and readers' /meta keeps answering, and the upload gets a report,
 * not a 500. Checked in the server's own thread, the file would hold every reader for the whole
 * check; measured against the check's own time, the test holds on a machine busy with other work
 * too. The limits themselves: tests/server/import-limits.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportReportSchema } from '../../src/api/admin';
import { inlineStringRows, rawWorkbook } from '../server/big-sheets';
import { freePort, login, sessionOf, spawnCli, spawnServer, tempDirs } from '../server/harness';

const tempDir = tempDirs('beibei-upload-');

describe('an upload being checked', () => {
  it('does not hold up readers: no /meta answer meanwhile takes a tenth of the check, and the upload gets a report', async () => {
    const dir = tempDir();
    const env = { PORT: String(await freePort()), DATA_DIR: join(dir, 'db'), DIST_DIR: join(dir, 'no-app') };
    expect(await spawnCli(env, ['add-user', 'editor'], 'long enough password\n').exited).toBe(0);
    const server = spawnServer(env);
    try {
      await server.ready();
      const { cookie, csrf } = await sessionOf(await login(server.request, 'editor', 'long enough password'));
      // 2,400 rows of 2,000 one-letter cells: 4.8 million objects for ExcelJS.
      const heavy = await rawWorkbook([{ name: '指标', rows: inlineStringRows(2400, 2000) }]);
      expect(heavy.length).toBeLessThan(1024 * 1024);

      const meta = async () => {
        const started = performance.now();
        const res = await server.request('/api/v1/meta');
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        return performance.now() - started;
      };
      await meta();
      const state = { answered: false };
      const upload = server
        .request('/api/v1/admin/imports', {
          method: 'POST',
          body: new Uint8Array(heavy),
          headers: {
            Cookie: cookie,
            'X-CSRF-Token': csrf,
            'Content-Type': 'application/octet-stream',
            'X-File-Name': 'heavy.xlsx',
          },
        })
        .finally(() => {
          state.answered = true;
        });
      const latencies: number[] = [];
      const checkStarted = performance.now();
      const until = Date.now() + 150_000;
      while (!state.answered && Date.now() < until && latencies.length < 50_000) latencies.push(await meta());

      const res = await upload;
      const checkMs = performance.now() - checkStarted;
      expect(res.status).toBe(200);
      const report = ImportReportSchema.parse(await res.json());
      expect(report.errors).toBe(1);
      expect(['too_heavy', 'took_too_long']).toContain(report.issues[0]?.code);
      expect(report.issues[0]?.message.en).toContain('nothing was changed');

      latencies.sort((a, b) => a - b);
      const slowest = latencies.at(-1) ?? Infinity;
      // Readers asked again and again all along (a blocked thread answers none until the check ends).
      expect(latencies.length).toBeGreaterThan(100);
      expect(
        slowest,
        `slowest of ${latencies.length} answers, during a check of ${Math.round(checkMs)} ms`,
      ).toBeLessThan(checkMs / 10);
      expect((await server.request('/readyz')).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.output()).toContain('"msg":"stopped"');
  }, 300_000);
});
