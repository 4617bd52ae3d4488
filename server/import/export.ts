/**
 * The template filled with a version's data: an xlsx workbook (a help sheet, then one sheet
 * each for the sector and indicator catalogs, indicators, sectors and projects) or one sheet as CSV. Text is always written as
 * text: in the workbook as string cells, which Excel never evaluates, and in CSV with a leading
 * apostrophe before = + - @ (the CSV-injection guard the dashboard's own CSV downloads use).
 */
import ExcelJS from 'exceljs';
import type { Dataset } from '../../data/dataset';
import { TEMPLATE_VERSION } from '../../src/api/admin';
import type { ImportSheet } from '../../src/api/admin';
import { MIN_SECTOR_CONTRAST, THEME_SURFACES } from '../../src/api/meta';
import { toCsv } from '../../src/shared/csv';
import { kpiUnit, levels, projectTypes, stages, unitTexts } from './notation';
import {
  datasetTables,
  HEADER_ROW,
  HEADERS,
  HELP_SHEET_NAME,
  KIND_ACTUAL,
  KIND_TARGET,
  markerRow,
  NATURE,
  CUMULATIVE_TEXT,
  DIRECTION_TEXT,
  SECTOR_GROUP_TEXT,
  SETTINGS,
  SHEET_ORDER,
  SHEETS,
  YES_NO,
} from './template';
import type { Cell } from './template';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The template's file name for a version, as the office would name it (北碚经济数据-第3版.xlsx,
 * 北碚经济数据-第3版-指标.csv), and an ASCII one for clients that cannot take the other.
 */
export const templateFileName = (version: number, ext: string, sheet?: ImportSheet) => ({
  name: `北碚经济数据-第${version}版${sheet ? `-${SHEETS[sheet].name}` : ''}.${ext}`,
  ascii: `beibei-data-v${version}${sheet ? `-${sheet}` : ''}.${ext}`,
});

function helpRows(dataset: Dataset): Cell[][] {
  const { meta } = dataset;
  const rows: Cell[][] = [
    markerRow({ name: HELP_SHEET_NAME }),
    [],
    [SETTINGS.asOf, meta.asOf, '本版数据的截至日期（YYYY-MM-DD），显示为首页的“数据截至”'],
    [SETTINGS.defaultPeriod, meta.defaultPeriod, '打开看板时默认显示的时期'],
    [
      SETTINGS.nature,
      meta.sample ? NATURE.sample : NATURE.official,
      `“${NATURE.sample}”的数据库在每个页面和导出文件上标明“演示数据 · 非正式统计”，且不能再改回正式数据`,
    ],
    [],
    ['填写说明'],
    ['1', '每张表第 1 行是模板标记，第 2 行是列名，请勿修改；从第 3 行起每行一条数据。'],
    ['2', '上传的表会整体替换该部分数据：表中没有的行会被删除（预览中会列出）。没有上传的表保持不变。'],
    [
      '3',
      '时期写代码（2023M08 表示 1–8 月累计，2023H1 上半年，2023Q3 第三季度，2023 全年）或中文（2023年1-8月、2023年上半年）。',
    ],
    ['4', `“指标”表的类别写“${KIND_ACTUAL}”（实际完成）或“${KIND_TARGET}”（年度目标，时期写年份）。`],
    ['5', '数值只填数字；单位写在“单位”列或列名中。公式会按 Excel 保存的计算结果读取，不会重新计算。'],
    [
      '6',
      '“来源”列和“指标名称”“产业名称”列仅供参考，导入时不读取：导入的数据会记为“导入数据”，注明文件、版本、表和行。',
    ],
    [
      '7',
      `“${SHEETS.sectorCatalog.name}”表是看板的产业列表：上传这张表即整体替换产业目录（新增、改名、调整顺序和颜色），不上传则保持已发布的目录。“${HEADERS.sectorCatalog.id}”写小写字母、数字和“-”（以字母开头，不超过 40 个字符，如 new-energy-vehicles），出现在网址中，改名时请保持不变；“${HEADERS.sectorCatalog.group}”写“${SECTOR_GROUP_TEXT.leading}”或“${SECTOR_GROUP_TEXT.multipoint}”；颜色写 #RRGGBB，浅色和深色主题各一个，须与该主题的背景（浅色 ${THEME_SURFACES.light}，深色 ${THEME_SURFACES.dark}）有至少 ${MIN_SECTOR_CONTRAST}:1 的对比度，两格都空则按顺序使用默认配色；已有数据或项目的产业不能删除。“产业”“项目”表中的产业须是目录中的产业。`,
    ],
    [
      '8',
      `“${SHEETS.indicatorCatalog.name}”表是看板的指标列表：上传这张表即整体替换指标目录（新增、改名、调整分组、顺序、是否重点），不上传则保持已发布的目录。“${HEADERS.indicatorCatalog.id}”写小写字母、数字和“-”（以字母开头，如 retail-sales），改名时请保持不变；“${HEADERS.indicatorCatalog.group}”写“${SHEETS.kpiGroupCatalog.name}”表中分组的中文名称或代码（${meta.kpiGroups.map((g) => g.label['zh-CN']).join('、')}）；“${HEADERS.indicatorCatalog.unit}”写该指标数据的单位（已有数据的指标不能改单位）；“${HEADERS.indicatorCatalog.direction}”写${Object.values(DIRECTION_TEXT).join('、')}或留空；“${HEADERS.indicatorCatalog.headline}”写“${YES_NO.yes}”或“${YES_NO.no}”（重点指标显示在首页最前）；“${HEADERS.indicatorCatalog.cumulative}”写“${CUMULATIVE_TEXT.cumulative}”（1 月起累计，如 1–8 月）或“${CUMULATIVE_TEXT.point}”，或留空。每个指标每年的年度目标写在“${SHEETS.indicators.name}”表中，类别为“${KIND_TARGET}”，时期写年份，一年一行。删去已有数据的指标须在发布时另行确认；以前的版本仍保留它。`,
    ],
    [
      '9',
      `“${SHEETS.kpiGroupCatalog.name}”表是首页指标分组的列表（按顺序显示）：上传即整体替换，不上传则保持不变；“${HEADERS.kpiGroupCatalog.id}”写小写字母、数字和“-”，改名时请保持不变；仍有指标的分组不能删除。`,
    ],
    ['10', 'CSV 可为 UTF-8（带或不带 BOM）或 GBK/GB18030 编码，每个 CSV 只含一张表（保留第 1、2 行）。'],
    [
      '11',
      `“项目”表的“${HEADERS.projects.nameEn}”（不超过 300 个字符）和“${HEADERS.projects.descriptionEn}”（不超过 3000 个字符）可以不填：英文界面显示英文名称，并在旁边保留中文名称；中文“${HEADERS.projects.name}”始终是项目的名称。留空即删除该项目的英文名称或简介；整列删去则保持已发布的英文内容不变。`,
    ],
    [],
    ['可用代码'],
    ['时期（现有）', meta.periods.map((p) => p.id).join('、')],
    ['产业代码', meta.sectors.map((s) => `${s.id}（${s.label['zh-CN']}）`).join('、')],
    ['阶段', stages.allowed().join('、')],
    ['级别', levels.allowed().join('、')],
    ['项目类型', projectTypes.allowed().join('、')],
    [],
    ['指标代码', '指标名称', '可用单位'],
    ...dataset.kpis.map((k) => {
      const unit = kpiUnit(k);
      return [k.id, k.label['zh-CN'], unit ? unitTexts(unit).join('、') : ''];
    }),
  ];
  return rows;
}

const TEXT_COLUMN = /代码|编号|时期|日期|类别|单位|名称|简介|来源|产业$|类型|阶段|级别|颜色|分组|方向|是否|累计/;

/** The workbook: help sheet, then the data sheets with frozen headers and column widths. */
export async function templateXlsx(dataset: Dataset, version: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Beibei economy dashboard';
  workbook.title = `Beibei data, version ${version} (${TEMPLATE_VERSION})`;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const help = workbook.addWorksheet(HELP_SHEET_NAME);
  help.columns = [{ width: 16 }, { width: 60 }, { width: 60 }];
  for (const row of helpRows(dataset)) help.addRow(row);
  help.getRow(1).font = { color: { argb: 'FF666666' } };
  help.getCell('A3').font = { bold: true };
  help.getCell('A4').font = { bold: true };

  const tables = datasetTables(dataset);
  for (const sheet of SHEET_ORDER) {
    const { spec, rows } = tables[sheet];
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    // Text columns stay text however Excel would guess (ids like 2023, dates typed later).
    ws.columns = spec.columns.map((c) => ({
      width: c.width,
      ...(TEXT_COLUMN.test(c.header) ? { style: { numFmt: '@' } } : {}),
    }));
    ws.addRow(markerRow(spec)).font = { color: { argb: 'FF666666' } };
    const header = ws.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
    for (const row of rows) ws.addRow(row.cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet as CSV (UTF-8 with BOM, CRLF), with the template's marker row first. */
export function templateCsv(dataset: Dataset, sheet: ImportSheet): string {
  const { spec, rows } = datasetTables(dataset)[sheet];
  return toCsv(
    markerRow(spec).map((c) => String(c ?? '')),
    [spec.columns.map((c) => c.header), ...rows.map((r) => r.cells)],
  );
}
