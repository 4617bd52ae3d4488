/**
 * Uploads that cannot lose data or put control characters on a screen: every row in a file is
 * read whatever its line endings; a row with cells beyond the header, a character that is not
 * text, an impossible period or count is refused with the cell named; a date that contradicts
 * the stage is flagged; removing a share of a sheet's published rows needs its own confirmation,
 * naming the count; a field an import replaced says so.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { reportText } from '../../server/import/cli';
import { templateCsv, templateXlsx } from '../../server/import/export';
import { prepareImport, publishRefusal } from '../../server/import/prepare';
import { recordCount } from '../../server/import/read';
import { datasetTables } from '../../server/import/template';
import { IMPORT_SHEETS, REMOVAL_CONFIRM_SHARE } from '../../src/api/admin';
import type { ImportReport } from '../../src/api/admin';
import { editorOn, startService } from './harness';
import type { Editor, TestServer } from './harness';
import { loadWorkbook, saveWorkbook } from './sheets';

const TODAY = '2026-12-02';
const check = (bytes: Buffer, fileName = 'upload.csv') =>
  prepareImport({ bytes, fileName, base: reportDataset, baseVersion: 1, today: TODAY });
const codes = (report: Omit<ImportReport, 'id'>) => report.issues.map((i) => i.code);
const tables = datasetTables(reportDataset);

/** A CSV's records as written, split on the CRLF that ends each one outside quotes. */
function records(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text.startsWith('\r\n', i)) {
      out.push(text.slice(start, i));
      start = i + 2;
      i += 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const joinWith = (lines: string[], ending: (i: number) => string) => lines.map((line, i) => line + ending(i)).join('');

/** The ways an office's tools end lines, alone and mixed (Excel, LibreOffice, an editor on another PC). */
const LINE_ENDINGS: Record<string, (i: number) => string> = {
  'all CRLF': () => '\r\n',
  'all LF': () => '\n',
  'CR only': () => '\r',
  'CRLF for 12 lines, then LF': (i) => (i < 12 ? '\r\n' : '\n'),
  'LF for 12 lines, then CRLF': (i) => (i < 12 ? '\n' : '\r\n'),
};

describe('every row of a CSV is read, whatever its line endings', () => {
  for (const sheet of IMPORT_SHEETS) {
    for (const [name, ending] of Object.entries(LINE_ENDINGS)) {
      it(`the ${sheet} sheet with ${name} imports with zero changes`, async () => {
        const bytes = Buffer.from(joinWith(records(templateCsv(reportDataset, sheet)), ending));
        const { report, dataset } = await check(bytes, `${sheet}.csv`);
        expect(report.issues).toEqual([]);
        expect(report.sheets.map((s) => s.rows)).toEqual([tables[sheet].rows.length]);
        expect(report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
        expect(dataset).toEqual(reportDataset);
      });
    }
  }

  it('counts records as the parser does, for any mix of endings and quoted line breaks', () => {
    const cells = ['a', '"x\ny"', '"q""r"', '', '"\r\n"', '1.5'];
    const endings = ['\r\n', '\n', '\r'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const lines = Array.from({ length: 1 + next(8) }, () =>
        Array.from({ length: 1 + next(4) }, () => cells[next(cells.length)]).join(','),
      );
      const text = joinWith(lines, (i) => (i === lines.length - 1 && next(2) ? '' : (endings[next(3)] ?? '\n')));
      const parsed = parseCsv(text, { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown[];
      expect(recordCount(text), JSON.stringify(text)).toBe(parsed.length);
    }
  });

  it('refuses a row with more cells than the header, naming the row and the first extra cell', async () => {
    const lines = records(templateCsv(reportDataset, 'indicators'));
    lines[4] = `${lines[4]},"3,5"`;
    const { report, dataset } = await check(Buffer.from(lines.join('\r\n')));
    expect(report.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([['extra_cells', 5, 'J', '3,5']]);
    expect(report.preview).toBeNull();
    expect(dataset).toBeNull();
  });
});

/** The projects CSV with cells replaced: [row as Excel numbers it, header, value]. */
function projectsEdited(edits: readonly (readonly [number, string, string])[]): Buffer {
  const lines = records(templateCsv(reportDataset, 'projects'));
  const headers = parseCsv(lines[1] ?? '')[0] as string[];
  for (const [row, header, value] of edits) {
    const cells = parseCsv(lines[row - 1] ?? '', { relax_column_count: true })[0] as string[];
    cells[headers.indexOf(header)] = value;
    lines[row - 1] = cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  }
  return Buffer.from(lines.join('\r\n'));
}
const projectsWith = (row: number, header: string, value: string) => projectsEdited([[row, header, value]]);

/** A projects CSV over 64 KiB (long descriptions in its first rows) with a NUL in its last row's name. */
const nulPastSniffing = (last: number) =>
  projectsEdited([
    ...Array.from({ length: 16 }, (_, i) => [i + 3, '项目简介', '说明文字'.repeat(500)] as const),
    [last, '项目名称', '宝山\u0000项目'],
  ]);

describe('text that is not text', () => {
  const LAST = tables.projects.rows.length + 2;

  it('refuses a NUL past the first 64 KiB of a CSV, naming the cell; the report is plain text', async () => {
    const bytes = nulPastSniffing(LAST);
    expect(bytes.indexOf(0)).toBeGreaterThan(64 * 1024);
    const { report, dataset } = await check(bytes);
    expect(report.issues.map((i) => [i.code, i.row, i.column, i.header, i.value])).toEqual([
      ['unsafe_character', LAST, 'B', '项目名称', '宝山<U+0000>项目'],
    ]);
    expect(report.issues[0]?.message['zh-CN']).toContain('控制字符（U+0000）');
    expect(JSON.stringify(report)).not.toMatch(/\\u0000/);
    expect(dataset).toBeNull();
  });

  it.each([
    ['a terminal escape sequence', '宝山\u001b]0;pwned\u0007\u001b[2J', 'U+001B'],
    ['a right-to-left override', '宝山\u202excod.exe', 'U+202E'],
    ['a zero-width space', '宝山\u200b项目', 'U+200B'],
    ['a C1 control', '宝山\u009b项目', 'U+009B'],
  ])('refuses %s in a project name and never prints it to a terminal', async (_what, name, codePoint) => {
    const { report } = await check(projectsWith(5, '项目名称', name));
    expect(codes(report)).toEqual(['unsafe_character']);
    expect(report.issues[0]?.message.en).toContain(codePoint);
    for (const lang of ['zh-CN', 'en'] as const) {
      const printed = reportText(report, lang);
      // eslint-disable-next-line no-control-regex
      expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(printed).toContain(`<${codePoint}>`);
    }
  });

  it('refuses the same characters in codes and ids', async () => {
    const { report } = await check(projectsWith(5, '阶段', '在建\u200b'));
    expect(report.issues.map((i) => [i.code, i.header])).toEqual([['unsafe_character', '阶段']]);
  });

  it('keeps line breaks and tabs in a description (Alt+Enter in Excel)', async () => {
    const { report } = await check(projectsWith(5, '项目简介', '第一行\n第二行\t续'));
    expect(report.errors).toBe(0);
  });

  it('tells a UTF-16 file without a byte-order mark for what it is', async () => {
    const text = templateCsv(reportDataset, 'sectors').replace(/^\ufeff/, '');
    const { report } = await check(Buffer.from(text, 'utf16le'));
    expect(codes(report)).toEqual(['utf16_text']);
    expect(report.issues[0]?.message['zh-CN']).toContain('UTF-16');
  });
});

/** The indicators CSV with rows appended (cells as the sheet's columns). */
const indicatorsWith = (...rows: string[]) =>
  Buffer.from(`${records(templateCsv(reportDataset, 'indicators')).join('\r\n')}\r\n${rows.join('\r\n')}\r\n`);
const FIRST_NEW = tables.indicators.rows.length + 3;

describe('values that cannot be', () => {
  it('refuses a period before 2000, naming the cell', async () => {
    const { report } = await check(indicatorsWith('investment-signed,,实际,0000,10,亿元'));
    expect(report.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['implausible_period', FIRST_NEW, 'D', '0000'],
    ]);
  });

  it.each([
    ['12.5', '家'],
    ['1e-320', '家'],
    ['8.712345', '万户'],
  ])('refuses %s %s: counts are whole numbers', async (value, unit) => {
    const kpi = unit === '家' ? 'little-giants' : 'private-entities';
    const { report } = await check(indicatorsWith(`${kpi},,实际,2023M09,${value},${unit}`));
    expect(report.issues.map((i) => [i.code, i.column, i.value])).toEqual([['not_whole', 'E', value]]);
  });

  it('takes a whole count written in 万户 (8.71万户 is 87,100 entities)', async () => {
    const { report } = await check(indicatorsWith('private-entities,,实际,2023M09,8.71,万户'));
    expect(report.errors).toBe(0);
  });

  it('refuses a fraction of firms in the sectors sheet', async () => {
    const lines = records(templateCsv(reportDataset, 'sectors'));
    const { report } = await check(Buffer.from([...lines, 'automotive,汽车,2023M09,60,10,12.5,'].join('\r\n')));
    expect(report.issues.map((i) => [i.code, i.header])).toEqual([['not_whole', '企业数(家)']]);
  });

  it('flags a start in 2099 on a project under construction, without blocking', async () => {
    const row = tables.projects.rows.findIndex((r) => r.cells[4] === '在建') + 3;
    const { report } = await check(projectsWith(row, '开工日期', '2099-01-01'));
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => [i.severity, i.code, i.row, i.header])).toEqual([
      ['warning', 'implausible_date', row, '开工日期'],
      ['warning', 'start_after_today', row, '开工日期'],
    ]);
    expect(report.issues[1]?.message['zh-CN']).toContain('阶段为“在建”，但开工日期 2099-01-01 晚于今天');
  });
});

describe('wording', () => {
  it('names the allowed codes once, and a CSV points to the template for them', async () => {
    const csv = await check(indicatorsWith('investment-sighed,,实际,2023M09,10,亿元'));
    const message = csv.report.issues[0]?.message['zh-CN'] ?? '';
    expect(message).toContain('investment-signed、');
    expect(message).toContain('（见模板 .xlsx 的“说明”表）');
    expect(message.match(/说明/g)).toHaveLength(1);
  });

  it('points a CSV that adds a period to the .xlsx template for the settings, and flags a period after 数据截至', async () => {
    const { report } = await check(indicatorsWith('investment-signed,,实际,2023M09,210,亿元'));
    expect(report.issues.map((i) => [i.code, i.sheet])).toEqual([
      ['default_period_older', null],
      ['period_after_as_of', null],
    ]);
    expect(report.issues[0]?.message['zh-CN']).toContain('上传 .xlsx 模板，在其“说明”表中把“默认时期”改为 2023M09');
    expect(report.issues[1]?.message['zh-CN']).toContain('新增时期 2023M09 结束于“数据截至” 2023-08-26 之后');
  });

  it('prints the rows a publish adds and removes with their values', async () => {
    const lines = records(templateCsv(reportDataset, 'indicators'));
    const removed = lines.splice(2, 1)[0] ?? '';
    const { report } = await check(Buffer.from([...lines, 'investment-signed,,实际,2023M09,210,亿元'].join('\r\n')));
    const printed = reportText(report, 'zh-CN');
    expect(printed).toMatch(/added {3}签约资金 · 2023M09 数值 210；单位 亿元/);
    expect(printed).toContain(`removed ${removed.split(',')[1]}`);
    expect(printed).toMatch(/removed .*数值 45\.3；单位 %/);
  });
});

describe('a field an import replaced says where it now comes from', () => {
  it('marks a named project’s new name and description as imported, with the row; the rest keeps the report line', async () => {
    const template = await loadWorkbook(await templateXlsx(reportDataset, 1));
    const sheet = template.getWorksheet('项目');
    const row = tables.projects.rows.findIndex((r) => r.key === 'gzucm-chongqing-hospital') + 3;
    sheet!.getRow(row).getCell(2).value = '广州中医药大学第一附属医院重庆医院';
    sheet!.getRow(row).getCell(14).value = '国家区域医疗中心建设项目。';
    const { report, dataset } = await check(await saveWorkbook(template), '9月.xlsx');
    expect(report.errors).toBe(0);
    const project = dataset?.projects.find((p) => p.id === 'gzucm-chongqing-hospital');
    // Checked against version 1, it names version 2: the version publishing it makes.
    const imported = { kind: 'imported', import: { file: '9月.xlsx', version: 2, sheet: '项目', row } };
    expect(project?.fieldProvenance?.name).toEqual(imported);
    expect(project?.fieldProvenance?.description).toEqual(imported);
    expect(project?.provenance).toEqual(
      reportDataset.projects.find((p) => p.id === 'gzucm-chongqing-hospital')?.provenance,
    );
    expect(project?.fieldProvenance?.stage).not.toEqual(imported);
  });
});

describe('removing published rows needs its own confirmation, naming the count', () => {
  /** The indicators CSV without its last `n` rows. */
  const withoutLast = (n: number) => {
    const lines = records(templateCsv(reportDataset, 'indicators'));
    return Buffer.from(lines.slice(0, lines.length - n).join('\r\n'));
  };
  const published = tables.indicators.rows.length;

  it('lists the removals per sheet and asks for the count past a small share', async () => {
    const { report } = await check(withoutLast(10));
    expect(report.preview?.removals).toEqual([
      { sheet: 'indicators', name: '指标', removed: 10, published, needsConfirmation: true },
    ]);
    expect(report.preview?.removalToConfirm).toBe(10);
    expect(publishRefusal(report, { acceptWarnings: true })).toMatchObject({
      code: 'removal_not_confirmed',
      removal: 10,
    });
    expect(publishRefusal(report, { acceptWarnings: true, confirmRemoval: 9 })?.code).toBe('removal_not_confirmed');
    expect(publishRefusal(report, { acceptWarnings: false, confirmRemoval: 10 })?.code).toBe('warnings_not_accepted');
    expect(publishRefusal(report, { acceptWarnings: true, confirmRemoval: 10 })).toBeNull();
  });

  it('asks nothing more for a removal within the small share', async () => {
    const big = await templateXlsx(reportDataset, 1);
    const workbook = await loadWorkbook(big);
    const projects = workbook.getWorksheet('项目')!;
    projects.spliceRows(projects.rowCount, 1);
    const { report } = await check(await saveWorkbook(workbook), 'one-less.xlsx');
    expect(1 / tables.projects.rows.length).toBeLessThanOrEqual(REMOVAL_CONFIRM_SHARE);
    expect(report.preview?.removals).toMatchObject([{ sheet: 'projects', removed: 1, needsConfirmation: false }]);
    expect(report.preview?.removalToConfirm).toBe(0);
    expect(publishRefusal(report, { acceptWarnings: true })).toBeNull();
  });
});

describe('through the API', () => {
  let server: TestServer;
  let editor: Editor;
  /** The published indicators, as the template downloads them. */
  const figures = async () => {
    const res = await server.request('/api/v1/admin/template/indicators.csv', { headers: { Cookie: editor.cookie } });
    return records(await res.text()).length - 2;
  };

  beforeAll(async () => {
    server = await startService();
    editor = await editorOn(server);
  });
  afterAll(() => server.stop());

  it('answers a NUL in a cell with its report, never a 500, and stores the report', async () => {
    const report = await editor.upload(nulPastSniffing(tables.projects.rows.length + 2), 'nul.csv');
    expect(codes(report)).toEqual(['unsafe_character']);
    expect((await editor.publish(report.id, { acceptWarnings: true })).status).toBe(422);
  });

  it('refuses to remove 10 published rows until the count is confirmed, whatever the warnings', async () => {
    const before = await figures();
    expect(before).toBe(tables.indicators.rows.length);
    const lines = records(templateCsv(reportDataset, 'indicators'));
    const report = await editor.upload(Buffer.from(lines.slice(0, lines.length - 10).join('\r\n')), 'partial.csv');
    expect(report.preview?.removalToConfirm).toBe(10);
    const refused = await editor.publish(report.id, { acceptWarnings: true });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: 'removal_not_confirmed',
      message: expect.stringContaining('"confirmRemoval": 10') as unknown,
    });
    expect((await editor.publish(report.id, { acceptWarnings: true, confirmRemoval: 3 })).status).toBe(422);
    expect(await figures()).toBe(before);
    expect((await editor.publish(report.id, { acceptWarnings: true, confirmRemoval: 10 })).status).toBe(201);
    expect(await figures()).toBe(before - 10);
  });
});

describe('what the template does not carry', () => {
  it('keeps the task whose reported completion judges a target when an import changes the target', async () => {
    const lines = records(templateCsv(reportDataset, 'indicators'));
    const row = lines.findIndex((l) => l.startsWith('investment-signed,') && l.includes(',目标,'));
    lines[row] = (lines[row] ?? '').replace(',400,', ',420,');
    const { report, dataset } = await check(Buffer.from(lines.join('\r\n')));
    expect(report.errors).toBe(0);
    const before = reportDataset.kpis.find((k) => k.id === 'investment-signed')?.target;
    const after = dataset?.kpis.find((k) => k.id === 'investment-signed')?.target;
    expect(after?.value.value).toBe(420e8);
    expect(before?.periodCompletionKpi).toBe('attraction-target-completion');
    expect(after?.periodCompletionKpi).toBe(before?.periodCompletionKpi);
  });
});
