/**
 * CSV that Excel on a Chinese Windows PC opens correctly: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, and text cells that could start a formula (= + - @,
 * tab, carriage return) neutralised with a leading apostrophe (OWASP "CSV injection").
 */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers are data, never formulas: -5.4 stays a negative number.
  let text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `note`, when given, is a first line above the headers (演示数据 · 非正式统计 on sample data). */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], note?: string | null): string {
  const lines = [...(note ? [[note]] : []), headers, ...rows].map((row) => row.map(escapeCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
