/**
 * The catalogs are data: an office adds, renames and colours sectors with the template's 产业目录
 * sheet, and adds, renames, regroups and removes indicators with its 指标目录 sheet; every answer
 * of the API follows the version published. A sector or indicator the rows name must be in its
 * catalog; a colour must stand out from both themes' surfaces; a sector with published figures
 * cannot be dropped, and an indicator with published figures only with a confirmation. The
 * sector, the indicator and their figures are made up for the tests (illustrative), never part
 * of the seed.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { templateXlsx } from '../../server/import/export';
import { levels, projectTypes, stages } from '../../server/import/notation';
import { prepareImport } from '../../server/import/prepare';
import { KpiListSchema } from '../../src/api/kpis';
import { MetaSchema } from '../../src/api/meta';
import { ProjectPageSchema } from '../../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../../src/api/sectors';
import { editorOn, startService } from './harness';
import type { Editor, TestServer } from './harness';
import { loadFigures } from '../../server/db/figures';
import { loadWorkbook, saveWorkbook } from './sheets';

const TODAY = '2026-12-02';
const NEV = 'new-energy-vehicles';
const NEV_COLOR = { light: '#00607A', dark: '#4FC3D9' };

let template: Buffer;
/** One service for the file: the tests publish one version after another on it. */
let server: TestServer;
let editor: Editor;
beforeAll(async () => {
  template = await templateXlsx(reportDataset, 1);
  server = await startService();
  editor = await editorOn(server);
});
afterAll(() => server.stop());

/** The template as the service exports its published version now. */
async function published(): Promise<ExcelJS.Workbook> {
  const res = await server.request('/api/v1/admin/template.xlsx', { headers: { Cookie: editor.cookie } });
  return loadWorkbook(Buffer.from(await res.arrayBuffer()));
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The template with `edit` applied, as bytes. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(template);
  edit(workbook);
  return saveWorkbook(workbook);
}

/** Adds 新能源汽车 to the catalog, its 2023H1 figures and one project in it; returns the rows. */
function addSector(workbook: ExcelJS.Workbook) {
  const catalog = sheet(workbook, '产业目录').addRow([
    NEV,
    '新能源汽车',
    'New energy vehicles',
    '主导产业',
    NEV_COLOR.light,
    NEV_COLOR.dark,
    9,
  ]).number;
  const figures = sheet(workbook, '产业').addRow([NEV, '新能源汽车', '2023H1', 42.5, 18.2, 12, null]).number;
  sheet(workbook, '项目').addRow([
    'nev-battery-plant',
    '新能源汽车电池示例项目',
    '新能源汽车',
    projectTypes.write('manufacturing'),
    stages.write('construction'),
    levels.write('district'),
    '2023H1',
    30000,
    12000,
    80000,
    '2023-03-01',
    '2025-06-30',
    '2023-07-31',
    '示例项目（测试数据）',
    null,
    null,
  ]);
  return { catalog, figures };
}

/** The row of the 产业目录 sheet whose code is `id`. */
function catalogRow(workbook: ExcelJS.Workbook, id: string): ExcelJS.Row {
  const ws = sheet(workbook, '产业目录');
  for (let n = 3; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === id) return ws.getRow(n);
  throw new Error(`no catalog row ${id}`);
}

const check = (bytes: Buffer) =>
  prepareImport({ bytes, fileName: 'catalog.xlsx', base: reportDataset, baseVersion: 1, today: TODAY });

describe('a target moved to another year', () => {
  it('with the same figure cites the file it was imported from, not the report line of the year before', async () => {
    const bytes = await edited((workbook) => {
      const rows = sheet(workbook, '指标');
      rows.eachRow((row) => {
        if (row.getCell(1).value === 'industrial-value-added-growth' && row.getCell(3).value === '目标') {
          row.getCell(4).value = '2024';
        }
      });
    });
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    const target = dataset?.kpis.find((k) => k.id === 'industrial-value-added-growth')?.target;
    expect(target).toMatchObject({ period: '2024', value: { value: 8, unit: 'percent' } });
    expect(target?.value.provenance).toMatchObject({
      kind: 'imported',
      import: { file: 'catalog.xlsx', sheet: '指标' },
    });
    // Kept where the year is the same: the report's own 2023 target still cites L32.
    const kept = (await check(await edited(() => undefined))).dataset?.kpis.find((k) => k.id === 'industrial-output');
    expect(kept?.target?.value.provenance).toEqual({ kind: 'reported', source: 'L32' });
  });
});

describe('checking a catalog sheet', () => {
  it('refuses a figures row or a project naming a sector the catalog does not have, with its row and column', async () => {
    const bytes = await edited((workbook) => {
      sheet(workbook, '产业').addRow(['steel', '钢铁', '2023H1', 10, 1, 3, null]);
    });
    const { report, dataset } = await check(bytes);
    expect(dataset).toBeNull();
    const issue = report.issues.find((i) => i.code === 'unknown_sector');
    expect(issue).toMatchObject({ severity: 'error', sheet: '产业', column: 'A', header: '产业代码', value: 'steel' });
    expect(issue?.row).toBe(reportDataset.sectorFigures.length + 3);
    expect(issue?.message['zh-CN']).toContain('automotive（汽车）');
  });

  it('refuses a colour that is not #RRGGBB, or too faint against a theme’s surface, naming the cell', async () => {
    const bytes = await edited((workbook) => {
      catalogRow(workbook, 'automotive').getCell(5).value = '#FFFF00';
      catalogRow(workbook, 'energy').getCell(6).value = 'grey';
    });
    const { report, dataset } = await check(bytes);
    expect(dataset).toBeNull();
    const faint = report.issues.find((i) => i.code === 'low_contrast');
    expect(faint).toMatchObject({ sheet: '产业目录', column: 'E', header: '颜色(浅色)', value: '#FFFF00' });
    expect(faint?.message['zh-CN']).toContain('对比度只有 1.1:1');
    expect(faint?.message.en).toContain('at least 3:1');
    expect(report.issues.find((i) => i.code === 'bad_color')).toMatchObject({ column: 'F', value: 'grey' });
  });

  it('refuses to drop a sector the published version has figures of, and says why', async () => {
    const bytes = await edited((workbook) => {
      sheet(workbook, '产业目录').spliceRows(catalogRow(workbook, 'automotive').number, 1);
    });
    const { report, dataset } = await check(bytes);
    expect(dataset).toBeNull();
    const issue = report.issues.find((i) => i.code === 'sector_in_use');
    expect(issue?.sheet).toBe('产业目录');
    expect(issue?.message['zh-CN']).toMatch(
      /^产业“汽车”（automotive）不在上传的产业目录中，但已发布的数据中有它的 \d+ 行产业数据/,
    );
  });

  it('keeps the published catalog when a workbook has no 产业目录 sheet (one made before it existed)', async () => {
    const bytes = await edited((workbook) => {
      workbook.removeWorksheet(sheet(workbook, '产业目录').id);
      // A sector the report gives no 2022 row: one added is a change.
      const id = reportDataset.meta.sectors.find(
        (s) => !reportDataset.sectorFigures.some((f) => f.sector === s.id && f.period === '2022'),
      )?.id;
      sheet(workbook, '产业').addRow([id, null, '2022', null, null, 10, null]);
    });
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    expect(report.preview?.counts.added).toBe(1);
    expect(dataset?.meta.sectors).toEqual(reportDataset.meta.sectors);
  });

  it('reads a sector in a project row by the name the published catalog gave it, when the upload renames it', async () => {
    const bytes = await edited((workbook) => {
      catalogRow(workbook, 'automotive').getCell(2).value = '汽车制造';
    });
    const { report, dataset } = await check(bytes);
    expect(report.errors).toBe(0);
    expect(dataset?.projects.filter((p) => p.sector === 'automotive').length).toBe(
      reportDataset.projects.filter((p) => p.sector === 'automotive').length,
    );
    expect(report.preview?.changes).toContainEqual(
      expect.objectContaining({
        sheet: 'sectorCatalog',
        key: 'automotive',
        field: '中文名称',
        before: '汽车',
        after: '汽车制造',
      }),
    );
  });
});

describe('publishing a catalog', () => {
  const get = async (path: string) => {
    const res = await server.request(`/api/v1${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const meta = async () => MetaSchema.parse((await get('/meta')).body);

  const publish = async (bytes: Buffer) => {
    const report = await editor.upload(bytes, 'catalog.xlsx');
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const res = await editor.publish(report.id, { acceptWarnings: true });
    expect(res.status).toBe(201);
  };

  it('adds a sector and renames another: /meta, /sectors, its page, its projects and its tiles answer it, within the contract', async () => {
    expect((await get(`/sectors/${NEV}`)).status).toBe(404);
    expect((await get(`/kpis?sector=${NEV}`)).status).toBe(400);
    await publish(
      await edited((workbook) => {
        addSector(workbook);
        const row = catalogRow(workbook, 'automotive');
        row.getCell(2).value = '汽车制造';
        row.getCell(3).value = 'Automobile manufacturing';
      }),
    );

    const m = await meta();
    expect(m.dataVersion.id).toBe(2);
    expect(m.sectors.at(-1)).toEqual({
      id: NEV,
      label: { 'zh-CN': '新能源汽车', en: 'New energy vehicles' },
      group: 'leading',
      color: NEV_COLOR,
    });
    // Renamed, its id and colour kept; the others as published.
    expect(m.sectors.find((s) => s.id === 'automotive')).toMatchObject({
      label: { 'zh-CN': '汽车制造', en: 'Automobile manufacturing' },
      color: reportDataset.meta.sectors.find((s) => s.id === 'automotive')?.color,
    });
    expect(m.sectors.slice(0, -1).filter((s) => s.id !== 'automotive')).toEqual(
      reportDataset.meta.sectors.filter((s) => s.id !== 'automotive'),
    );

    const list = SectorListSchema.parse((await get('/sectors?period=2023H1')).body);
    expect(list.items.find((s) => s.id === 'automotive')?.label['zh-CN']).toBe('汽车制造');
    expect(list.items.find((s) => s.id === NEV)).toMatchObject({
      label: { 'zh-CN': '新能源汽车' },
      output: { value: 42.5e8, unit: 'cny' },
      firms: { value: 12 },
    });
    const detail = SectorDetailSchema.parse((await get(`/sectors/${NEV}?period=2023H1`)).body);
    expect(detail.projectCount).toBe(1);
    const projects = ProjectPageSchema.parse((await get(`/projects?sector=${NEV}`)).body);
    expect(projects.items.map((p) => p.id)).toEqual(['nev-battery-plant']);
    const kpis = KpiListSchema.parse((await get(`/kpis?period=2023H1&sector=${NEV}`)).body);
    expect(kpis.items.map((k) => k.label['zh-CN'])).toContain('新能源汽车产业规上工业产值');
  });

  it('still refuses a sector no catalog names, with the same errors as before', async () => {
    expect(await get('/kpis?sector=steel')).toMatchObject({ status: 400, body: { error: 'bad_sector' } });
    expect(await get('/projects?sector=steel')).toMatchObject({ status: 400, body: { error: 'bad_query' } });
    expect(await get('/sectors/steel')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const { body } = await get('/kpis?sector=steel');
    expect((body as { message: string }).message).toContain(NEV);
  });
});

/** 工业投资 (illustrative): a new indicator with 12 cumulative months of 2023 and its annual target. */
const INVESTMENT = 'industrial-investment';
const RETAIL = 'retail-sales';
function addIndicator(workbook: ExcelJS.Workbook) {
  sheet(workbook, '指标目录').addRow([
    INVESTMENT,
    '工业投资',
    'Industrial investment',
    '工业',
    '亿元',
    '越高越好',
    '否',
    3,
    '累计',
  ]);
  const rows = sheet(workbook, '指标');
  for (let month = 1; month <= 12; month++) {
    rows.addRow([INVESTMENT, null, '实际', `2023M${String(month).padStart(2, '0')}`, 10 * month, '亿元', 5.5, null]);
  }
  rows.addRow([INVESTMENT, null, '目标', '2023', 150, '亿元', null, null]);
}

/** The row of the 指标目录 sheet whose code is `id`. */
function indicatorRow(workbook: ExcelJS.Workbook, id: string): ExcelJS.Row {
  const ws = sheet(workbook, '指标目录');
  for (let n = 3; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === id) return ws.getRow(n);
  throw new Error(`no indicator row ${id}`);
}

describe('the indicator catalog', () => {
  const kpis = async (period: string) => {
    const res = await server.request(`/api/v1/kpis?period=${period}`);
    return KpiListSchema.parse(await res.json()).items;
  };

  it('adds an indicator and renames another: /kpis answers its months, its target and its place, and the new name', async () => {
    const workbook = await published();
    addIndicator(workbook);
    const renamed = indicatorRow(workbook, 'investment-signed');
    renamed.getCell(2).value = '招商签约资金';
    renamed.getCell(3).value = 'Investment signed';
    const report = await editor.upload(await saveWorkbook(workbook), 'indicators.xlsx');
    expect(report.errors).toBe(0);
    expect((await editor.publish(report.id, { acceptWarnings: true })).status).toBe(201);

    const items = await kpis('2023M12');
    const added = items.find((k) => k.id === INVESTMENT);
    expect(added).toMatchObject({
      group: 'industry',
      label: { 'zh-CN': '工业投资', en: 'Industrial investment' },
      headline: false,
      valuePeriod: '2023M12',
      value: { value: 120e8, unit: 'cny' },
      yoy: { value: 5.5, unit: 'percent' },
      target: { period: '2023', kind: 'cumulative', value: { value: 150e8 } },
    });
    expect(added?.series?.cumulative).toBe(true);
    expect(added?.series?.points).toHaveLength(12);
    // Where its 顺序 puts it: after the indicator it shares 3 with, which comes first in the sheet.
    expect(items.map((k) => k.id).indexOf(INVESTMENT)).toBe(3);
    // The half year shows the latest month up to it.
    const h1 = await kpis('2023H1');
    expect(h1.find((k) => k.id === INVESTMENT)?.valuePeriod).toBe('2023M06');
    const signed = h1.find((k) => k.id === 'investment-signed');
    expect(signed?.label).toEqual({ 'zh-CN': '招商签约资金', en: 'Investment signed' });
    expect(signed?.value?.value).toBe(180e8);
  });

  it('refuses figures of an indicator no catalog names, with the row and column', async () => {
    const { report } = await check(
      await edited((workbook) => {
        sheet(workbook, '指标').addRow(['retail-sales', null, '实际', '2023M07', 800, '亿元', null, null]);
      }),
    );
    expect(report.issues.find((i) => i.code === 'unknown_indicator')).toMatchObject({
      sheet: '指标',
      column: 'A',
      value: 'retail-sales',
    });
  });

  it('removes an indicator with figures only when the removal is confirmed; earlier versions keep it', async () => {
    const workbook = await published();
    sheet(workbook, '指标目录').spliceRows(indicatorRow(workbook, 'rd-institutions').number, 1);
    const indicators = sheet(workbook, '指标');
    for (let n = indicators.rowCount; n >= 3; n--) {
      if (indicators.getRow(n).getCell(1).value === 'rd-institutions') indicators.spliceRows(n, 1);
    }
    const report = await editor.upload(await saveWorkbook(workbook), 'remove.xlsx');
    expect(report.errors).toBe(0);
    expect(report.preview?.indicatorsRemoved?.map((r) => r.kpi)).toEqual(['rd-institutions']);
    expect(report.preview?.indicatorsRemoved?.[0]?.figures).toBeGreaterThan(0);
    const count = report.preview?.removalToConfirm ?? 0;
    expect(count).toBeGreaterThan(0);

    const refused = await editor.publish(report.id, { acceptWarnings: true });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe('removal_not_confirmed');
    expect(body.message).toContain('(rd-institutions)');
    expect((await kpis('2023H1')).some((k) => k.id === 'rd-institutions')).toBe(true);

    expect((await editor.publish(report.id, { acceptWarnings: true, confirmRemoval: count })).status).toBe(201);
    expect((await kpis('2023H1')).some((k) => k.id === 'rd-institutions')).toBe(false);
    const first = await loadFigures(server.service.database(), 1);
    expect(first.kpis.some((k) => k.id === 'rd-institutions')).toBe(true);
  });

  it('adds 社会消费品零售总额 in a group of its own: /meta names the group, /kpis answers the indicator in it', async () => {
    const workbook = await published();
    sheet(workbook, '指标分组').addRow(['consumption', '消费', 'Consumption', 6]);
    sheet(workbook, '指标目录').addRow([
      RETAIL,
      '社会消费品零售总额',
      'Retail sales of consumer goods',
      '消费',
      '亿元',
      '越高越好',
      '是',
      30,
      '累计',
    ]);
    const rows = sheet(workbook, '指标');
    for (let month = 1; month <= 12; month++) {
      rows.addRow([RETAIL, null, '实际', `2023M${String(month).padStart(2, '0')}`, 70 * month, '亿元', 6.1, null]);
    }
    rows.addRow([RETAIL, null, '目标', '2023', 900, '亿元', null, null]);
    const report = await editor.upload(await saveWorkbook(workbook), 'retail.xlsx');
    expect(report.errors).toBe(0);
    expect((await editor.publish(report.id, { acceptWarnings: true })).status).toBe(201);

    const meta = MetaSchema.parse(await (await server.request('/api/v1/meta')).json());
    expect(meta.kpiGroups.at(-1)).toEqual({ id: 'consumption', label: { 'zh-CN': '消费', en: 'Consumption' } });
    const retail = (await kpis('2023M12')).find((k) => k.id === RETAIL);
    expect(retail).toMatchObject({
      group: 'consumption',
      headline: true,
      value: { value: 840e8 },
      yoy: { value: 6.1 },
      target: { period: '2023', kind: 'cumulative', value: { value: 900e8 } },
    });
  });

  it('refuses to drop a group an indicator of the catalog still belongs to, on that indicator’s row', async () => {
    const workbook = await published();
    const groups = sheet(workbook, '指标分组');
    for (let n = groups.rowCount; n >= 3; n--)
      if (groups.getRow(n).getCell(1).value === 'consumption') groups.spliceRows(n, 1);
    const report = await editor.upload(await saveWorkbook(workbook), 'groups.xlsx');
    const issue = report.issues.find((i) => i.code === 'unknown_group');
    expect(issue).toMatchObject({ sheet: '指标目录', column: 'D', value: '消费' });
  });
});
