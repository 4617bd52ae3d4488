/**
 * How the office writes figures in its sheets: units (亿元, 万户, %), periods (2023M08 or
 * 2023年1-8月), stage, level and type names. One place both the template's export and the
 * import's reading use, so exporting and importing back changes nothing.
 */
import type { KpiDefinition } from '../../data/report';
import { LEVEL_IDS, PERIOD_PATTERN, PROJECT_TYPE_IDS, STAGE_IDS } from '../../src/api/common';
import type { LevelId, PeriodId, ProjectTypeId, StageId, Unit } from '../../src/api/common';
import { PROJECT_LABELS_ZH } from '../../src/shared/projectLabels';

export interface UnitNotation {
  text: string;
  unit: Unit;
  scale: number;
}

/** Every unit text a sheet may use, and what it means. */
export const UNIT_NOTATIONS: readonly UnitNotation[] = [
  { text: '亿元', unit: 'cny', scale: 1e8 },
  { text: '万元', unit: 'cny', scale: 1e4 },
  { text: '元', unit: 'cny', scale: 1 },
  { text: '%', unit: 'percent', scale: 1 },
  { text: '个百分点', unit: 'pp', scale: 1 },
  { text: '家', unit: 'firms', scale: 1 },
  { text: '万户', unit: 'entities', scale: 1e4 },
  { text: '户', unit: 'entities', scale: 1 },
  { text: '个', unit: 'projects', scale: 1 },
  { text: '件', unit: 'cases', scale: 1 },
  { text: '位', unit: 'rank', scale: 1 },
];

const UNIT_ALIASES: Record<string, string> = { '％': '%', pp: '个百分点', 百分点: '个百分点', 项: '个', 名: '位' };

export function unitNotation(text: string): UnitNotation | null {
  const key = UNIT_ALIASES[text] ?? text;
  return UNIT_NOTATIONS.find((u) => u.text === key) ?? null;
}

/** The unit an indicator is measured in (the catalog's, else its figures' or its target's): what its rows are written in. */
export function kpiUnit(k: KpiDefinition): Unit | null {
  if (k.unit) return k.unit;
  for (const v of Object.values(k.values)) if (v) return v.value.unit;
  return k.target?.value.unit ?? null;
}

/** The units a sheet may use for a figure of `unit`, e.g. cny → 亿元、万元、元. */
export const unitTexts = (unit: Unit) => UNIT_NOTATIONS.filter((u) => u.unit === unit).map((u) => u.text);

/** The notation a figure is written in: money in 亿元 from 1亿, in 万元 from 1万; 8.71万户. */
export function notationFor(unit: Unit, value: number): UnitNotation {
  const candidates = UNIT_NOTATIONS.filter((u) => u.unit === unit);
  const abs = Math.abs(value);
  return (
    candidates.find((u) => abs >= u.scale && u.scale > 1) ??
    candidates.find((u) => u.scale === 1) ?? { text: '', unit, scale: 1 }
  );
}

/** A number as a sheet shows it: no floating-point residue (13973000000 / 1e8 → "139.73"). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** `value` (in base units) written in `notation`: the number the cell holds. */
export const inNotation = (value: number, notation: UnitNotation) => Number((value / notation.scale).toPrecision(15));

/** A number written in `notation` back in base units, without residue (139.73亿 → 13973000000). */
export function fromNotation(value: number, notation: UnitNotation): number {
  return Number((value * notation.scale).toPrecision(15));
}

/** Significant digits of a number as written: "139.73" → 5, "180" → 3. */
export function writtenDigits(text: string): number {
  const digits = text.replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return Math.min(15, Math.max(1, digits.length));
}

const CHINESE_HALF: Record<string, string> = { 上半年: 'H1', 下半年: 'H2' };
const CHINESE_QUARTER: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  '1': '1',
  '2': '2',
  '3': '3',
  '4': '4',
};

/**
 * A period as the office writes it: the id (2023M08, 2023H1, 2023Q3, 2023) or in words:
 * 2023年1-8月 / 2023年1—8月 / 2023年8月 (both cumulative from January), 2023年上半年, 2023年第三季度, 2023年.
 */
export function readPeriod(text: string): PeriodId | null {
  const t = text.trim().replace(/\s+/g, '');
  if (PERIOD_PATTERN.test(t)) return t;
  const m = /^(\d{4})年?(.*)$/.exec(t);
  if (!m) return null;
  const [, year, rest = ''] = m;
  if (rest === '' || rest === '全年') return year ?? null;
  const half = CHINESE_HALF[rest];
  if (half) return `${year}${half}`;
  const quarter = /^第?([一二三四1-4])季度$/.exec(rest);
  if (quarter?.[1]) return `${year}Q${CHINESE_QUARTER[quarter[1]]}`;
  const months = /^(?:1[-—–~至到])?(\d{1,2})月(?:累计)?$/.exec(rest);
  if (months?.[1]) {
    const n = Number(months[1]);
    if (n >= 1 && n <= 12) return `${year}M${String(n).padStart(2, '0')}`;
  }
  return null;
}

const zh: Record<string, string> = PROJECT_LABELS_ZH;

function idReader<T extends string>(ids: readonly T[], prefix: string, aliases: Record<string, T> = {}) {
  const byName = new Map<string, T>();
  for (const id of ids) {
    byName.set(id, id);
    const label = zh[`${prefix}.${id}`];
    if (label) byName.set(label, id);
  }
  for (const [alias, id] of Object.entries(aliases)) byName.set(alias, id);
  return {
    read: (text: string): T | null => byName.get(text.trim()) ?? byName.get(text.trim().toLowerCase()) ?? null,
    write: (id: T): string => zh[`${prefix}.${id}`] ?? id,
    allowed: (): string[] => ids.map((id) => zh[`${prefix}.${id}`] ?? id),
  };
}

export const stages = idReader<StageId>(STAGE_IDS, 'stage', { 签约: 'signed', 已建成: 'completed', 竣工: 'completed' });
export const levels = idReader<LevelId>(LEVEL_IDS, 'level', { 市级重点: 'municipal', 区级重点: 'district' });
export const projectTypes = idReader<ProjectTypeId>(PROJECT_TYPE_IDS, 'type');

/** Dates as ISO text; Excel's date cells arrive as Date (UTC midnight). */
export function readDate(value: string | number | Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const t = String(value)
    .trim()
    .replace(/[年/.]/g, '-')
    .replace(/月/g, '-')
    .replace(/日$/, '')
    .replace(/-$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!m) return null;
  const [, y = '', mo = '', d = ''] = m;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
