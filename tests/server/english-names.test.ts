/**
 * English names through the monthly import: the template writes each project's English name and
 * description in two optional columns (英文名称, 英文简介) that pass the same text gate as every
 * cell; a file with them stores them and the API serves them, one without them changes nothing
 * (the published English text stays, a new project has none), an empty cell removes one.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { templateCsv, templateXlsx } from '../../server/import/export';
import { levels, projectTypes, stages } from '../../server/import/notation';
import { prepareImport } from '../../server/import/prepare';
import { datasetTables } from '../../server/import/template';
import { ProjectDetailSchema, ProjectPageSchema } from '../../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../../src/api/sectors';
import { editorOn, emptyTestPostgres, openTestPostgres, startService, TEST_DATABASE_URL } from './harness';
import type { Editor, TestServer } from './harness';
import { loadWorkbook, saveWorkbook } from './sheets';

const TODAY = '2026-12-02';
const check = (bytes: Buffer, fileName = 'upload.xlsx') =>
  prepareImport({ bytes, fileName, base: reportDataset, baseVersion: 1, today: TODAY });

const BRIDGE = 'baoshan-jialing-river-bridge';
const BRIDGE_ROW = datasetTables(reportDataset).projects.rows.findIndex((r) => r.key === BRIDGE) + 3;
const published = (id: string) => reportDataset.projects.find((p) => p.id === id);

/** The 项目 sheet of a fresh template, and a cell of it by row and header. */
async function projectsSheet() {
  const workbook = await loadWorkbook(await templateXlsx(reportDataset, 1));
  const sheet = workbook.getWorksheet('项目')!;
  const headers = (sheet.getRow(2).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const cell = (row: number, header: string) => {
    const col = headers.indexOf(header);
    if (col < 1) throw new Error(`no column ${header}`);
    return sheet.getRow(row).getCell(col);
  };
  /** Takes the English columns out of the sheet, as a workbook filled before they existed has it. */
  const withoutEnglish = () => {
    for (const header of ['英文简介', '英文名称']) sheet.spliceColumns(headers.indexOf(header), 1);
  };
  return { workbook, sheet, cell, withoutEnglish };
}

/** A new project's row by header: under construction, no money, updated on the report's date. */
function addProject(sheet: ExcelJS.Worksheet, cells: Record<string, string>) {
  const headers = sheet.getRow(2).values as unknown[];
  const values: Record<string, string> = {
    类型: projectTypes.write('transport'),
    阶段: stages.write('construction'),
    级别: levels.write('district'),
    更新日期: '2023-08-26',
    ...cells,
  };
  sheet.addRow(headers.slice(1).map((h) => (typeof h === 'string' ? (values[h] ?? null) : null)));
}

describe('the template', () => {
  it('writes each project’s English name and description, and its 说明 sheet says what they are', async () => {
    const { workbook, cell } = await projectsSheet();
    const hospital = published('gzucm-chongqing-hospital');
    expect(hospital?.nameEn).toMatch(/Guangzhou University of Chinese Medicine/);
    const row = datasetTables(reportDataset).projects.rows.findIndex((r) => r.key === hospital?.id) + 3;
    expect(cell(row, '英文名称').value).toBe(hospital?.nameEn);
    expect(cell(row, '英文简介').value).toBe(hospital?.descriptionEn);
    const help = workbook
      .getWorksheet('说明')!
      .getSheetValues()
      .flat()
      .map((v) => (typeof v === 'string' ? v : ''))
      .join(' ');
    expect(help).toMatch(/“英文名称”（不超过 300 个字符）和“英文简介”（不超过 3000 个字符）可以不填/);
    expect(help).toContain('整列删去则保持已发布的英文内容不变');
  });
});

describe('a file without the English columns', () => {
  it('imports with zero changes as xlsx: the published English names stay', async () => {
    const { workbook, withoutEnglish } = await projectsSheet();
    withoutEnglish();
    const { report, dataset } = await check(await saveWorkbook(workbook));
    expect(report.issues).toEqual([]);
    expect(report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(dataset).toEqual(reportDataset);
  });

  it('imports with zero changes as CSV', async () => {
    const text = templateCsv(reportDataset, 'projects').slice(1);
    const records: string[][] = parseCsv(text, { relax_column_count: true });
    const dropped = new Set(['英文名称', '英文简介'].map((h) => records[1]?.indexOf(h)));
    expect(dropped.has(-1)).toBe(false);
    const csv = records
      .map((cells) => cells.filter((_, i) => !dropped.has(i)).map((c) => `"${c.replace(/"/g, '""')}"`))
      .join('\r\n');
    const { report, dataset } = await check(Buffer.from(csv), 'projects.csv');
    expect(report.issues).toEqual([]);
    expect(report.preview?.counts).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(dataset).toEqual(reportDataset);
  });
});

describe('the English cells', () => {
  it('an empty one removes the English name, and the preview lists the change', async () => {
    const { workbook, cell } = await projectsSheet();
    cell(BRIDGE_ROW, '英文名称').value = null;
    const { report, dataset } = await check(await saveWorkbook(workbook));
    expect(report.errors).toBe(0);
    expect(report.preview?.counts).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(report.preview?.changes).toEqual([
      expect.objectContaining({ key: BRIDGE, field: '英文名称', before: 'Baoshan Jialing River Bridge', after: null }),
    ]);
    const bridge = dataset?.projects.find((p) => p.id === BRIDGE);
    expect(bridge).not.toHaveProperty('nameEn');
    expect(bridge?.descriptionEn).toBe(published(BRIDGE)?.descriptionEn);
  });

  it('pass the text gate: a direction override is refused with the cell named, as in any cell', async () => {
    const { workbook, cell } = await projectsSheet();
    cell(BRIDGE_ROW, '英文名称').value = 'Baoshan \u202ebridge';
    const { report, dataset } = await check(await saveWorkbook(workbook));
    expect(report.issues.map((i) => [i.code, i.row, i.column, i.header, i.value])).toEqual([
      ['unsafe_character', BRIDGE_ROW, 'O', '英文名称', 'Baoshan <U+202E>bridge'],
    ]);
    expect(dataset).toBeNull();
  });

  it('are held to the contract’s lengths: a name of 300 characters, a description of 3000 (with its line breaks)', async () => {
    const { workbook, cell } = await projectsSheet();
    cell(BRIDGE_ROW, '英文名称').value = 'B'.repeat(300);
    cell(BRIDGE_ROW, '英文简介').value = `${'d'.repeat(2000)}\n${'e'.repeat(999)}`;
    const fits = await check(await saveWorkbook(workbook));
    expect(fits.report.errors).toBe(0);
    expect(ProjectDetailSchema.parse(fits.dataset?.projects.find((p) => p.id === BRIDGE)).descriptionEn).toContain(
      '\n',
    );
    cell(BRIDGE_ROW, '英文名称').value = 'B'.repeat(301);
    cell(BRIDGE_ROW, '英文简介').value = 'd'.repeat(3001);
    const long = await check(await saveWorkbook(workbook));
    expect(long.report.issues.map((i) => [i.code, i.header])).toEqual([
      ['too_long', '英文名称'],
      ['too_long', '英文简介'],
    ]);
  });
});

function throughTheApi(name: string, start: () => Promise<TestServer>) {
  describe(`through the API on ${name}`, () => {
    let server: TestServer;
    let editor: Editor;
    /** Uploads a workbook and publishes it; its report. */
    const publish = async (workbook: ExcelJS.Workbook, file: string) => {
      const report = await editor.upload(await saveWorkbook(workbook), file);
      expect(report.errors).toBe(0);
      expect((await editor.publish(report.id, { acceptWarnings: true })).status).toBe(201);
      return report;
    };
    const list = async () => {
      const res = await server.request('/api/v1/projects?pageSize=500');
      return ProjectPageSchema.parse(await res.json()).items;
    };
    const detail = async (id: string) =>
      ProjectDetailSchema.parse(await (await server.request(`/api/v1/projects/${id}`)).json());
    const stored = async (id: string) => {
      const rows = await server.service.database().query<{ name_en: string | null; description_en: string | null }>(
        `SELECT name_en, description_en FROM projects
           WHERE id = $1 AND version_id = (SELECT version_id FROM published)`,
        [id],
      );
      return rows[0];
    };

    beforeAll(async () => {
      server = await start();
      editor = await editorOn(server);
    });
    afterAll(() => server.stop());

    it('serves the report’s English names from a new database: projects and named firms', async () => {
      const bridge = (await list()).find((p) => p.id === BRIDGE);
      expect(bridge?.nameEn).toBe('Baoshan Jialing River Bridge');
      expect(bridge?.descriptionEn).toBe('Key project; construction has started.');
      const get = async (path: string) => (await server.request(`/api/v1${path}`)).json() as Promise<unknown>;
      const equipment = SectorDetailSchema.parse(await get('/sectors/equipment'));
      const other = SectorListSchema.parse(await get('/sectors')).otherFirms;
      expect(equipment.firms.find((f) => f.name === '神驰机电')?.nameEn).toBe('Senci Electric Machinery');
      expect(other.find((f) => f.name === '重庆川仪十七厂有限公司')?.nameEn).toBe(
        'Chongqing Chuanyi No. 17 Factory Co., Ltd.',
      );
      const firms = [...equipment.firms, ...other];
      expect(firms.every((f) => f.nameEn)).toBe(true);
    });

    it('stores and serves English names an import gives: a renamed one shows in /projects, a new project has its own', async () => {
      const { workbook, sheet, cell } = await projectsSheet();
      cell(BRIDGE_ROW, '英文名称').value = 'Baoshan Bridge over the Jialing River';
      addProject(sheet, {
        项目编号: 'jialing-riverside-path',
        项目名称: '嘉陵江滨江步道',
        英文名称: 'Jialing riverside path',
        英文简介: 'A riverside path.',
      });
      await publish(workbook, '英文名称.xlsx');
      const projects = await list();
      expect(projects.find((p) => p.id === BRIDGE)?.nameEn).toBe('Baoshan Bridge over the Jialing River');
      expect(projects.find((p) => p.id === BRIDGE)?.name).toBe('宝山嘉陵江大桥');
      expect(await detail('jialing-riverside-path')).toMatchObject({
        name: '嘉陵江滨江步道',
        nameEn: 'Jialing riverside path',
        descriptionEn: 'A riverside path.',
      });
      expect(await stored('jialing-riverside-path')).toEqual({
        name_en: 'Jialing riverside path',
        description_en: 'A riverside path.',
      });
    });

    it('leaves them null for a project a file without the English columns adds, and keeps the published ones', async () => {
      const { workbook, sheet, withoutEnglish } = await projectsSheet();
      // The sheet as published after the test before: its project stays, without English columns now.
      addProject(sheet, { 项目编号: 'jialing-riverside-path', 项目名称: '嘉陵江滨江步道' });
      withoutEnglish();
      addProject(sheet, { 项目编号: 'caijia-road-link', 项目名称: '蔡家连接道' });
      await publish(workbook, '无英文列.xlsx');
      expect(await stored('caijia-road-link')).toEqual({ name_en: null, description_en: null });
      const added = await detail('caijia-road-link');
      expect(added).not.toHaveProperty('nameEn');
      expect(added).not.toHaveProperty('descriptionEn');
      const projects = await list();
      expect(projects.find((p) => p.id === 'jialing-riverside-path')?.nameEn).toBe('Jialing riverside path');
      expect(projects.find((p) => p.id === BRIDGE)?.nameEn).toBe('Baoshan Bridge over the Jialing River');
    });
  });
}

throughTheApi('PGlite', () => startService());
if (TEST_DATABASE_URL) {
  throughTheApi('PostgreSQL (TEST_DATABASE_URL)', async () => {
    const url = await emptyTestPostgres('english_names');
    return startService({ open: openTestPostgres(url) });
  });
}
