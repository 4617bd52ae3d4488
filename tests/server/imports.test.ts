/**
 * The monthly data update, from the file to the published version: the template round trip in
 * xlsx and in CSV (UTF-8 with and without BOM, GB18030), a month of figures imported and shown by
 * the API, every kind of bad file refused with its message and nothing changed, publishing,
 * concurrent publishing, rollback, access (the server and the commands as processes:
 * tests/processes/import-commands.test.ts).
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiList, sectorList } from '../../server/answers/figures';
import { reportDataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import type { Dataset } from '../../data/dataset';
import { templateCsv, templateXlsx } from '../../server/import/export';
import { datasetTables } from '../../server/import/template';
import { prepareImport } from '../../server/import/prepare';
import { IMPORT_LIMITS, IMPORT_SHEETS, PublishResultSchema, VersionListSchema } from '../../src/api/admin';
import type { ImportReport } from '../../src/api/admin';
import { MetaSchema } from '../../src/api/meta';
import { editorOn, startService } from './harness';
import type { Editor, TestServer } from './harness';
import { addMonth, loadWorkbook, MONTH_FILE, monthWorkbook, saveWorkbook, zipWith } from './sheets';

interface Answer {
  error?: string;
  message?: string;
  winner?: { id: number; publishedBy: string };
  items?: { id: string; value: unknown }[];
}
const answer = async (res: Response) => (await res.json()) as Answer;

const TODAY = '2026-12-02';
/** The template's 指标 rows: the first row a test adds, and the published 签约资金 of 2023H1. */
const indicatorRows = datasetTables(reportDataset).indicators.rows;
const NEXT = indicatorRows.length + 3;
const SIGNED_H1 = indicatorRows.findIndex((r) => r.key === 'investment-signed 实际 2023H1') + 3;
const check = (bytes: Buffer, fileName = 'upload.xlsx', base: Dataset = reportDataset) =>
  prepareImport({ bytes, fileName, base, baseVersion: 1, today: TODAY });
const codes = (report: Omit<ImportReport, 'id'>) => report.issues.map((i) => i.code);

let template: Buffer;
beforeAll(async () => {
  template = await templateXlsx(reportDataset, 1);
});

describe('the template', () => {
  it('exported and imported back as xlsx changes nothing', async () => {
    const { report, dataset } = await check(template);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(0);
    expect(report.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['产业目录', reportDataset.meta.sectors.length],
      ['指标分组', reportDataset.meta.kpiGroups.length],
      ['指标目录', reportDataset.kpis.length],
      ['指标', indicatorRows.length],
      ['产业', reportDataset.sectorFigures.length],
      ['项目', reportDataset.projects.length],
    ]);
    expect(report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(dataset).toEqual(reportDataset);
  });

  it('has Chinese headers, the help sheet with the settings and allowed ids, and frozen header rows', async () => {
    const workbook = await loadWorkbook(template);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '产业目录',
      '指标分组',
      '指标目录',
      '指标',
      '产业',
      '项目',
    ]);
    const indicators = workbook.getWorksheet('指标')!;
    expect(indicators.getRow(1).values).toEqual([undefined, '模板版本', 'beibei-import/1', '表', '指标']);
    expect(indicators.getRow(2).values).toEqual([
      undefined,
      '指标代码',
      '指标名称',
      '类别',
      '时期',
      '数值',
      '单位',
      '同比增速(%)',
      '计划完成率(%)',
      '来源',
    ]);
    expect(indicators.getRow(SIGNED_H1).values).toEqual([
      undefined,
      'investment-signed',
      '签约资金',
      '实际',
      '2023H1',
      180,
      '亿元',
      undefined,
      undefined,
      '报告第 52 行',
    ]);
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const help = workbook.getWorksheet('说明')!;
    const text = help
      .getSheetValues()
      .flat()
      .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))
      .join(' ');
    expect(text).toContain('数据截至 2023-08-26');
    expect(text).toContain('默认时期 2023H1');
    expect(text).toContain('automotive（汽车）');
    expect(text).toContain('在谈、已签约、前期、在建、建成');
  });

  it.each([
    ['UTF-8 with BOM', (csv: string) => Buffer.from(csv), 'utf-8-bom'],
    ['UTF-8 without BOM', (csv: string) => Buffer.from(csv.slice(1)), 'utf-8'],
    ['GB18030 (Excel on a Chinese Windows PC)', (csv: string) => iconv.encode(csv.slice(1), 'gb18030'), 'gb18030'],
  ] as const)(
    'exported and imported back as CSV in %s changes nothing, for each sheet',
    async (_, encode, encoding) => {
      for (const sheet of IMPORT_SHEETS) {
        const { report, dataset } = await check(encode(templateCsv(reportDataset, sheet)), `${sheet}.csv`);
        expect(report.encoding).toBe(encoding);
        expect(report.issues).toEqual([]);
        expect(report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
        expect(dataset).toEqual(reportDataset);
      }
    },
  );
});

describe('a month of new figures (illustrative 2023年1–8月)', () => {
  let report: Omit<ImportReport, 'id'>;
  let dataset: Dataset;
  let rows: ReturnType<typeof addMonth>;
  beforeAll(async () => {
    const month = await monthWorkbook(template);
    rows = month.rows;
    const prepared = await check(month.bytes, MONTH_FILE);
    report = prepared.report;
    // Checked against version 1: its figures name version 2, the one publishing it makes.
    dataset = prepared.dataset!;
  });

  it('passes, and the preview lists what publishing adds', () => {
    expect(report.errors).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.preview).toMatchObject({
      counts: { added: 3, changed: 0, removed: 0 },
      periodsAdded: ['2023M08'],
      periodsRemoved: [],
      asOf: { before: '2023-08-26', after: '2023-09-20' },
    });
    expect(report.preview?.tiles.map((t) => [t.label['zh-CN'], t.periods])).toEqual([
      ['签约资金', ['2023M08']],
      ['到位资金', ['2023M08']],
      ['汽车产业规上工业产值', ['2023M08']],
      ['汽车产业规上工业企业', ['2023M08']],
    ]);
    expect(report.preview?.changes[0]?.after).toBe('数值 205.6；单位 亿元');
    expect(report.preview?.changes[2]?.after).toBe('产值(亿元) 65.02；增速(%) 11.1；企业数(家) 53');
    expect(report.preview?.changes.map((c) => `${c.change} ${c.key}`)).toEqual([
      'added investment-signed 实际 2023M08',
      'added investment-arrived 实际 2023M08',
      'added automotive 2023M08',
    ]);
  });

  it("gives the new period to the period list, in time order (after the report's to-date period), and makes it the default", () => {
    expect(dataset.meta.periods.map((p) => p.id)).toEqual([
      '2022',
      '2023H1',
      '2023M07',
      '2023D0826',
      '2023M08',
      '2023',
    ]);
    expect(dataset.meta.defaultPeriod).toBe('2023M08');
    expect(dataset.meta.asOf).toBe('2023-09-20');
  });

  it('answers the month with its figures, marked as imported from the file, sheet and row', () => {
    const { items } = kpiList(dataset, '2023M08', null);
    const signed = items.find((k) => k.id === 'investment-signed')!;
    expect(signed.value).toMatchObject({
      value: 205.6e8,
      unit: 'cny',
      digits: 4,
      provenance: { kind: 'imported', import: { file: MONTH_FILE, version: 2, sheet: '指标', row: rows.signed } },
    });
    const arrived = items.find((k) => k.id === 'investment-arrived')!;
    expect(arrived.value?.value).toBe(81.2e8);
    expect(arrived.yoy).toMatchObject({ value: 38.5, unit: 'percent' });
    const automotive = sectorList(dataset, '2023M08').items.find((s) => s.id === 'automotive')!;
    expect(automotive.output).toMatchObject({ value: 65.02e8, provenance: { kind: 'imported' } });
    expect(automotive.firms?.value).toBe(53);
  });

  it('draws no trend from two known points (the report’s half-year and the new month): a trend needs three', () => {
    const signed = dataset.kpis.find((k) => k.id === 'investment-signed')!;
    expect(signed.values['2023M08']?.value).toMatchObject({ value: 205.6e8, provenance: { kind: 'imported' } });
    expect(signed.values['2023M08']?.series ?? null).toBeNull();
    // The half-year is what it was.
    expect(signed.values['2023H1']).toEqual(
      reportDataset.kpis.find((k) => k.id === 'investment-signed')!.values['2023H1'],
    );
  });

  it('on the sample, adds the month as a point on the trend, after the half-year and its illustrative months', async () => {
    const month = await monthWorkbook(await templateXlsx(demoDataset, 1));
    const prepared = await prepareImport({
      bytes: month.bytes,
      fileName: MONTH_FILE,
      base: demoDataset,
      baseVersion: 1,
      today: TODAY,
    });
    expect(prepared.report.errors).toBe(0);
    const sample = prepared.dataset!;
    const signed = sample.kpis.find((k) => k.id === 'investment-signed')!;
    const points = signed.values['2023M08']?.series?.points ?? [];
    expect(points.map((p) => p.period)).toEqual([
      '2023M01',
      '2023M02',
      '2023M03',
      '2023M04',
      '2023M05',
      '2023M06',
      '2023M08',
    ]);
    expect(points.at(-2)).toMatchObject({ value: 180e8, provenance: { kind: 'reported', source: 'L52' } });
    expect(points.at(-1)).toMatchObject({ value: 205.6e8, provenance: { kind: 'imported' } });
    const automotive = sample.sectorFigures.find((f) => f.sector === 'automotive' && f.period === '2023M08');
    expect(automotive?.series?.points.map((p) => p.period).at(-1)).toBe('2023M08');
    expect(automotive?.series?.points.at(-2)).toMatchObject({ period: '2023M07', value: 56.67e8 });
  });

  it('keeps everything else as published: unchanged figures keep their report line', () => {
    expect(dataset.projects).toEqual(reportDataset.projects);
    expect(dataset.namedFirms).toEqual(reportDataset.namedFirms);
    const before = reportDataset.kpis.find((k) => k.id === 'key-projects');
    expect(dataset.kpis.find((k) => k.id === 'key-projects')).toEqual(before);
  });
});

/** The template with `edit` applied to the named sheet. */
async function edited(edit: (ws: import('exceljs').Worksheet, wb: import('exceljs').Workbook) => void, sheet = '指标') {
  const workbook = await loadWorkbook(template);
  edit(workbook.getWorksheet(sheet)!, workbook);
  return saveWorkbook(workbook);
}

describe('cell by cell validation', () => {
  it('names sheet, Excel row, column and header for each wrong cell, and blocks publishing', async () => {
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023M13', 200, '亿元']); // unknown period
      ws.addRow(['no-such-kpi', null, '实际', '2023M08', 1, '%']); // unknown indicator
      ws.addRow(['investment-signed', null, '实际', '2023M09', '二百', '亿元']); // text in a number cell
      ws.addRow(['investment-signed', null, '实际', '2023M10', 200, '户']); // unit that does not fit
      ws.addRow(['private-entities', null, '实际', '2023M08', -5, '万户']); // a count below zero
      ws.addRow(['investment-signed', null, '实际', '2027M01', 1, '亿元']); // the future
      ws.addRow(['investment-signed', null, '预计', '2023M11', 1, '亿元']); // unknown kind
    });
    const { report, dataset } = await check(bytes);
    expect(dataset).toBeNull();
    expect(report.preview).toBeNull();
    const at = (code: string) => report.issues.find((i) => i.code === code);
    expect(at('unknown_period')).toMatchObject({
      sheet: '指标',
      row: NEXT,
      column: 'D',
      header: '时期',
      value: '2023M13',
    });
    expect(at('unknown_indicator')).toMatchObject({ row: NEXT + 1, column: 'A', value: 'no-such-kpi' });
    expect(at('not_a_number')).toMatchObject({ row: NEXT + 2, column: 'E', header: '数值', value: '二百' });
    expect(at('unit_mismatch')).toMatchObject({ row: NEXT + 3, column: 'F', value: '户' });
    expect(at('unit_mismatch')?.message['zh-CN']).toContain('应为 亿元、万元、元');
    expect(at('below_minimum')).toMatchObject({ row: NEXT + 4, column: 'E' });
    expect(at('future_period')).toMatchObject({ row: NEXT + 5, column: 'D' });
    expect(at('future_period')?.message.en).toContain('2027M01 has not begun');
    expect(at('unknown_kind')).toMatchObject({ row: NEXT + 6, column: 'C', value: '预计' });
    expect(report.errors).toBe(7);
  });

  it('refuses missing and extra columns by name, like a BI upload', async () => {
    const bytes = await edited((ws) => {
      ws.getRow(2).getCell(5).value = '数值（亿元）';
      ws.getRow(2).getCell(10).value = '备注';
    });
    const { report } = await check(bytes);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'missing_columns', sheet: '指标', row: 2 });
    expect(report.issues[0]?.message['zh-CN']).toMatch(/^缺少列：数值；多余列：数值\(亿元\)、备注。/);
    expect(report.issues[0]?.message.en).toMatch(/^missing columns: 数值; extra columns: 数值\(亿元\), 备注\./);
  });

  it('refuses duplicates, naming the first row', async () => {
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023H1', 181, '亿元']);
    });
    const { report } = await check(bytes);
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['duplicate_row', NEXT]]);
    expect(report.issues[0]?.message['zh-CN']).toContain(`与第 ${SIGNED_H1} 行重复`);
  });

  it('reads formulas as the values Excel saved, and refuses one saved without a value', async () => {
    const bytes = await edited((ws) => {
      ws.getRow(SIGNED_H1).getCell(5).value = { formula: '100+80', result: 180, date1904: false };
      ws.addRow(['investment-signed', null, '实际', '2023M08', { formula: `E${SIGNED_H1}*1.1` }, '亿元']);
    });
    const { report } = await check(bytes);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'formula_without_value', row: NEXT, column: 'E' })]);
  });

  it('warns, without blocking, on a cumulative figure below the month before and on a 10× jump', async () => {
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023M08', 15, '亿元']);
    });
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.column])).toEqual([
      ['warning', 'cumulative_decrease', '指标', NEXT, 'E'],
      ['warning', 'ten_times', '指标', NEXT, 'E'],
      ['warning', 'default_period_older', '说明', null, 'B'],
      ['warning', 'period_after_as_of', '说明', null, 'B'],
    ]);
    expect(report.issues[2]?.message['zh-CN']).toContain('新增时期 2023M08，而看板默认仍显示 2023H1');
    expect(report.issues[3]?.message['zh-CN']).toContain('新增时期 2023M08 结束于“数据截至” 2023-08-26 之后');
    expect(report.issues[0]?.message['zh-CN']).toContain('低于上一期 2023H1');
    expect(report.issues[1]?.message['zh-CN']).toContain('不到上一期 2023H1 的十分之一');
    // The cell as the sheet wrote it, not the figure in yuan.
    expect(report.issues[1]?.value).toBe('15 亿元');
    expect(dataset).not.toBeNull();
  });

  it('compares a January running total with the January before, not with December’s total', async () => {
    // 400亿 by December 2023; 2024M01 at 30亿 is a normal January (no warning), 2025M01 at 2亿 is a
    // tenth of 2024's January (a unit slip).
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023M12', 400, '亿元']);
      ws.addRow(['investment-signed', null, '实际', '2024M01', 30, '亿元']);
      ws.addRow(['investment-signed', null, '实际', '2025M01', 2, '亿元']);
    });
    const { report } = await check(bytes);
    const tenTimes = report.issues.filter((i) => i.code === 'ten_times');
    expect(tenTimes.map((i) => i.row)).toEqual([NEXT + 2]);
    expect(tenTimes[0]?.message['zh-CN']).toContain('不到上一期 2024M01 的十分之一');
  });

  it('warns when a sheet would remove published rows', async () => {
    const bytes = await edited((ws) => {
      ws.spliceRows(5, 3);
    }, '项目');
    const { report } = await check(bytes);
    expect(report.preview?.counts.removed).toBe(3);
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'rows_removed', sheet: '项目' }),
    ]);
  });

  it('marks an attribute a sheet changes as imported; the project and its other attributes keep theirs', async () => {
    const index = reportDataset.projects.findIndex(
      (p) => p.provenance.kind === 'reported' && p.stage === 'construction',
    );
    const before = reportDataset.projects[index]!;
    const bytes = await edited((ws) => {
      ws.getRow(index + 3).getCell(5).value = '建成';
    }, '项目');
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    expect(report.preview?.changes).toEqual([
      expect.objectContaining({ change: 'changed', key: before.id, field: '阶段', before: '在建', after: '建成' }),
    ]);
    const after = dataset!.projects[index]!;
    expect(after.stage).toBe('completed');
    expect(after.provenance).toEqual(before.provenance);
    expect(after.fieldProvenance?.stage).toEqual({
      kind: 'imported',
      import: { file: 'upload.xlsx', version: 2, sheet: '项目', row: index + 3 },
    });
    expect(after.fieldProvenance?.level).toEqual(before.fieldProvenance?.level);
    expect(after.milestones).toEqual(before.milestones);
  });

  it('keeps text that starts like a formula as text, and the CSV export guards it', async () => {
    const bytes = await edited((ws) => {
      ws.getRow(3).getCell(2).value = '=HYPERLINK("http://x","点我")';
      ws.getRow(4).getCell(2).value = '<img src=x onerror=alert(1)>';
      ws.getRow(5).getCell(14).value = '@SUM(A1)';
    }, '项目');
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    expect(dataset?.projects[0]?.name).toBe('=HYPERLINK("http://x","点我")');
    expect(dataset?.projects[1]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(dataset?.projects[2]?.description).toBe('@SUM(A1)');
    const csv = templateCsv(dataset!, 'projects');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    // …and reading that CSV back gives the text, not the guard.
    const again = await check(Buffer.from(csv), 'projects.csv', dataset!);
    expect(again.report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
  });
});

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Made on first use and kept for the other tests that send it: compressing 200 MB takes a second or two. */
function kept(make: () => Buffer): () => Buffer {
  let bytes: Buffer | null = null;
  return () => (bytes ??= make());
}

/** What both zip bombs unpack to: a byte more than the limit. */
const bombData = kept(() => Buffer.alloc(IMPORT_LIMITS.unpackedBytes + 1));

/** Files refused as a whole: what they are, the bytes, the issue's code and its Chinese message. */
const BAD_FILES: [string, () => Buffer, string, RegExp][] = [
  ['a PDF', () => Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'not_a_spreadsheet', /不是电子表格文件/],
  ['an empty file', () => Buffer.alloc(0), 'empty_file', /空的/],
  [
    'an encrypted workbook',
    () => Buffer.concat([OLE, Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]),
    'encrypted',
    /设置了打开密码/,
  ],
  ['an old .xls', () => Buffer.concat([OLE, Buffer.alloc(2048)]), 'legacy_xls', /97–2003/],
  [
    'a zip bomb that says how big it is',
    kept(() => zipWith('xl/worksheets/sheet1.xml', bombData())),
    'zip_bomb',
    /压缩炸弹/,
  ],
  [
    'a zip bomb that lies about its size',
    kept(() => zipWith('xl/worksheets/sheet1.xml', bombData(), 1000)),
    'zip_bomb',
    /压缩炸弹/,
  ],
  [
    'a zip that is not a workbook',
    () => zipWith('hello.txt', Buffer.from('hello')),
    'not_a_workbook',
    /不是 Excel 工作簿/,
  ],
  [
    'more than 100,000 rows',
    () => {
      const head = templateCsv(reportDataset, 'projects').split('\r\n').slice(0, 2).join('\r\n');
      return Buffer.from(`${head}\r\n${'x,y\r\n'.repeat(IMPORT_LIMITS.rows + 20)}`);
    },
    'too_many_rows',
    /超过上限 100000 行/,
  ],
  [
    'UTF-16 text',
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')]),
    'utf16_text',
    /UTF-16/,
  ],
];

describe('files that are not what they should be', () => {
  it.each(BAD_FILES)('%s', async (_, bytes, code, text) => {
    const { report, dataset } = await check(bytes(), 'bad.xlsx');
    expect(dataset).toBeNull();
    expect(report.errors).toBe(1);
    expect(report.issues[0]).toMatchObject({ code, severity: 'error', sheet: null });
    expect(report.issues[0]?.message['zh-CN']).toMatch(text);
  });

  it('a sheet from another template version', async () => {
    const bytes = await edited((ws) => {
      ws.getRow(1).getCell(2).value = 'beibei-import/0';
    });
    const { report } = await check(bytes);
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'template_version',
        sheet: '指标',
        row: 1,
        column: 'B',
        value: 'beibei-import/0',
      }),
    ]);
    expect(report.issues[0]?.message['zh-CN']).toContain('请重新下载模板');
  });
  it('a CSV that is not from the template', async () => {
    const { report } = await check(Buffer.from('name,value\r\na,1\r\n'), 'other.csv');
    expect(codes(report)).toEqual(['not_the_template']);
  });
});

describe('publishing through the API', () => {
  let server: TestServer;
  let editor: Editor;
  const publishIt = (id: string, acceptWarnings = false) => editor.publish(id, { acceptWarnings });
  const meta = async () => MetaSchema.parse(await (await server.request('/api/v1/meta')).json());

  beforeAll(async () => {
    server = await startService();
    editor = await editorOn(server);
  });
  afterAll(() => server.stop());

  it('serves the template only to a signed-in editor, as a download', async () => {
    expect((await server.request('/api/v1/admin/template.xlsx')).status).toBe(401);
    const res = await server.request('/api/v1/admin/template.xlsx', { headers: { Cookie: editor.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="beibei-data-v1.xlsx"; filename*=UTF-8''${encodeURIComponent('北碚经济数据-第1版.xlsx')}`,
    );
    const workbook = await loadWorkbook(Buffer.from(await res.arrayBuffer()));
    expect(workbook.getWorksheet('项目')?.rowCount).toBe(reportDataset.projects.length + 2);
    const csv = await server.request('/api/v1/admin/template/sectors.csv', { headers: { Cookie: editor.cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('模板版本,beibei-import/1,表,产业');
  });

  it('refuses an upload without a session or without the CSRF token, and one over 20 MB', async () => {
    const anonymous = await server.request('/api/v1/admin/imports', { method: 'POST', body: new Uint8Array(template) });
    expect(anonymous.status).toBe(401);
    const noToken = await server.request('/api/v1/admin/imports', {
      method: 'POST',
      headers: { Cookie: editor.cookie },
      body: new Uint8Array(template),
    });
    expect(noToken.status).toBe(403);
    const big = await editor.post('/admin/imports', new Uint8Array(IMPORT_LIMITS.bytes + 1), {
      'Content-Length': String(IMPORT_LIMITS.bytes + 1),
    });
    expect(big.status).toBe(413);
    expect((await answer(big)).message).toContain('larger than 20 MB');
    expect((await meta()).dataVersion.id).toBe(1);
  });

  it('answers every bad file with its message, refuses to publish it, and the published version stays', async () => {
    for (const [what, bytes, code, text] of BAD_FILES) {
      const report = await editor.upload(bytes(), `${what}.xlsx`);
      expect(report.issues[0]?.code, what).toBe(code);
      expect(report.issues[0]?.message['zh-CN'], what).toMatch(text);
      const res = await publishIt(report.id, true);
      expect(res.status, what).toBe(422);
      expect((await meta()).dataVersion.id, what).toBe(1);
    }
  });

  it('reports a bad file, refuses to publish it, and changes nothing', async () => {
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023M08', 'abc', '亿元']);
    });
    const report = await editor.upload(bytes, '坏的.xlsx');
    expect(report).toMatchObject({ fileName: '坏的.xlsx', errors: 1, preview: null, baseVersion: 1 });
    const res = await publishIt(report.id, true);
    expect(res.status).toBe(422);
    expect((await answer(res)).error).toBe('has_errors');
    expect((await meta()).dataVersion.id).toBe(1);
  });

  it('publishes a month: /meta, the period list, the figures and the history show it; rolling back removes it', async () => {
    const { bytes } = await monthWorkbook(template);
    const report = await editor.upload(bytes, MONTH_FILE);
    expect(report.errors).toBe(0);
    const res = await publishIt(report.id);
    expect(res.status).toBe(201);
    const { version } = PublishResultSchema.parse(await res.json());
    expect(version).toMatchObject({
      id: 2,
      publishedBy: '王芳',
      sourceName: MONTH_FILE,
      sourceSha256: report.sha256,
      basedOn: 1,
      current: true,
    });
    const m = await meta();
    expect(m.dataVersion.id).toBe(2);
    expect(m.asOf).toBe('2023-09-20');
    expect(m.periods.map((p) => p.id)).toContain('2023M08');
    const kpis = await answer(await server.request('/api/v1/kpis?period=2023M08'));
    expect(kpis.items?.find((k) => k.id === 'investment-signed')?.value).toMatchObject({
      value: 205.6e8,
      provenance: { kind: 'imported', import: { file: MONTH_FILE, version: 2, sheet: '指标' } },
    });
    // Published once: the same upload cannot be published again.
    expect((await publishIt(report.id)).status).toBe(404);

    const versions = VersionListSchema.parse(
      await (await server.request('/api/v1/admin/versions', { headers: { Cookie: editor.cookie } })).json(),
    ).versions;
    expect(versions.map((v) => [v.id, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const back = await editor.post('/admin/versions/1/rollback', JSON.stringify({ basedOn: 2 }), {
      'Content-Type': 'application/json',
    });
    expect(back.status).toBe(201);
    expect(PublishResultSchema.parse(await answer(back)).version).toMatchObject({ id: 3, basedOn: 2 });
    const after = await meta();
    expect(after.dataVersion.id).toBe(3);
    expect(after.periods.map((p) => p.id)).not.toContain('2023M08');
    expect(after.asOf).toBe('2023-08-26');
    expect((await server.request('/api/v1/kpis?period=2023M08')).status).toBe(400);
    // A rollback based on an old version is refused.
    const stale = await editor.post('/admin/versions/2/rollback', JSON.stringify({ basedOn: 2 }), {
      'Content-Type': 'application/json',
    });
    expect(stale.status).toBe(409);
  });

  it('answers a rollback to a version that does not exist with 404 and a body that names it, and publishes nothing', async () => {
    const current = (await meta()).dataVersion.id;
    const res = await editor.post('/admin/versions/99/rollback', JSON.stringify({ basedOn: current }), {
      'Content-Type': 'application/json',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: 'not_found', message: 'there is no data version 99' });
    expect((await meta()).dataVersion.id).toBe(current);
  });

  it('asks for warnings to be accepted before publishing', async () => {
    const bytes = await edited((ws) => {
      ws.addRow(['investment-signed', null, '实际', '2023M08', 15, '亿元']);
    });
    const report = await editor.upload(bytes, 'warn.xlsx');
    expect(report.warnings).toBe(4);
    const refused = await publishIt(report.id, false);
    expect(refused.status).toBe(422);
    expect((await answer(refused)).error).toBe('warnings_not_accepted');
    expect((await publishIt(report.id, true)).status).toBe(201);
  });

  it('two editors publishing on the same version: the second is refused with the version that won, and nothing is half applied', async () => {
    const base = (await meta()).dataVersion.id;
    const current = await (
      await server.request('/api/v1/admin/template.xlsx', { headers: { Cookie: editor.cookie } })
    ).arrayBuffer();
    const a = await loadWorkbook(Buffer.from(current));
    a.getWorksheet('指标')!.addRow(['investment-signed', null, '实际', '2023M07', 190, '亿元']);
    const b = await loadWorkbook(Buffer.from(current));
    b.getWorksheet('指标')!.addRow(['investment-arrived', null, '实际', '2023M07', 75, '亿元']);
    const [first, second] = [
      await editor.upload(await saveWorkbook(a), 'a.xlsx'),
      await editor.upload(await saveWorkbook(b), 'b.xlsx'),
    ];
    expect([first.errors, second.errors]).toEqual([0, 0]);
    const answers = await Promise.all([publishIt(first.id, true), publishIt(second.id, true)]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    const body = await answer(loser);
    expect(body.error).toBe('version_conflict');
    expect(body.winner).toMatchObject({ id: base + 1, publishedBy: '王芳' });
    expect(body.message).toContain(`Version ${base + 1} was published`);
    expect((await meta()).dataVersion.id).toBe(base + 1);
  });

  it('audits every check, publication and rollback', async () => {
    const rows = await server.service
      .database()
      .query<{ action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE 'import.%' OR action LIKE 'data.%' ORDER BY id",
      );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['import.checked', 'data.published', 'data.rolled_back', 'data.publish_refused']),
    );
  });
});
