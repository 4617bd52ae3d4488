/**
 * The sheets' and the data service's words, for a reader: column headers and units in the
 * reader's language, a whole row's summary split into its fields, a version's note in Chinese.
 */
import type { Locale } from '../../lib/i18n';
import { FIELD_NAMES_EN, UNIT_NAMES_EN } from './messages';

/** A column header in the reader's language, without the unit its values carry: 同比增速(%) → 同比增速 / Year-on-year growth. */
export function fieldName(field: string, locale: Locale): string {
  const bare = field.replace(/\((.+)\)$/, '');
  if (locale === 'zh-CN') return unitOf(field) ? bare : field;
  return FIELD_NAMES_EN[field] ?? FIELD_NAMES_EN[bare] ?? field;
}

/** The unit a header names in brackets (产值(亿元) → 亿元); null for any other bracket (颜色(浅色)). */
function unitOf(field: string): string | null {
  const bracketed = /\((.+)\)$/.exec(field)?.[1];
  return bracketed && bracketed in UNIT_NAMES_EN ? bracketed : null;
}

/** A unit as the reader's language writes it after a value: 亿元 / × 100m yuan. */
export const unitText = (unit: string, locale: Locale) => (locale === 'en' ? ` ${UNIT_NAMES_EN[unit] ?? unit}` : unit);

export interface SummaryField {
  field: string;
  value: string;
  unit: string | null;
}

const VALUE = '数值';
const UNIT = '单位';

/**
 * A whole row added or removed, as the comparison sums it up ("产值(亿元) 65.02；增速(%) 11.1"),
 * split into its fields, each value with its unit: the 单位 column's is the 数值 column's unit.
 */
export function summaryFields(summary: string): SummaryField[] {
  const fields = summary.split('；').flatMap((part) => {
    const space = part.indexOf(' ');
    if (space <= 0) return [];
    const field = part.slice(0, space);
    return [{ field, value: part.slice(space + 1), unit: unitOf(field) }];
  });
  const unit = fields.find((f) => f.field === UNIT)?.value ?? null;
  if (!unit || !fields.some((f) => f.field === VALUE)) return fields;
  return fields.flatMap((f) => (f.field === UNIT ? [] : [f.field === VALUE ? { ...f, unit } : f]));
}

/** The notes the data service writes on the versions it publishes, in Chinese. */
const NOTES_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^First version, seeded from the report dataset$/, () => '首个版本：报告中的数据'],
  [
    /^Imported: (\d+) added, (\d+) changed, (\d+) removed(?:; (\d+) warnings accepted)?$/,
    (m) => `导入：新增 ${m[1]} 项，修改 ${m[2]} 项，删除 ${m[3]} 项${m[4] ? `（已确认 ${m[4]} 条提示）` : ''}`,
  ],
  [/^Content of version (\d+), published again$/, (m) => `重新发布第 ${m[1]} 版的内容`],
  [/^Sample data \(demo\)(?:; (\d+) warnings accepted)?$/, () => '演示数据'],
];

/** A version's note in the reader's language where it is one the data service writes; else as written (in English). */
export function noteText(note: string, locale: Locale): { text: string; lang: Locale } {
  if (locale === 'zh-CN') {
    for (const [pattern, say] of NOTES_ZH) {
      const m = pattern.exec(note);
      if (m) return { text: say(m), lang: 'zh-CN' };
    }
  }
  return { text: note, lang: /[\u4e00-\u9fff]/.test(note) ? 'zh-CN' : 'en' };
}
