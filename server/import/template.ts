/**
 * The import template: its sheets, their Chinese column headers, and a dataset written into
 * them. The template export, the import's header check and the preview's comparison all use
 * these tables, so what is exported is exactly what an import reads back.
 */
import type { Dataset } from '../../data/dataset';
import type { KpiDirection } from '../../data/report';
import { IMPORT_SHEETS, TEMPLATE_VERSION } from '../../src/api/admin';
import type { ImportSheet } from '../../src/api/admin';
import type { LocalizedText, Measure, Provenance } from '../../src/api/common';
import type { SectorGroup } from '../../src/api/meta';
import { inNotation, kpiUnit, levels, notationFor, projectTypes, stages, unitTexts } from './notation';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Widths in Excel's character units. */
  width: number;
  /** Informational columns (names, sources) are written on export and not read back. */
  informational?: boolean;
  /**
   * Optional columns (the English names) are read when a file has them; a file without them
   * imports as before, and the published values stay.
   */
  optional?: boolean;
}

export interface SheetSpec {
  sheet: ImportSheet;
  /** The worksheet's name and the name in row 1's marker. */
  name: string;
  columns: readonly Column[];
}

export const SOURCE_HEADER = '来源';

/** Column headers by field, as the office writes them. */
export const HEADERS = {
  sectorCatalog: {
    id: '产业代码',
    name: '中文名称',
    nameEn: '英文名称',
    group: '类别',
    light: '颜色(浅色)',
    dark: '颜色(深色)',
    order: '顺序',
  },
  kpiGroupCatalog: {
    id: '分组代码',
    name: '中文名称',
    nameEn: '英文名称',
    order: '顺序',
  },
  indicatorCatalog: {
    id: '指标代码',
    name: '中文名称',
    nameEn: '英文名称',
    group: '分组',
    unit: '单位',
    direction: '方向',
    headline: '是否重点',
    order: '顺序',
    cumulative: '累计/时点',
  },
  indicators: {
    id: '指标代码',
    name: '指标名称',
    kind: '类别',
    period: '时期',
    value: '数值',
    unit: '单位',
    yoy: '同比增速(%)',
    planCompletion: '计划完成率(%)',
  },
  sectors: {
    id: '产业代码',
    name: '产业名称',
    period: '时期',
    output: '产值(亿元)',
    growth: '增速(%)',
    firms: '企业数(家)',
    share: '占比(%)',
  },
  projects: {
    id: '项目编号',
    name: '项目名称',
    sector: '产业',
    type: '类型',
    stage: '阶段',
    level: '级别',
    investmentPeriod: '投资时期',
    planned: '计划投资(万元)',
    completed: '完成投资(万元)',
    totalInvestment: '总投资(万元)',
    start: '开工日期',
    expectedCompletion: '预计建成日期',
    lastUpdate: '更新日期',
    description: '项目简介',
    nameEn: '英文名称',
    descriptionEn: '英文简介',
  },
} as const;

export const SHEETS: Record<ImportSheet, SheetSpec> = {
  sectorCatalog: {
    sheet: 'sectorCatalog',
    name: '产业目录',
    columns: [
      { header: HEADERS.sectorCatalog.id, width: 22 },
      { header: HEADERS.sectorCatalog.name, width: 14 },
      { header: HEADERS.sectorCatalog.nameEn, width: 26 },
      { header: HEADERS.sectorCatalog.group, width: 10 },
      { header: HEADERS.sectorCatalog.light, width: 11 },
      { header: HEADERS.sectorCatalog.dark, width: 11 },
      { header: HEADERS.sectorCatalog.order, width: 6 },
    ],
  },
  kpiGroupCatalog: {
    sheet: 'kpiGroupCatalog',
    name: '指标分组',
    columns: [
      { header: HEADERS.kpiGroupCatalog.id, width: 16 },
      { header: HEADERS.kpiGroupCatalog.name, width: 14 },
      { header: HEADERS.kpiGroupCatalog.nameEn, width: 30 },
      { header: HEADERS.kpiGroupCatalog.order, width: 6 },
    ],
  },
  indicatorCatalog: {
    sheet: 'indicatorCatalog',
    name: '指标目录',
    columns: [
      { header: HEADERS.indicatorCatalog.id, width: 30 },
      { header: HEADERS.indicatorCatalog.name, width: 30 },
      { header: HEADERS.indicatorCatalog.nameEn, width: 40 },
      { header: HEADERS.indicatorCatalog.group, width: 10 },
      { header: HEADERS.indicatorCatalog.unit, width: 7 },
      { header: HEADERS.indicatorCatalog.direction, width: 10 },
      { header: HEADERS.indicatorCatalog.headline, width: 9 },
      { header: HEADERS.indicatorCatalog.order, width: 6 },
      { header: HEADERS.indicatorCatalog.cumulative, width: 9 },
    ],
  },
  indicators: {
    sheet: 'indicators',
    name: '指标',
    columns: [
      { header: HEADERS.indicators.id, width: 30 },
      { header: HEADERS.indicators.name, width: 34, informational: true },
      { header: HEADERS.indicators.kind, width: 8 },
      { header: HEADERS.indicators.period, width: 10 },
      { header: HEADERS.indicators.value, width: 12 },
      { header: HEADERS.indicators.unit, width: 9 },
      { header: HEADERS.indicators.yoy, width: 12 },
      { header: HEADERS.indicators.planCompletion, width: 14 },
      { header: SOURCE_HEADER, width: 40, informational: true },
    ],
  },
  sectors: {
    sheet: 'sectors',
    name: '产业',
    columns: [
      { header: HEADERS.sectors.id, width: 14 },
      { header: HEADERS.sectors.name, width: 12, informational: true },
      { header: HEADERS.sectors.period, width: 10 },
      { header: HEADERS.sectors.output, width: 12 },
      { header: HEADERS.sectors.growth, width: 10 },
      { header: HEADERS.sectors.firms, width: 11 },
      { header: HEADERS.sectors.share, width: 10 },
      { header: SOURCE_HEADER, width: 40, informational: true },
    ],
  },
  projects: {
    sheet: 'projects',
    name: '项目',
    columns: [
      { header: HEADERS.projects.id, width: 26 },
      { header: HEADERS.projects.name, width: 40 },
      { header: HEADERS.projects.sector, width: 12 },
      { header: HEADERS.projects.type, width: 10 },
      { header: HEADERS.projects.stage, width: 8 },
      { header: HEADERS.projects.level, width: 8 },
      { header: HEADERS.projects.investmentPeriod, width: 10 },
      { header: HEADERS.projects.planned, width: 15 },
      { header: HEADERS.projects.completed, width: 15 },
      { header: HEADERS.projects.totalInvestment, width: 14 },
      { header: HEADERS.projects.start, width: 12 },
      { header: HEADERS.projects.expectedCompletion, width: 13 },
      { header: HEADERS.projects.lastUpdate, width: 12 },
      { header: HEADERS.projects.description, width: 50 },
      { header: HEADERS.projects.nameEn, width: 40, optional: true },
      { header: HEADERS.projects.descriptionEn, width: 50, optional: true },
      { header: SOURCE_HEADER, width: 40, informational: true },
    ],
  },
};

export const SHEET_ORDER: readonly ImportSheet[] = IMPORT_SHEETS;
export const HELP_SHEET_NAME = '说明';
/** Row 1 of every sheet: 模板版本 | beibei-import/1 | 表 | 指标. */
export const MARKER_LABEL = '模板版本';
export const MARKER_SHEET_LABEL = '表';
export const markerRow = (spec: { name: string }): Cell[] => [
  MARKER_LABEL,
  TEMPLATE_VERSION,
  MARKER_SHEET_LABEL,
  spec.name,
];
/** Header row and first data row, as Excel numbers them. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** Settings of the version, on the help sheet: label in column A, value in column B. */
export const SETTINGS = { asOf: '数据截至', defaultPeriod: '默认时期', nature: '数据性质' } as const;

/** What the 数据性质 setting says: the office's statistics, or sample data (the demo). */
export const NATURE = { official: '正式数据', sample: '演示数据（非正式统计）' } as const;

/** The 类别 of a sector in the catalog, as the report groups them (主导产业, 多点支撑). */
export const SECTOR_GROUP_TEXT: Record<SectorGroup, string> = { leading: '主导产业', multipoint: '多点支撑' };

export const DIRECTION_TEXT: Record<KpiDirection, string> = { higher: '越高越好', lower: '越低越好', neutral: '中性' };
export const CUMULATIVE_TEXT = { cumulative: '累计', point: '时点' } as const;
export const YES_NO = { yes: '是', no: '否' } as const;

export const KIND_ACTUAL = '实际';
export const KIND_TARGET = '目标';

/** Where a figure comes from, in the office's words (informational; an import sets its own). */
export function sourceText(p: Provenance): string {
  switch (p.kind) {
    case 'reported':
      return `报告第 ${(p.source ?? '').replaceAll('L', '').replace('-', '–')} 行`;
    case 'derived':
      return `推算：${p.formula ?? ''}`;
    case 'imported':
      return p.import
        ? `导入：${p.import.file}（第 ${p.import.version} 版，${p.import.sheet}表第 ${p.import.row} 行）`
        : '导入';
    case 'illustrative':
      return '示意数据（非统计数据）';
  }
}

const sources = (...ps: (Provenance | undefined)[]) =>
  [...new Set(ps.filter((p): p is Provenance => p !== undefined).map(sourceText))].join('；');

/** A measure as a number in the unit `notation` gives, or in a fixed scale (亿元 columns). */
const valueIn = (m: Measure | undefined | null, scale?: number): Cell =>
  m ? (scale ? Number((m.value / scale).toPrecision(15)) : inNotation(m.value, notationFor(m.unit, m.value))) : null;

/** One data row with what identifies it, for the preview. */
export interface TableRow {
  key: string;
  label: LocalizedText;
  cells: Cell[];
  /** Headline tile this row feeds, for the preview's list of tiles that change. */
  /** The overview tiles this row feeds (district headline tiles, a sector's tiles), by KPI id. */
  tiles: { kpi: string; period: string }[];
}

export interface SheetTable {
  spec: SheetSpec;
  rows: TableRow[];
}

/** The dataset's figures written as the template's sheets. */
export function datasetTables(dataset: Dataset): Record<ImportSheet, SheetTable> {
  const sectorName = new Map(dataset.meta.sectors.map((s) => [s.id, s.label]));
  const indicators: TableRow[] = [];
  for (const k of dataset.kpis) {
    for (const [period, v] of Object.entries(k.values)) {
      if (!v) continue;
      const notation = notationFor(v.value.unit, v.value.value);
      indicators.push({
        key: `${k.id} ${KIND_ACTUAL} ${period}`,
        label: { 'zh-CN': `${k.label['zh-CN']} · ${period}`, en: `${k.label.en} · ${period}` },
        cells: [
          k.id,
          k.label['zh-CN'],
          KIND_ACTUAL,
          period,
          inNotation(v.value.value, notation),
          notation.text,
          valueIn(v.yoy, 1),
          valueIn(v.planCompletion, 1),
          sources(v.value.provenance, v.yoy?.provenance, v.planCompletion?.provenance),
        ],
        tiles: k.headline ? [{ kpi: k.id, period }] : [],
      });
    }
    if (k.target) {
      const t = k.target.value;
      const notation = notationFor(t.unit, t.value);
      indicators.push({
        key: `${k.id} ${KIND_TARGET} ${k.target.period}`,
        label: {
          'zh-CN': `${k.label['zh-CN']} · ${k.target.period} 目标`,
          en: `${k.label.en} · ${k.target.period} target`,
        },
        cells: [
          k.id,
          k.label['zh-CN'],
          KIND_TARGET,
          k.target.period,
          inNotation(t.value, notation),
          notation.text,
          null,
          null,
          sourceText(t.provenance),
        ],
        tiles: k.headline ? [{ kpi: k.id, period: k.target.period }] : [],
      });
    }
  }
  const sectors: TableRow[] = dataset.sectorFigures.map((f) => {
    const label = sectorName.get(f.sector);
    return {
      key: `${f.sector} ${f.period}`,
      label: { 'zh-CN': `${label?.['zh-CN'] ?? f.sector} · ${f.period}`, en: `${label?.en ?? f.sector} · ${f.period}` },
      cells: [
        f.sector,
        label?.['zh-CN'] ?? '',
        f.period,
        valueIn(f.output, 1e8),
        valueIn(f.growth, 1),
        valueIn(f.firms, 1),
        valueIn(f.share, 1),
        sources(f.output?.provenance, f.growth?.provenance, f.firms?.provenance, f.share?.provenance),
      ],
      // The sector's own tiles on the overview (server/answers/figures.ts sectorKpis).
      tiles: [
        ...(f.output ? [{ kpi: `sector-output-${f.sector}`, period: f.period }] : []),
        ...(f.firms ? [{ kpi: `sector-firms-${f.sector}`, period: f.period }] : []),
      ],
    };
  });
  const projects: TableRow[] = dataset.projects.map((p) => ({
    key: p.id,
    label: { 'zh-CN': p.name, en: p.nameEn ?? p.name },
    cells: [
      p.id,
      p.name,
      p.sector ? (sectorName.get(p.sector)?.['zh-CN'] ?? p.sector) : null,
      projectTypes.write(p.type),
      stages.write(p.stage),
      p.level ? levels.write(p.level) : null,
      p.investmentPeriod,
      valueIn(p.planned, 1e4),
      valueIn(p.completed, 1e4),
      valueIn(p.totalInvestment, 1e4),
      p.start,
      p.expectedCompletion,
      p.lastUpdate,
      p.description || null,
      p.nameEn ?? null,
      p.descriptionEn ?? null,
      sources(p.provenance, p.planned?.provenance, p.completed?.provenance),
    ],
    tiles: [],
  }));
  const sectorCatalog: TableRow[] = dataset.meta.sectors.map((s, i) => ({
    key: s.id,
    label: s.label,
    cells: [
      s.id,
      s.label['zh-CN'],
      s.label.en,
      SECTOR_GROUP_TEXT[s.group],
      s.color?.light ?? null,
      s.color?.dark ?? null,
      i + 1,
    ],
    tiles: [],
  }));
  const kpiGroupCatalog: TableRow[] = dataset.meta.kpiGroups.map((g, i) => ({
    key: g.id,
    label: g.label,
    cells: [g.id, g.label['zh-CN'], g.label.en, i + 1],
    tiles: [],
  }));
  const groupName = new Map(dataset.meta.kpiGroups.map((g) => [g.id, g.label['zh-CN']]));
  const indicatorCatalog: TableRow[] = dataset.kpis.map((k, i) => {
    const unit = kpiUnit(k);
    return {
      key: k.id,
      label: k.label,
      cells: [
        k.id,
        k.label['zh-CN'],
        k.label.en,
        groupName.get(k.group) ?? k.group,
        unit ? (unitTexts(unit)[0] ?? null) : null,
        k.direction ? DIRECTION_TEXT[k.direction] : null,
        k.headline ? YES_NO.yes : YES_NO.no,
        i + 1,
        k.cumulative === undefined ? null : k.cumulative ? CUMULATIVE_TEXT.cumulative : CUMULATIVE_TEXT.point,
      ],
      tiles: [],
    };
  });
  return {
    sectorCatalog: { spec: SHEETS.sectorCatalog, rows: sectorCatalog },
    kpiGroupCatalog: { spec: SHEETS.kpiGroupCatalog, rows: kpiGroupCatalog },
    indicatorCatalog: { spec: SHEETS.indicatorCatalog, rows: indicatorCatalog },
    indicators: { spec: SHEETS.indicators, rows: indicators },
    sectors: { spec: SHEETS.sectors, rows: sectors },
    projects: { spec: SHEETS.projects, rows: projects },
  };
}
