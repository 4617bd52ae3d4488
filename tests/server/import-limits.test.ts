/**
 * What an upload may cost the server: a file over the row limit is refused from a count made
 * while it is inflated, before ExcelJS builds anything; a file that needs more memory or time
 * than the worker is given, or arrives while the queue is full, gets a report saying so. That
 * readers do not wait meanwhile is shown with the server as a process
 * (tests/processes/upload-isolation.test.ts).
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { templateXlsx } from '../../server/import/export';
import { prepareImport } from '../../server/import/prepare';
import { checkZip } from '../../server/import/read';
import { prepareInWorker, setThreadScript, WORKER_LIMITS } from '../../server/import/worker';
import { IMPORT_LIMITS } from '../../src/api/admin';
import type { ImportReport } from '../../src/api/admin';
import { inlineStringRows, numberRows, rawWorkbook } from './big-sheets';

const input = (bytes: Buffer) => ({
  bytes,
  fileName: 'upload.xlsx',
  base: reportDataset,
  baseVersion: 1,
  today: '2026-12-02',
});
const refusal = (report: Omit<ImportReport, 'id'>) => {
  expect(report.errors).toBe(1);
  expect(report.preview).toBeNull();
  expect(report.issues).toHaveLength(1);
  return report.issues[0]!;
};

afterEach(() => vi.restoreAllMocks());

describe('the row limit, counted before ExcelJS reads the file', () => {
  it('refuses 200,000 rows without ExcelJS loading the workbook', async () => {
    const bytes = await rawWorkbook([{ name: '指标', rows: numberRows(200_000) }]);
    const loads = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    const { report } = await prepareImport(input(bytes));
    expect(loads).not.toHaveBeenCalled();
    const issue = refusal(report);
    expect(issue.code).toBe('too_many_rows');
    expect(issue.message['zh-CN']).toContain('文件有 200000 行，超过上限 100000 行');
  });

  it('counts the rows of every worksheet: the limit passes, one more is refused', async () => {
    const limit = IMPORT_LIMITS.rows + 10;
    const half = Math.floor(limit / 2);
    const sheets = (rows: number) => [
      { name: '指标', rows: numberRows(half) },
      { name: '项目', rows: numberRows(rows - half) },
    ];
    expect(await checkZip(await rawWorkbook(sheets(limit)))).toBeNull();
    expect((await checkZip(await rawWorkbook(sheets(limit + 1))))?.code).toBe('too_many_rows');
  });

  it('counts what ExcelJS counts: rows with a value, a text or a formula, not rows of formatting alone', async () => {
    const valued = IMPORT_LIMITS.rows + 11;
    const rows = (function* () {
      for (let i = 1; i <= valued; i++) {
        const r = 2 * i;
        const cell = [
          `<c r="A${r}"><v>1</v></c>`,
          `<c r="A${r}" t="inlineStr"><is><t>x</t></is></c>`,
          `<c r="A${r}"><f>1+1</f></c>`,
        ];
        // Every fifth row with a value follows one Excel writes for formatting alone: a styled row, or styled empty cells.
        if (i % 10 === 0) yield `<row r="${r - 1}" s="1" customFormat="1"/>`;
        if (i % 10 === 5) yield `<row r="${r - 1}"><c r="A${r - 1}" s="1"/><c r="B${r - 1}" s="1"/></row>`;
        yield `<row r="${r}" spans="1:2">${cell[i % 3]}<c r="B${r}" s="1"/></row>`;
      }
    })();
    const bytes = await rawWorkbook([{ name: '指标', rows }]);
    const problem = await checkZip(bytes);
    expect(problem?.en).toContain(`The file has ${valued} rows`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.actualRowCount).toBe(valued);
  });
});

describe('checking in a worker thread', () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await templateXlsx(reportDataset, 1);
  });

  it('gives the same report as checking in this thread, with the thread script the service runs', async () => {
    const inThread = await prepareImport(input(template));
    // The other tests run the same code bundled ahead (tests/server/setup.ts). The service's
    // limits, copied: a thread is kept loaded for the next upload only for the service's own.
    const bundled = setThreadScript(new URL('../../server/import/prepare-thread.mjs', import.meta.url));
    try {
      expect(await prepareInWorker(input(template), { ...WORKER_LIMITS })).toEqual(inThread);
    } finally {
      setThreadScript(bundled);
    }
    expect(await prepareInWorker(input(template))).toEqual(inThread);
  });

  it('refuses a file that needs more memory than the worker has, with a report, and the process carries on', async () => {
    // 100,000 one-letter cells: ExcelJS builds an object for each, more than a 32 MB heap holds
    // (the checking code itself needs about 20).
    const bytes = await rawWorkbook([{ name: '指标', rows: inlineStringRows(200, 500) }]);
    const { report, dataset } = await prepareInWorker(input(bytes), { ...WORKER_LIMITS, memoryMb: 32 });
    expect(dataset).toBeNull();
    const issue = refusal(report);
    expect(issue.code).toBe('too_heavy');
    expect(issue.message['zh-CN']).toContain('未作任何更改');
    expect(issue.message.en).toContain('too large');
    expect(issue.message.en).toContain('nothing was changed');
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.bytes).toBe(bytes.length);
    // With the memory it is given, the same file is read, and is simply not the template.
    expect((await prepareInWorker(input(bytes))).report.issues[0]?.code).not.toBe('too_heavy');
  });

  it('stops a check that takes longer than the time limit, with a report', async () => {
    const { report } = await prepareInWorker(input(template), { ...WORKER_LIMITS, timeMs: 50 });
    const issue = refusal(report);
    expect(issue.code).toBe('took_too_long');
    expect(issue.message.en).toContain('took longer than 0.05 s');
    expect(issue.message['zh-CN']).toContain('未作任何更改');
    expect((await prepareInWorker(input(template))).report.errors).toBe(0);
  });

  it('answers a file its first bytes refuse at once, without waiting for the uploads being checked', async () => {
    let checked = false;
    const check = prepareInWorker(input(template)).finally(() => {
      checked = true;
    });
    const pdf = await prepareInWorker(input(Buffer.from('%PDF-1.7\n\u0000\u0001binary')));
    expect(refusal(pdf.report).code).toBe('not_a_spreadsheet');
    expect(pdf.report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checked).toBe(false);
    expect((await check).report.errors).toBe(0);
  });

  it('checks one upload at a time: the next waits its turn, one more at once is asked to try again', async () => {
    const [first, second, third] = await Promise.all([
      prepareInWorker(input(template)),
      prepareInWorker(input(template)),
      prepareInWorker(input(template)),
    ]);
    expect(first.report.errors).toBe(0);
    expect(second.report.errors).toBe(0);
    expect(refusal(third.report).code).toBe('busy');
    expect((await prepareInWorker(input(template))).report.errors).toBe(0);
  });
});
