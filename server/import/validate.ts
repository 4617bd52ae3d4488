/**
 * Validation of an upload, cell by cell, before anything changes: which template sheets the
 * file holds, their marker and headers, then every data row's ids, periods, numbers, units and
 * dates. Each finding names the sheet, the row as Excel numbers it and the column, and says in
 * both languages what is wrong and how to put it right. Rows that pass become typed rows.
 */
import type { Dataset } from '../../data/dataset';
import type { KpiDefinition, KpiDirection } from '../../data/report';
import type { KpiGroup } from '../../src/api/kpis';
import { TEMPLATE_VERSION } from '../../src/api/admin';
import type { ImportIssue, ImportSheet } from '../../src/api/admin';
import { SECTOR_ID_PATTERN } from '../../src/api/common';
import type { LevelId, PeriodId, ProjectTypeId, SectorId, StageId, Unit } from '../../src/api/common';
import { contrastRatio, MIN_SECTOR_CONTRAST, THEME_SURFACES } from '../../src/api/meta';
import type { KpiGroupInfo, SectorColor, SectorInfo } from '../../src/api/meta';
import { parsePeriod, periodEndDate } from '../../src/domain/periods';
import {
  fromNotation,
  kpiUnit,
  levels,
  numberText,
  projectTypes,
  readDate,
  readPeriod,
  stages,
  UNIT_NOTATIONS,
  unitNotation,
  unitTexts,
  writtenDigits,
} from './notation';
import type { RawCell, RawSheet } from './read';
import { unsafeCharacter, visible } from './text';
import {
  HEADER_ROW,
  HEADERS,
  HELP_SHEET_NAME,
  KIND_ACTUAL,
  KIND_TARGET,
  MARKER_LABEL,
  CUMULATIVE_TEXT,
  DIRECTION_TEXT,
  NATURE,
  SECTOR_GROUP_TEXT,
  SETTINGS,
  SHEETS,
  YES_NO,
} from './template';
import type { SheetSpec } from './template';

/** A number as written: its value in base units, its significant digits and the cell's text. */
export interface Written {
  value: number;
  digits: number;
  /** The number as the cell wrote it, in the cell's unit ("10" for 10 亿元). */
  text: string;
}

export interface IndicatorRow {
  row: number;
  kpi: string;
  kind: 'actual' | 'target';
  period: PeriodId;
  value: Written;
  unit: Unit;
  /** The unit as the sheet wrote it (亿元, 万元), which the value is written in. */
  unitText: string;
  yoy: Written | null;
  planCompletion: Written | null;
}

export interface SectorRow {
  row: number;
  sector: SectorId;
  period: PeriodId;
  output: Written | null;
  growth: Written | null;
  firms: Written | null;
  share: Written | null;
}

export interface ProjectRow {
  row: number;
  id: string;
  name: string;
  sector: SectorId | null;
  type: ProjectTypeId;
  stage: StageId;
  /** Null: the source does not say. */
  level: LevelId | null;
  /** Null with the money: the source gives none for the project. */
  investmentPeriod: PeriodId | null;
  planned: Written | null;
  completed: Written | null;
  totalInvestment: Written | null;
  start: string | null;
  expectedCompletion: string | null;
  lastUpdate: string;
  description: string;
  /**
   * The English name and description: null where the cell is empty; absent where the file has
   * no such column (the published ones stay).
   */
  nameEn?: string | null;
  descriptionEn?: string | null;
}

/** A sector of the uploaded catalog, with its row and its place (顺序) among the others. */
export interface SectorCatalogRow extends SectorInfo {
  row: number;
  order: number | null;
}

/** An indicator of the uploaded catalog: what it says of it (its figures and target are the 指标 sheet's). */
export interface IndicatorCatalogEntry {
  id: string;
  label: KpiDefinition['label'];
  group: KpiGroup;
  headline: boolean;
  /** Absent: not said (the unit of its figures). */
  unit?: Unit;
  direction?: KpiDirection;
  cumulative?: boolean;
}

interface IndicatorCatalogRow extends IndicatorCatalogEntry {
  row: number;
  order: number | null;
}

export interface ParsedUpload {
  /** Sheets found, by kind, with their name in the file and their data rows (only when readable). */
  sheets: { sheet: ImportSheet; name: string; rows: number }[];
  /** The sector catalog replacing the published one, in its order; absent: the published one stays. */
  sectorCatalog?: SectorInfo[];
  /** The indicator groups replacing the published ones, in their order; absent: the published ones stay. */
  kpiGroups?: KpiGroupInfo[];
  /** The indicator catalog replacing the published one, in its order; absent: the published one stays. */
  indicatorCatalog?: IndicatorCatalogEntry[];
  indicators?: IndicatorRow[];
  sectors?: SectorRow[];
  projects?: ProjectRow[];
  /** `sample`: the 数据性质 setting; null when it names neither kind. */
  settings: { asOf?: string; defaultPeriod?: PeriodId; sample?: boolean | null };
}

export type Issue = ImportIssue;

const letters = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** Cell text as read, for the report: shortened, and with control characters written out (`<U+001B>`). */
export function cellText(cell: RawCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'object') return visible('error' in cell ? cell.error : '=…');
  return visible(String(cell).slice(0, 200)).slice(0, 200);
}

const normalizeHeader = (text: string) =>
  text.replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '').replace(/％/g, '%');

/** Collects issues; `at` makes one for a cell of a sheet. */
export class Findings {
  readonly issues: Issue[] = [];
  add(issue: Omit<Issue, 'value' | 'header' | 'column' | 'row'> & Partial<Issue>) {
    this.issues.push({ row: null, column: null, header: null, value: null, ...issue });
  }
  errorCount(): number {
    return this.issues.filter((i) => i.severity === 'error').length;
  }
}

interface Ctx {
  findings: Findings;
  sheetName: string;
  row: number;
  columns: Map<string, number>;
  cells: RawCell[];
  today: string;
  format: 'xlsx' | 'csv';
}

function cellIssue(ctx: Ctx, header: string, severity: Issue['severity'], code: string, zh: string, en: string) {
  const col = ctx.columns.get(normalizeHeader(header));
  ctx.findings.add({
    severity,
    code,
    sheet: ctx.sheetName,
    row: ctx.row,
    column: col === undefined ? null : letters(col),
    header,
    value: col === undefined ? null : cellText(ctx.cells[col]),
    message: { 'zh-CN': zh, en },
  });
}

/** Whether the sheet has the column at all (an optional column may be left out). */
const hasColumn = (ctx: Ctx, header: string) => ctx.columns.has(normalizeHeader(header));

const raw = (ctx: Ctx, header: string): RawCell => {
  const col = ctx.columns.get(normalizeHeader(header));
  return col === undefined ? null : (ctx.cells[col] ?? null);
};

/** A cell Excel could not give a value for: a formula never calculated, or #DIV/0!. */
function unreadable(ctx: Ctx, header: string, cell: RawCell): boolean {
  if (cell && typeof cell === 'object' && !(cell instanceof Date)) {
    if ('missingResult' in cell) {
      cellIssue(
        ctx,
        header,
        'error',
        'formula_without_value',
        `“${header}”是公式，但文件中没有保存计算结果；请在 Excel 中打开、重新计算并保存，或改填数值。`,
        `"${header}" is a formula saved without its result; open the file in Excel, recalculate and save, or type the value.`,
      );
    } else {
      cellIssue(
        ctx,
        header,
        'error',
        'cell_error',
        `“${header}”是错误值 ${cell.error}；请改正公式或填入数值。`,
        `"${header}" holds the error ${cell.error}; fix the formula or type the value.`,
      );
    }
    return true;
  }
  return false;
}

/**
 * A text cell, refused when it holds a character no cell may hold (a control, a text-direction
 * override, a zero-width character): the one gate every text of a file passes, ids and names alike.
 * `multiline` lets a long text keep its tabs and line breaks.
 */
function text(
  ctx: Ctx,
  header: string,
  opts: { required?: boolean; max?: number; multiline?: boolean } = {},
): string | null | undefined {
  const cell = raw(ctx, header);
  if (unreadable(ctx, header, cell)) return undefined;
  const unsafe = typeof cell === 'string' ? unsafeCharacter(cell, { allowLineBreaks: opts.multiline }) : null;
  if (unsafe) {
    cellIssue(
      ctx,
      header,
      'error',
      'unsafe_character',
      `“${header}”含有${unsafe.zh}（${unsafe.codePoint}），不能导入；请删去后重新输入这一格（复制自网页或其他软件的文字常带有此类字符）。`,
      `"${header}" holds ${unsafe.en} (${unsafe.codePoint}) and cannot be imported; delete it and type the cell again (text copied from web pages or other programs often carries such characters).`,
    );
    return undefined;
  }
  const value = cellText(cell)?.trim() ?? '';
  if (value === '') {
    if (!opts.required) return null;
    cellIssue(ctx, header, 'error', 'missing_value', `“${header}”不能为空。`, `"${header}" must not be empty.`);
    return undefined;
  }
  const full = typeof cell === 'string' ? cell.trim() : value;
  if (opts.max && full.length > opts.max) {
    cellIssue(
      ctx,
      header,
      'error',
      'too_long',
      `“${header}”超过 ${opts.max} 个字符。`,
      `"${header}" is longer than ${opts.max} characters.`,
    );
    return undefined;
  }
  return full;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A number cell in `scale` units (1e4 for 万元 columns). Undefined when invalid (reported). */
function number(
  ctx: Ctx,
  header: string,
  opts: { required?: boolean; scale?: number; min?: number; percentColumn?: boolean; whole?: boolean } = {},
): Written | null | undefined {
  const cell = raw(ctx, header);
  if (unreadable(ctx, header, cell)) return undefined;
  let written: string;
  if (typeof cell === 'number') written = numberText(cell);
  else {
    const t = (cellText(cell) ?? '').trim().replace(/[,，\s]/g, '');
    written = opts.percentColumn ? t.replace(/[%％]$/, '') : t;
  }
  if (written === '') {
    if (!opts.required) return null;
    cellIssue(ctx, header, 'error', 'missing_value', `“${header}”不能为空。`, `"${header}" must not be empty.`);
    return undefined;
  }
  if (!NUMBER.test(written) || !Number.isFinite(Number(written)) || Math.abs(Number(written)) > 1e15) {
    cellIssue(
      ctx,
      header,
      'error',
      'not_a_number',
      `“${header}”应为数字，读到的是“${written.slice(0, 40)}”；单位请写在“单位”列或列名中。`,
      `"${header}" must be a number; found "${written.slice(0, 40)}". Units go in the unit column or the header.`,
    );
    return undefined;
  }
  const value = Number(written);
  if (opts.min !== undefined && value < opts.min) {
    cellIssue(
      ctx,
      header,
      'error',
      'below_minimum',
      `“${header}”不能小于 ${opts.min}（读到 ${written}）。`,
      `"${header}" cannot be below ${opts.min} (found ${written}).`,
    );
    return undefined;
  }
  const base = fromNotation(value, { text: '', unit: 'cny', scale: opts.scale ?? 1 });
  if (opts.whole && !Number.isInteger(base)) {
    cellIssue(
      ctx,
      header,
      'error',
      'not_whole',
      `“${header}”是个数（家、户、个、件、位），应为整数，读到 ${written}。`,
      `"${header}" is a count (firms, entities, projects, cases, a rank) and must be a whole number; found ${written}.`,
    );
    return undefined;
  }
  return { value: base, digits: writtenDigits(written), text: written };
}

const periodEnd = periodEndDate;

/** The first year a figure may be for: the district's series begin this century. */
export const FIRST_YEAR = 2000;
const periodStart = (id: PeriodId) => {
  const p = parsePeriod(id);
  return p ? new Date(Date.UTC(p.year, p.firstMonth - 1, 1)).toISOString().slice(0, 10) : null;
};

function period(ctx: Ctx, header: string, opts: { yearOnly?: boolean } = {}): PeriodId | undefined {
  const t = text(ctx, header, { required: true });
  if (!t) return undefined;
  const id = readPeriod(t);
  if (!id) {
    cellIssue(
      ctx,
      header,
      'error',
      'unknown_period',
      `无法识别的时期“${t}”：请写 2023M08（1–8 月累计）、2023H1、2023Q3、2023，或 2023年1-8月、2023年上半年。`,
      `Unknown period "${t}": write 2023M08 (Jan–Aug cumulative), 2023H1, 2023Q3, 2023, or 2023年1-8月.`,
    );
    return undefined;
  }
  const p = parsePeriod(id);
  if (!p || p.year < FIRST_YEAR) {
    cellIssue(
      ctx,
      header,
      'error',
      'implausible_period',
      `时期“${t}”的年份不在 ${FIRST_YEAR} 年至今之间；请核对年份。`,
      `The period "${t}" is not between ${FIRST_YEAR} and this year; check the year.`,
    );
    return undefined;
  }
  if (opts.yearOnly && p.kind !== 'year') {
    cellIssue(
      ctx,
      header,
      'error',
      'target_not_a_year',
      `年度目标的时期应为年份（如 2023），读到“${t}”。`,
      `An annual target's period is a year (e.g. 2023); found "${t}".`,
    );
    return undefined;
  }
  const start = periodStart(id);
  const end = periodEnd(id);
  const future = start !== null && start > ctx.today;
  const unfinished = p.kind !== 'year' && end !== null && end > ctx.today;
  if (future || unfinished) {
    cellIssue(
      ctx,
      header,
      'error',
      'future_period',
      `时期 ${id} ${future ? '尚未开始' : '尚未结束'}（今天是 ${ctx.today}）；不能填报未来时期的数据。`,
      `Period ${id} has not ${future ? 'begun' : 'ended'} yet (today is ${ctx.today}); figures for the future cannot be imported.`,
    );
    return undefined;
  }
  return id;
}

function date(ctx: Ctx, header: string, required: boolean, notAfterToday = false): string | null | undefined {
  const cell = raw(ctx, header);
  if (unreadable(ctx, header, cell)) return undefined;
  if (cell === null || cellText(cell)?.trim() === '') {
    if (!required) return null;
    cellIssue(ctx, header, 'error', 'missing_value', `“${header}”不能为空。`, `"${header}" must not be empty.`);
    return undefined;
  }
  const iso = readDate(cell instanceof Date ? cell : (cellText(cell) ?? ''));
  if (!iso) {
    cellIssue(
      ctx,
      header,
      'error',
      'bad_date',
      `“${header}”不是有效日期：请写 2023-09-01。`,
      `"${header}" is not a valid date: write 2023-09-01.`,
    );
    return undefined;
  }
  if (notAfterToday && iso > ctx.today) {
    cellIssue(
      ctx,
      header,
      'error',
      'future_date',
      `“${header}” ${iso} 晚于今天（${ctx.today}）。`,
      `"${header}" ${iso} is after today (${ctx.today}).`,
    );
    return undefined;
  }
  return iso;
}

function lookup<T>(
  ctx: Ctx,
  header: string,
  read: (t: string) => T | null,
  allowed: string,
  code: string,
  required = true,
): T | null | undefined {
  const t = text(ctx, header, { required });
  if (t === null) return null;
  if (t === undefined) return undefined;
  const value = read(t);
  if (value === null) {
    cellIssue(
      ctx,
      header,
      'error',
      code,
      `“${header}”的值“${t}”不在可用值中：${allowed}（${ctx.format === 'csv' ? `见模板 .xlsx 的“${HELP_SHEET_NAME}”表` : `见“${HELP_SHEET_NAME}”表`}）。`,
      `"${t}" is not a valid ${header}; allowed: ${allowed} (${ctx.format === 'csv' ? `see the ${HELP_SHEET_NAME} sheet of the .xlsx template` : `see the ${HELP_SHEET_NAME} sheet`}).`,
    );
    return undefined;
  }
  return value;
}

const COUNT_UNITS: ReadonlySet<Unit> = new Set(['firms', 'entities', 'projects', 'cases', 'rank']);

function duplicates<T extends { row: number }>(
  rows: T[],
  key: (r: T) => string,
  findings: Findings,
  sheet: string,
  describe: (r: T) => string,
) {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  for (const r of rows) {
    const k = key(r);
    const first = seen.get(k);
    if (first !== undefined) {
      findings.add({
        severity: 'error',
        code: 'duplicate_row',
        sheet,
        row: r.row,
        message: {
          'zh-CN': `与第 ${first} 行重复（${describe(r)}）：每项数据只能有一行。`,
          en: `Duplicates row ${first} (${describe(r)}): one row per figure.`,
        },
      });
    } else {
      seen.set(k, r.row);
      kept.push(r);
    }
  }
  return kept;
}

/** Text → value of a fixed list written in Chinese (or as its id), for a lookup. */
const textMap = <T extends string>(texts: Record<T, string>) =>
  new Map<string, T>(
    (Object.entries(texts) as [T, string][]).flatMap(([id, text]): [string, T][] => [
      [text, id],
      [id, id],
    ]),
  );
const SECTOR_GROUPS = textMap(SECTOR_GROUP_TEXT);

const THEME_NAME = { light: { zh: '浅色', en: 'light' }, dark: { zh: '深色', en: 'dark' } } as const;

/** A sector's colour in one theme: #RRGGBB with at least 3:1 contrast against that theme's surface. */
function themeColor(ctx: Ctx, header: string, theme: keyof SectorColor): string | null | undefined {
  const t = text(ctx, header);
  if (!t) return t;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(t)?.[1];
  if (!hex) {
    cellIssue(
      ctx,
      header,
      'error',
      'bad_color',
      `“${header}”应写成 #RRGGBB 形式的颜色（如 #0072B2），读到“${t}”。`,
      `"${header}" is a colour written #RRGGBB (e.g. #0072B2); found "${t}".`,
    );
    return undefined;
  }
  const color = `#${hex.toUpperCase()}`;
  const ratio = contrastRatio(color, THEME_SURFACES[theme]);
  if (ratio < MIN_SECTOR_CONTRAST) {
    const name = THEME_NAME[theme];
    cellIssue(
      ctx,
      header,
      'error',
      'low_contrast',
      `颜色 ${color} 与${name.zh}主题的背景 ${THEME_SURFACES[theme]} 对比度只有 ${ratio.toFixed(1)}:1，图表中难以辨认；请换一个${theme === 'light' ? '更深' : '更浅'}的颜色（至少 ${MIN_SECTOR_CONTRAST}:1）。`,
      `The colour ${color} has only ${ratio.toFixed(1)}:1 contrast against the ${name.en} theme's background ${THEME_SURFACES[theme]}, too faint in a chart; choose a ${theme === 'light' ? 'darker' : 'lighter'} one (at least ${MIN_SECTOR_CONTRAST}:1).`,
    );
    return undefined;
  }
  return color;
}

/**
 * A catalog row's code and its names in both languages: the code a slug of `pattern` (it is part
 * of addresses and links, so it stays when the names change), refused with `bad` when it is not.
 */
function catalogNames(
  ctx: Ctx,
  h: { id: string; name: string; nameEn: string },
  pattern: RegExp,
  bad: { code: string; zh: string; en: string },
  max: { zh: number; en: number },
): { id: string; label: { 'zh-CN': string; en: string } } | null {
  const id = text(ctx, h.id, { required: true });
  if (id && !pattern.test(id)) cellIssue(ctx, h.id, 'error', bad.code, bad.zh, bad.en);
  const zh = text(ctx, h.name, { required: true, max: max.zh });
  const en = text(ctx, h.nameEn, { required: true, max: max.en });
  return id && pattern.test(id) && zh && en ? { id, label: { 'zh-CN': zh, en } } : null;
}

function sectorCatalogRow(ctx: Ctx): SectorCatalogRow | null {
  const h = HEADERS.sectorCatalog;
  const names = catalogNames(
    ctx,
    h,
    SECTOR_ID_PATTERN,
    {
      code: 'bad_sector_id',
      zh: '产业代码只能由小写字母、数字和“-”组成，以字母开头，最多 40 个字符，如 new-energy-vehicles；它出现在网址中，改名时请保持不变。',
      en: 'A sector code is lower-case letters, digits and "-", starting with a letter, up to 40, e.g. new-energy-vehicles; it is part of addresses, so keep it when renaming.',
    },
    { zh: 40, en: 100 },
  );
  const allowedGroups = Object.values(SECTOR_GROUP_TEXT).join('、');
  const group = lookup(ctx, h.group, (t) => SECTOR_GROUPS.get(t) ?? null, allowedGroups, 'unknown_group');
  const light = themeColor(ctx, h.light, 'light');
  const dark = themeColor(ctx, h.dark, 'dark');
  if ((light === null) !== (dark === null) && light !== undefined && dark !== undefined) {
    const [missing, given] = light === null ? [h.light, h.dark] : [h.dark, h.light];
    cellIssue(
      ctx,
      missing,
      'error',
      'missing_value',
      `填了“${given}”时，“${missing}”不能为空：每个主题各需一个颜色（两格都空则使用默认配色）。`,
      `"${missing}" must not be empty when "${given}" is given: each theme needs its colour (leave both empty for the default palette).`,
    );
    return null;
  }
  const order = number(ctx, h.order, { min: 0 });
  if (!names || !group || light === undefined || dark === undefined || order === undefined) return null;
  return {
    row: ctx.row,
    ...names,
    group,
    ...(light && dark ? { color: { light, dark } } : {}),
    order: order?.value ?? null,
  };
}

/**
 * How the sector and project rows name a sector: by its code or its Chinese name in the catalog
 * the upload makes (the uploaded one, else the published one). A name the published catalog
 * gave a sector the upload renames still finds it, so a workbook downloaded before the rename
 * imports with it.
 */
interface SectorLookup {
  read: (text: string) => SectorId | null;
  allowed: string;
  names: string;
}

function sectorLookup(base: Dataset, catalog: readonly SectorInfo[] | undefined): SectorLookup {
  const sectors = catalog ?? base.meta.sectors;
  const kept = new Set(sectors.map((s) => s.id));
  const byText = new Map<string, SectorId>();
  for (const s of [...base.meta.sectors.filter((b) => kept.has(b.id)), ...sectors]) {
    byText.set(s.label['zh-CN'], s.id);
  }
  for (const s of sectors) byText.set(s.id, s.id);
  return {
    read: (t) => byText.get(t) ?? null,
    allowed: sectors.map((s) => `${s.id}（${s.label['zh-CN']}）`).join('、'),
    names: sectors.map((s) => s.label['zh-CN']).join('、'),
  };
}

/** Catalog rows in their order: 顺序, then the rows' order. */
const inOrder = <R extends { row: number; order: number | null }>(rows: readonly R[]) =>
  [...rows].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.row - b.row);

/**
 * The uploaded catalog in its order (顺序, then the rows' order). A sector the published version
 * has figures, projects or firms of cannot be left out of it: the history keeps them, but the
 * published version would name a sector it does not have.
 */
function checkSectorCatalog(rows: SectorCatalogRow[], base: Dataset, sheet: string, findings: Findings): SectorInfo[] {
  const catalog = inOrder(rows).map(({ row: _row, order: _order, ...info }) => info);
  if (catalog.length === 0) {
    findings.add({
      severity: 'error',
      code: 'empty_catalog',
      sheet,
      message: {
        'zh-CN': '产业目录不能为空：看板至少要有一个产业。不想修改产业目录时，请从文件中删去这张表。',
        en: 'The sector catalog cannot be empty: the dashboard needs at least one sector. To leave the catalog as it is, remove this sheet from the file.',
      },
    });
  }
  const kept = new Set(catalog.map((s) => s.id));
  for (const s of base.meta.sectors) {
    if (kept.has(s.id)) continue;
    const figures = base.sectorFigures.filter((f) => f.sector === s.id).length;
    const projects = base.projects.filter((p) => p.sector === s.id).length;
    const firms = base.namedFirms.filter((f) => f.sector === s.id).length;
    if (figures + projects + firms === 0) continue;
    findings.add({
      severity: 'error',
      code: 'sector_in_use',
      sheet,
      message: {
        'zh-CN': `产业“${s.label['zh-CN']}”（${s.id}）不在上传的产业目录中，但已发布的数据中有它的 ${figures} 行产业数据、${projects} 个项目、${firms} 家企业，不能删除；请把它留在目录中（可以改名或调整顺序）。`,
        en: `The sector "${s.label.en}" (${s.id}) is not in the uploaded catalog, but the published data holds ${figures} sector rows, ${projects} projects and ${firms} firms of it, so it cannot be removed; keep it in the catalog (it may be renamed or reordered).`,
      },
    });
  }
  return catalog;
}

const DIRECTIONS = textMap(DIRECTION_TEXT);
const CUMULATIVE = new Map<string, boolean>([
  [CUMULATIVE_TEXT.cumulative, true],
  [CUMULATIVE_TEXT.point, false],
]);
const YES = new Map<string, boolean>([
  [YES_NO.yes, true],
  [YES_NO.no, false],
]);
const KPI_ID = /^[a-z][a-z0-9-]{0,63}$/;
const GROUP_ID = /^[a-z][a-z0-9-]{0,39}$/;

function kpiGroupRow(ctx: Ctx): (KpiGroupInfo & { row: number; order: number | null }) | null {
  const names = catalogNames(
    ctx,
    HEADERS.kpiGroupCatalog,
    GROUP_ID,
    {
      code: 'bad_group_id',
      zh: '分组代码只能由小写字母、数字和“-”组成，以字母开头，最多 40 个字符，如 consumption；改名时请保持不变。',
      en: 'A group code is lower-case letters, digits and "-", starting with a letter, up to 40, e.g. consumption; keep it when renaming.',
    },
    { zh: 20, en: 60 },
  );
  const order = number(ctx, HEADERS.kpiGroupCatalog.order, { min: 0 });
  return names && order !== undefined ? { row: ctx.row, ...names, order: order?.value ?? null } : null;
}

/** How the 指标目录 sheet names a group: by its code or its Chinese name. */
function groupLookup(groups: readonly KpiGroupInfo[]) {
  const byText = new Map(groups.flatMap((g) => [[g.id, g.id] as const, [g.label['zh-CN'], g.id] as const]));
  return { read: (t: string) => byText.get(t) ?? null, allowed: groups.map((g) => g.label['zh-CN']).join('、') };
}

function indicatorCatalogRow(ctx: Ctx, groups: ReturnType<typeof groupLookup>): IndicatorCatalogRow | null {
  const h = HEADERS.indicatorCatalog;
  const names = catalogNames(
    ctx,
    h,
    KPI_ID,
    {
      code: 'bad_indicator_id',
      zh: '指标代码只能由小写字母、数字和“-”组成，以字母开头，最多 64 个字符，如 retail-sales；改名时请保持不变。',
      en: 'An indicator code is lower-case letters, digits and "-", starting with a letter, up to 64, e.g. retail-sales; keep it when renaming.',
    },
    { zh: 60, en: 120 },
  );
  const group = lookup(ctx, h.group, groups.read, groups.allowed, 'unknown_group');
  const unitText = text(ctx, h.unit);
  const unit = unitText ? unitNotation(unitText)?.unit : null;
  if (unitText && !unit) {
    cellIssue(
      ctx,
      h.unit,
      'error',
      'unknown_unit',
      `无法识别的单位“${unitText}”；可用：${UNIT_NOTATIONS.map((u) => u.text).join('、')}。`,
      `Unknown unit "${unitText}"; use one of ${UNIT_NOTATIONS.map((u) => u.text).join(', ')}.`,
    );
  }
  const direction = lookup(
    ctx,
    h.direction,
    (t) => DIRECTIONS.get(t) ?? null,
    Object.values(DIRECTION_TEXT).join('、'),
    'unknown_direction',
    false,
  );
  const headline = lookup(
    ctx,
    h.headline,
    (t) => YES.get(t) ?? null,
    `${YES_NO.yes}、${YES_NO.no}`,
    'unknown_yes_no',
    false,
  );
  const order = number(ctx, h.order, { min: 0 });
  const cumulative = lookup(
    ctx,
    h.cumulative,
    (t) => CUMULATIVE.get(t) ?? null,
    Object.values(CUMULATIVE_TEXT).join('、'),
    'unknown_cumulative',
    false,
  );
  if (!names || !group || unit === undefined || direction === undefined) return null;
  if (headline === undefined || order === undefined || cumulative === undefined) return null;
  return {
    row: ctx.row,
    ...names,
    group,
    headline: headline ?? false,
    ...(unit ? { unit } : {}),
    ...(direction ? { direction } : {}),
    ...(cumulative === null ? {} : { cumulative }),
    order: order?.value ?? null,
  };
}

/**
 * The uploaded indicator catalog in its order. An indicator keeps the unit its published figures
 * are in: a catalog that says another is refused on its row (the figures would be misread).
 */
function checkIndicatorCatalog(
  rows: readonly IndicatorCatalogRow[],
  base: Dataset,
  sheet: string,
  findings: Findings,
): IndicatorCatalogEntry[] {
  const published = new Map(base.kpis.map((k) => [k.id, k]));
  for (const r of rows) {
    const k = published.get(r.id);
    const figuresUnit = k ? kpiUnit({ ...k, unit: undefined }) : null;
    if (r.unit && figuresUnit && r.unit !== figuresUnit) {
      findings.add({
        severity: 'error',
        code: 'unit_mismatch',
        sheet,
        row: r.row,
        header: HEADERS.indicatorCatalog.unit,
        message: {
          'zh-CN': `指标“${r.label['zh-CN']}”已发布的数据单位是 ${unitTexts(figuresUnit).join('、')}，不能改为其他单位；如需改变口径，请新建一个指标代码。`,
          en: `"${r.label.en}" has published figures in ${unitTexts(figuresUnit).join(', ')}; its unit cannot change. For a new measure, add a new indicator code.`,
        },
      });
    }
  }
  if (rows.length === 0) {
    findings.add({
      severity: 'error',
      code: 'empty_catalog',
      sheet,
      message: {
        'zh-CN': '指标目录不能为空。不想修改指标目录时，请从文件中删去这张表。',
        en: 'The indicator catalog cannot be empty. To leave it as it is, remove this sheet from the file.',
      },
    });
  }
  return inOrder(rows).map(({ row: _row, order: _order, ...entry }) => entry);
}

/**
 * The published indicators as the uploaded catalog has them: its indicators in its order, each
 * with its figures, target and sector as published (none for a new one) and the catalog's names,
 * group, headline, unit, direction and kind. Validation reads the 指标 sheet against it; merging
 * puts the sheet's figures into it.
 */
export function withIndicatorCatalog(
  kpis: readonly KpiDefinition[],
  catalog: readonly IndicatorCatalogEntry[],
): KpiDefinition[] {
  const published = new Map(kpis.map((k) => [k.id, k]));
  return catalog.map(({ id, label, group, headline, unit, direction, cumulative }) => {
    const {
      unit: oldUnit,
      direction: _d,
      cumulative: _c,
      ...k
    } = published.get(id) ?? { id, sector: null, values: {} };
    const figuresUnit = kpiUnit({ ...k, label, group, headline });
    // A unit its figures already say is not said again, so a round trip changes nothing.
    const said = unit === undefined ? oldUnit : unit === figuresUnit ? undefined : unit;
    return {
      ...k,
      id,
      label,
      group,
      headline,
      ...(said ? { unit: said } : {}),
      ...(direction ? { direction } : {}),
      ...(cumulative === undefined ? {} : { cumulative }),
    };
  });
}

/** How the 指标 sheet names an indicator: by its code or its Chinese name (the uploaded catalog's, or the published one's of an indicator it keeps). */
function indicatorLookup(base: Dataset, kpis: readonly KpiDefinition[]) {
  const kept = new Set(kpis.map((k) => k.id));
  const byText = new Map<string, KpiDefinition>();
  const current = new Map(kpis.map((k) => [k.id, k]));
  for (const k of base.kpis) if (kept.has(k.id)) byText.set(k.label['zh-CN'], current.get(k.id) ?? k);
  for (const k of kpis) byText.set(k.label['zh-CN'], k).set(k.id, k);
  return { read: (t: string) => byText.get(t) ?? null, allowed: kpis.map((k) => k.id).join('、') };
}

function indicatorRow(ctx: Ctx, kpis: ReturnType<typeof indicatorLookup>): IndicatorRow | null {
  const h = HEADERS.indicators;
  const kpi = lookup(ctx, h.id, kpis.read, kpis.allowed, 'unknown_indicator');
  const kindText = text(ctx, h.kind);
  let kind: IndicatorRow['kind'] | undefined = 'actual';
  if (kindText === KIND_TARGET) kind = 'target';
  else if (kindText !== null && kindText !== undefined && kindText !== KIND_ACTUAL) {
    cellIssue(
      ctx,
      h.kind,
      'error',
      'unknown_kind',
      `类别应为“${KIND_ACTUAL}”或“${KIND_TARGET}”，读到“${kindText}”。`,
      `The kind is "${KIND_ACTUAL}" (actual) or "${KIND_TARGET}" (target); found "${kindText}".`,
    );
    kind = undefined;
  }
  const p = period(ctx, h.period, { yearOnly: kind === 'target' });
  const unitText = text(ctx, h.unit, { required: true });
  const notation = unitText ? unitNotation(unitText) : null;
  const expected = kpi ? kpiUnit(kpi) : null;
  if (unitText && !notation) {
    cellIssue(
      ctx,
      h.unit,
      'error',
      'unknown_unit',
      `无法识别的单位“${unitText}”。${expected ? `此指标可用：${unitTexts(expected).join('、')}。` : ''}`,
      `Unknown unit "${unitText}".${expected ? ` This indicator takes ${unitTexts(expected).join(', ')}.` : ''}`,
    );
  } else if (notation && expected && notation.unit !== expected) {
    cellIssue(
      ctx,
      h.unit,
      'error',
      'unit_mismatch',
      `单位“${unitText}”不适用于指标“${kpi?.label['zh-CN']}”：应为 ${unitTexts(expected).join('、')}。`,
      `The unit "${unitText}" does not fit "${kpi?.label.en}": use ${unitTexts(expected).join(', ')}.`,
    );
  }
  const value = number(ctx, h.value, {
    required: true,
    scale: notation?.scale,
    min: notation && (COUNT_UNITS.has(notation.unit) || kind === 'target') ? 0 : undefined,
    whole: notation ? COUNT_UNITS.has(notation.unit) : false,
  });
  const yoy = number(ctx, h.yoy, { percentColumn: true });
  const planCompletion = number(ctx, h.planCompletion, { percentColumn: true, min: 0 });
  if (!kpi || !kind || !p || !notation || (expected && notation.unit !== expected) || !value) return null;
  if (yoy === undefined || planCompletion === undefined) return null;
  if (kind === 'target' && (yoy || planCompletion)) {
    cellIssue(
      ctx,
      yoy ? h.yoy : h.planCompletion,
      'error',
      'target_with_growth',
      '年度目标行只填数值和单位，不填同比增速或计划完成率。',
      'A target row has a value and a unit only, no growth or plan completion.',
    );
    return null;
  }
  return {
    row: ctx.row,
    kpi: kpi.id,
    kind,
    period: p,
    value,
    unit: notation.unit,
    unitText: notation.text,
    yoy,
    planCompletion,
  };
}

function sectorRow(ctx: Ctx, sectors: SectorLookup): SectorRow | null {
  const h = HEADERS.sectors;
  const sector = lookup(ctx, h.id, sectors.read, sectors.allowed, 'unknown_sector');
  const p = period(ctx, h.period);
  const output = number(ctx, h.output, { scale: 1e8, min: 0 });
  const growth = number(ctx, h.growth, { percentColumn: true });
  const firms = number(ctx, h.firms, { min: 0, whole: true });
  const share = number(ctx, h.share, { percentColumn: true, min: 0 });
  if (share && share.value > 100) {
    cellIssue(ctx, h.share, 'error', 'share_over_100', '占比不能超过 100%。', 'A share cannot exceed 100 %.');
    return null;
  }
  if (!sector || !p || output === undefined || growth === undefined || firms === undefined || share === undefined) {
    return null;
  }
  if (!output && !growth && !firms && !share) {
    ctx.findings.add({
      severity: 'warning',
      code: 'empty_row',
      sheet: ctx.sheetName,
      row: ctx.row,
      message: {
        'zh-CN': '此行没有任何数值，将被忽略。',
        en: 'This row has no figures and is ignored.',
      },
    });
    return null;
  }
  return { row: ctx.row, sector, period: p, output, growth, firms, share };
}

function projectRow(ctx: Ctx, sectors: SectorLookup): ProjectRow | null {
  const h = HEADERS.projects;
  const id = text(ctx, h.id, { required: true });
  if (id && !/^[a-z0-9-]{1,64}$/.test(id)) {
    cellIssue(
      ctx,
      h.id,
      'error',
      'bad_project_id',
      '项目编号只能由小写字母、数字和“-”组成（最多 64 个字符），如 p-2023-101。',
      'A project id is lower-case letters, digits and "-" (up to 64), e.g. p-2023-101.',
    );
  }
  const name = text(ctx, h.name, { required: true, max: 200 });
  const sector = lookup(ctx, h.sector, sectors.read, sectors.names, 'unknown_sector', false);
  const type = lookup(ctx, h.type, projectTypes.read, projectTypes.allowed().join('、'), 'unknown_type');
  const stage = lookup(ctx, h.stage, stages.read, stages.allowed().join('、'), 'unknown_stage');
  const level = lookup(ctx, h.level, levels.read, levels.allowed().join('、'), 'unknown_level', false);
  // Money is given with its period, planned and completed together, or not at all (the report
  // names projects without giving their money).
  const planned = number(ctx, h.planned, { scale: 1e4, min: 0 });
  const completed = number(ctx, h.completed, { scale: 1e4, min: 0 });
  const hasMoney = Boolean(planned || completed);
  const investmentPeriod = hasMoney || cellText(raw(ctx, h.investmentPeriod)) ? period(ctx, h.investmentPeriod) : null;
  // Planned and completed investment come together: one without the other is an error on the empty one.
  for (const [value, other, column, otherColumn] of [
    [planned, completed, h.planned, h.completed],
    [completed, planned, h.completed, h.planned],
  ] as const) {
    if (value === null && other) {
      cellIssue(
        ctx,
        column,
        'error',
        'missing_value',
        `填了“${otherColumn}”时，“${column}”不能为空。`,
        `"${column}" must not be empty when "${otherColumn}" is given.`,
      );
    }
  }
  const totalInvestment = number(ctx, h.totalInvestment, { scale: 1e4, min: 0 });
  const start = date(ctx, h.start, false);
  const expectedCompletion = date(ctx, h.expectedCompletion, false);
  const lastUpdate = date(ctx, h.lastUpdate, true, true);
  const description = text(ctx, h.description, { max: 2000, multiline: true });
  const nameEn = hasColumn(ctx, h.nameEn) ? text(ctx, h.nameEn, { max: 300 }) : null;
  const descriptionEn = hasColumn(ctx, h.descriptionEn)
    ? text(ctx, h.descriptionEn, { max: 3000, multiline: true })
    : null;
  if (
    !id ||
    !/^[a-z0-9-]{1,64}$/.test(id) ||
    !name ||
    sector === undefined ||
    !type ||
    !stage ||
    level === undefined ||
    investmentPeriod === undefined ||
    planned === undefined ||
    completed === undefined ||
    (planned === null) !== (completed === null) ||
    totalInvestment === undefined ||
    start === undefined ||
    expectedCompletion === undefined ||
    !lastUpdate ||
    description === undefined ||
    nameEn === undefined ||
    descriptionEn === undefined
  ) {
    return null;
  }
  checkProjectDates(ctx, { stage, start, expectedCompletion });
  return {
    row: ctx.row,
    id,
    name,
    sector,
    type,
    stage,
    level,
    investmentPeriod,
    planned,
    completed,
    totalInvestment,
    start,
    expectedCompletion,
    lastUpdate,
    description: description ?? '',
    ...(hasColumn(ctx, h.nameEn) ? { nameEn } : {}),
    ...(hasColumn(ctx, h.descriptionEn) ? { descriptionEn } : {}),
  };
}

/** How many years ahead a planned date may reasonably lie. */
const PLAN_HORIZON_YEARS = 15;

/**
 * Warnings on a project's dates that contradict its stage or each other: a project under
 * construction or completed has begun; a completed one is not expected to finish later; nothing
 * ends before it starts; no date lies before the series or generations ahead (2099).
 */
function checkProjectDates(
  ctx: Ctx,
  { stage, start, expectedCompletion }: { stage: StageId; start: string | null; expectedCompletion: string | null },
) {
  const h = HEADERS.projects;
  const stageName = stages.write(stage);
  const horizon = `${Number(ctx.today.slice(0, 4)) + PLAN_HORIZON_YEARS}-12-31`;
  const warn = (header: string, code: string, zh: string, en: string) =>
    cellIssue(ctx, header, 'warning', code, zh, en);
  for (const [header, date] of [
    [h.start, start],
    [h.expectedCompletion, expectedCompletion],
  ] as const) {
    if (date && (date < `${FIRST_YEAR - 10}-01-01` || date > horizon)) {
      warn(
        header,
        'implausible_date',
        `“${header}” ${date} 不像是真实的日期（应在 ${FIRST_YEAR - 10} 年至 ${horizon.slice(0, 4)} 年之间）；请核对年份。`,
        `"${header}" ${date} does not look like a real date (expected between ${FIRST_YEAR - 10} and ${horizon.slice(0, 4)}); check the year.`,
      );
    }
  }
  if (start && start > ctx.today && (stage === 'construction' || stage === 'completed')) {
    warn(
      h.start,
      'start_after_today',
      `阶段为“${stageName}”，但开工日期 ${start} 晚于今天（${ctx.today}）；请核对开工日期或阶段。`,
      `The stage is "${stageName}" but the start date ${start} is after today (${ctx.today}); check the start date or the stage.`,
    );
  }
  if (expectedCompletion && stage === 'completed' && expectedCompletion > ctx.today) {
    warn(
      h.expectedCompletion,
      'completed_in_future',
      `阶段为“${stageName}”，但${h.expectedCompletion} ${expectedCompletion} 晚于今天；请核对该日期或阶段。`,
      `The stage is "${stageName}" but the expected completion (${h.expectedCompletion}) ${expectedCompletion} is after today; check the date or the stage.`,
    );
  }
  if (start && expectedCompletion && expectedCompletion < start) {
    warn(
      h.expectedCompletion,
      'completion_before_start',
      `${h.expectedCompletion} ${expectedCompletion} 早于${h.start} ${start}；请核对两个日期。`,
      `The expected completion ${expectedCompletion} is before the start ${start}; check both dates.`,
    );
  }
}

const SPECS = Object.values(SHEETS);

/** The sheet a marker row names, the help sheet, or null. */
function markerOf(sheet: RawSheet): { version: string; name: string } | null {
  const first = sheet.rows[0];
  if (!first || first.row !== 1 || cellText(first.cells[0])?.trim() !== MARKER_LABEL) return null;
  return { version: cellText(first.cells[1])?.trim() ?? '', name: cellText(first.cells[3])?.trim() ?? '' };
}

/**
 * Validates the file's sheets against the template and `base` (the published version's ids).
 * `today` (YYYY-MM-DD) decides what is in the future.
 */
export function validateUpload(
  rawSheets: RawSheet[],
  base: Dataset,
  today: string,
  format: 'xlsx' | 'csv',
): { parsed: ParsedUpload; findings: Findings } {
  const findings = new Findings();
  const parsed: ParsedUpload = { sheets: [], settings: {} };
  const seen = new Map<ImportSheet, string>();
  // The catalogs first, groups before indicators: the other sheets' sectors, groups and indicators are the ones they name.
  const CATALOGS = [SHEETS.sectorCatalog.name, SHEETS.kpiGroupCatalog.name, SHEETS.indicatorCatalog.name];
  const rank = (s: RawSheet) => {
    const i = CATALOGS.indexOf(markerOf(s)?.name || s.name);
    return i < 0 ? CATALOGS.length : i;
  };
  const ordered = [...rawSheets].sort((a, b) => rank(a) - rank(b));
  for (const { name, rows } of ordered) {
    // A sheet's name is text from the file like any cell's: shown, never acted on.
    const sheet: RawSheet = { name: visible(name), rows };
    const marker = markerOf(sheet);
    // A CSV has no sheet name: it is called by the sheet its marker names (指标), as the template calls it.
    const label = sheet.name || (marker && SPECS.some((s) => s.name === marker.name) ? marker.name : '(CSV)');
    const spec: SheetSpec | undefined = SPECS.find((s) => s.name === (marker?.name || sheet.name));
    const isHelp = (marker?.name || sheet.name) === HELP_SHEET_NAME;
    if (!marker) {
      if (spec || isHelp || format === 'csv') {
        findings.add({
          severity: 'error',
          code: 'not_the_template',
          sheet: sheet.name || null,
          row: 1,
          message: {
            'zh-CN': `“${label}”第 1 行不是模板标记（应为“${MARKER_LABEL} | ${TEMPLATE_VERSION} | 表 | …”）：请从“下载模板”得到的文件中填写，保留第 1、2 行。`,
            en: `Row 1 of "${label}" is not the template's marker ("${MARKER_LABEL} | ${TEMPLATE_VERSION} | 表 | …"): fill in a downloaded template and keep rows 1 and 2.`,
          },
        });
      } else if (sheet.rows.length > 0) {
        findings.add({
          severity: 'warning',
          code: 'sheet_ignored',
          sheet: sheet.name,
          message: {
            'zh-CN': `工作表“${sheet.name}”不是模板中的表，已忽略。`,
            en: `The sheet "${sheet.name}" is not one of the template's and is ignored.`,
          },
        });
      }
      continue;
    }
    if (marker.version !== TEMPLATE_VERSION) {
      findings.add({
        severity: 'error',
        code: 'template_version',
        sheet: sheet.name || null,
        row: 1,
        column: 'B',
        header: MARKER_LABEL,
        value: marker.version.slice(0, 200),
        message: {
          'zh-CN': `模板版本“${marker.version}”与当前版本“${TEMPLATE_VERSION}”不符：请重新下载模板，把数据复制进去后再上传。`,
          en: `Template version "${marker.version}" is not the current "${TEMPLATE_VERSION}": download the template again and copy the data into it.`,
        },
      });
      continue;
    }
    if (isHelp) {
      for (const { cells } of sheet.rows) {
        const key = cellText(cells[0])?.trim();
        const value = cells[1];
        if (key === SETTINGS.asOf)
          parsed.settings.asOf = readDate(value instanceof Date ? value : (cellText(value) ?? '')) ?? '';
        if (key === SETTINGS.defaultPeriod) parsed.settings.defaultPeriod = readPeriod(cellText(value) ?? '') ?? '';
        if (key === SETTINGS.nature) {
          const nature = cellText(value)?.trim();
          parsed.settings.sample = nature === NATURE.sample ? true : nature === NATURE.official ? false : null;
        }
      }
      continue;
    }
    if (!spec) {
      findings.add({
        severity: 'error',
        code: 'unknown_sheet',
        sheet: sheet.name || null,
        row: 1,
        column: 'D',
        value: marker.name.slice(0, 200),
        message: {
          'zh-CN': `第 1 行标记的表名“${marker.name}”不是模板中的表（${SPECS.map((s) => s.name).join('、')}）。`,
          en: `Row 1 names the sheet "${marker.name}", which is not one of the template's (${SPECS.map((s) => s.name).join(', ')}).`,
        },
      });
      continue;
    }
    if (seen.has(spec.sheet)) {
      findings.add({
        severity: 'error',
        code: 'sheet_twice',
        sheet: sheet.name || null,
        message: {
          'zh-CN': `文件中有两张“${spec.name}”表（另一张是“${seen.get(spec.sheet)}”）。`,
          en: `The file has two "${spec.name}" sheets (the other is "${seen.get(spec.sheet)}").`,
        },
      });
      continue;
    }
    seen.set(spec.sheet, label);
    readSheet(spec, sheet, label, { base, today, format }, findings, parsed);
  }
  if (seen.size === 0 && findings.errorCount() === 0) {
    findings.add({
      severity: 'error',
      code: 'no_data_sheet',
      sheet: null,
      message: {
        'zh-CN': `文件中没有可导入的表（${SPECS.map((s) => s.name).join('、')}）。`,
        en: `The file has no sheet to import (${SPECS.map((s) => s.name).join(', ')}).`,
      },
    });
  }
  return { parsed, findings };
}

/** A catalog's rows, each code and each Chinese name once (the other sheets name them by either). */
const uniqueCatalogRows = <R extends { row: number; id: string; label: { 'zh-CN': string } }>(
  rows: R[],
  findings: Findings,
  sheet: string,
) =>
  duplicates(
    duplicates(
      rows,
      (r) => r.id,
      findings,
      sheet,
      (r) => r.id,
    ),
    (r) => r.label['zh-CN'],
    findings,
    sheet,
    (r) => r.label['zh-CN'],
  );

function readSheet(
  spec: SheetSpec,
  sheet: RawSheet,
  label: string,
  { base, today, format }: { base: Dataset; today: string; format: 'xlsx' | 'csv' },
  findings: Findings,
  parsed: ParsedUpload,
) {
  const headerRow = sheet.rows.find((r) => r.row === HEADER_ROW);
  const columns = new Map<string, number>();
  (headerRow?.cells ?? []).forEach((c, i) => {
    const t = cellText(c);
    if (t) columns.set(normalizeHeader(t), i);
  });
  const expected = spec.columns.map((c) => normalizeHeader(c.header));
  const missing = spec.columns.filter(
    (c) => !c.informational && !c.optional && !columns.has(normalizeHeader(c.header)),
  );
  const extra = [...columns.keys()].filter((h) => !expected.includes(h));
  if (missing.length > 0 || extra.length > 0) {
    const parts = {
      zh: [
        missing.length ? `缺少列：${missing.map((c) => c.header).join('、')}` : '',
        extra.length ? `多余列：${extra.join('、')}` : '',
      ],
      en: [
        missing.length ? `missing columns: ${missing.map((c) => c.header).join(', ')}` : '',
        extra.length ? `extra columns: ${extra.join(', ')}` : '',
      ],
    };
    findings.add({
      severity: 'error',
      code: missing.length ? 'missing_columns' : 'extra_columns',
      sheet: label,
      row: HEADER_ROW,
      message: {
        'zh-CN': `${parts.zh.filter(Boolean).join('；')}。第 2 行应为模板的列名：${spec.columns.map((c) => c.header).join('、')}。`,
        en: `${parts.en.filter(Boolean).join('; ')}. Row 2 must hold the template's headers: ${spec.columns.map((c) => c.header).join(', ')}.`,
      },
    });
    return;
  }
  const dataRows = sheet.rows.filter((r) => r.row > HEADER_ROW);
  parsed.sheets.push({ sheet: spec.sheet, name: label, rows: dataRows.length });
  // A row with more cells than the header has shifted or merged cells (a stray separator, rows
  // folded into one): reading it by the header's columns would take the wrong values.
  const width = (headerRow?.cells ?? []).findLastIndex((c) => c !== null && c !== '') + 1;
  const fitting = dataRows.filter((r) => {
    const beyond = r.cells.findIndex((c, i) => i >= width && c !== null && c !== '');
    if (beyond < 0) return true;
    findings.add({
      severity: 'error',
      code: 'extra_cells',
      sheet: label,
      row: r.row,
      column: letters(beyond),
      value: cellText(r.cells[beyond]),
      message: {
        'zh-CN': `此行在表头之外还有内容（${letters(beyond)} 列起）：可能多了分隔符或几行并成了一行；请核对此行。`,
        en: `This row has cells beyond the header (from column ${letters(beyond)}): a stray separator, or rows run together; check the row.`,
      },
    });
    return false;
  });
  const ctxOf = (r: (typeof dataRows)[number]): Ctx => ({
    findings,
    sheetName: label,
    row: r.row,
    columns,
    cells: r.cells,
    today,
    format,
  });
  if (spec.sheet === 'sectorCatalog') {
    const rows = fitting.map((r) => sectorCatalogRow(ctxOf(r))).filter((r): r is SectorCatalogRow => r !== null);
    const unique = uniqueCatalogRows(rows, findings, label);
    // A row refused above would leave its sector out of the catalog: only a clean sheet replaces it.
    if (findings.errorCount() === 0) parsed.sectorCatalog = checkSectorCatalog(unique, base, label, findings);
  } else if (spec.sheet === 'kpiGroupCatalog') {
    const rows = fitting.map((r) => kpiGroupRow(ctxOf(r))).filter((r) => r !== null);
    const unique = uniqueCatalogRows(rows, findings, label);
    if (findings.errorCount() === 0)
      parsed.kpiGroups = inOrder(unique).map(({ id, label: name }) => ({ id, label: name }));
  } else if (spec.sheet === 'indicatorCatalog') {
    const groups = groupLookup(parsed.kpiGroups ?? base.meta.kpiGroups);
    const rows = fitting
      .map((r) => indicatorCatalogRow(ctxOf(r), groups))
      .filter((r): r is IndicatorCatalogRow => r !== null);
    const unique = uniqueCatalogRows(rows, findings, label);
    if (findings.errorCount() === 0) parsed.indicatorCatalog = checkIndicatorCatalog(unique, base, label, findings);
  } else if (spec.sheet === 'indicators') {
    const catalog = parsed.indicatorCatalog;
    const kpis = indicatorLookup(base, catalog ? withIndicatorCatalog(base.kpis, catalog) : base.kpis);
    const rows = fitting.map((r) => indicatorRow(ctxOf(r), kpis)).filter((r): r is IndicatorRow => r !== null);
    parsed.indicators = duplicates(
      rows,
      (r) => `${r.kpi}|${r.kind}|${r.period}`,
      findings,
      label,
      (r) => `${r.kpi} ${r.kind === 'target' ? KIND_TARGET : KIND_ACTUAL} ${r.period}`,
    );
  } else if (spec.sheet === 'sectors') {
    const sectors = sectorLookup(base, parsed.sectorCatalog);
    const rows = fitting.map((r) => sectorRow(ctxOf(r), sectors)).filter((r): r is SectorRow => r !== null);
    parsed.sectors = duplicates(
      rows,
      (r) => `${r.sector}|${r.period}`,
      findings,
      label,
      (r) => `${r.sector} ${r.period}`,
    );
  } else {
    const sectors = sectorLookup(base, parsed.sectorCatalog);
    const rows = fitting.map((r) => projectRow(ctxOf(r), sectors)).filter((r): r is ProjectRow => r !== null);
    parsed.projects = duplicates(
      rows,
      (r) => r.id,
      findings,
      label,
      (r) => r.id,
    );
  }
}
