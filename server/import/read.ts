/**
 * Reading an uploaded file into rows of cells, whatever the office sends: an xlsx workbook
 * (formulas read as the values Excel saved, never evaluated) or a CSV in UTF-8, with or
 * without BOM, or GB18030/GBK (what Excel on a Chinese Windows PC writes), detected from the
 * bytes. Anything else — a PDF, an old .xls, an encrypted workbook, a zip bomb — is refused
 * with a message saying what it is and what to do, before it is unpacked.
 */
import { createInflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../../src/api/admin';
import type { ImportReport } from '../../src/api/admin';

export type RawCell = string | number | boolean | Date | null | { error: string } | { missingResult: true };

export interface RawRow {
  /** Row number as Excel shows it. */
  row: number;
  /** Cells by column, 0 = column A. */
  cells: RawCell[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export interface FileProblem {
  code: string;
  zh: string;
  en: string;
}

export type ReadResult =
  | { ok: true; format: 'xlsx' | 'csv'; encoding: ImportReport['encoding']; sheets: RawSheet[] }
  | { ok: false; format: ImportReport['format']; encoding: ImportReport['encoding']; problem: FileProblem };

const problem = (code: string, zh: string, en: string): FileProblem => ({ code, zh, en });

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const tooManyRows = (rows: number) =>
  problem(
    'too_many_rows',
    `文件有 ${rows} 行，超过上限 ${IMPORT_LIMITS.rows} 行；请分表或删去无关的行后再上传。`,
    `The file has ${rows} rows, more than the limit of ${IMPORT_LIMITS.rows}; split it or remove unrelated rows.`,
  );

/** A worksheet's part in the zip, where ExcelJS looks for them (`xl/worksheets/sheet1.xml`). */
const WORKSHEET_PART = /xl\/worksheets\/[^/]+\.xml$/;

/** The start of a row, and of what gives a cell a value: a `<v>`, an inline string `<is>`, a formula `<f>`. */
const ROW_OR_VALUE = /<(row|v|is|f)[\s>/]/g;
const ROW = /<row[\s>/]/g;

/**
 * Rows with a value in a worksheet's XML, counted chunk by chunk as it is inflated (what
 * ExcelJS's `actualRowCount` gives once it has built every cell): a row counts at its first value,
 * and the scan then skips to the next row. The last few characters of a chunk are kept so that a
 * tag split between two chunks is seen.
 */
class RowCounter {
  rows = 0;
  private counted = true;
  private tail = '';

  push(chunk: Buffer) {
    const text = this.tail + chunk.toString('latin1');
    // A tag that ends inside the kept tail was seen with the chunk before.
    let from = Math.max(0, this.tail.length - 4);
    for (;;) {
      const pattern = this.counted ? ROW : ROW_OR_VALUE;
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (!match) break;
      from = pattern.lastIndex;
      if (from <= this.tail.length) continue;
      if (match[1] === undefined || match[1] === 'row') this.counted = false;
      else {
        this.rows += 1;
        this.counted = true;
      }
    }
    this.tail = text.slice(-8);
  }
}

/**
 * The zip's entries, each inflated here in chunks with a cap on its output (the sizes a zip
 * declares can lie, so the cap is enforced on the bytes actually produced), and the rows of its
 * worksheets counted on the way: a file over the row limit is refused at the cost of inflating
 * it, before ExcelJS builds a cell. Nothing inflated is kept. Returns a problem or null.
 */
export async function checkZip(buf: Buffer): Promise<FileProblem | null> {
  const bomb = problem(
    'zip_bomb',
    `解压后超过 ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB，已拒绝（可能是“压缩炸弹”）；正常的数据表远小于此。`,
    `Unpacked, the file would exceed ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB and was refused (a "zip bomb"); real sheets are far smaller.`,
  );
  const broken = problem(
    'broken_xlsx',
    '文件已损坏，无法作为 .xlsx 读取；请在 Excel 中打开后重新“另存为” .xlsx。',
    'The file is damaged and cannot be read as .xlsx; open it in Excel and save it again as .xlsx.',
  );
  // End of central directory: the last 22 bytes, or up to 64 KiB earlier when there is a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return broken;
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) return bomb;
  if (entries > 10_000) return bomb;
  let total = 0;
  let rows = 0;
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return broken;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    total += declared;
    if (total > IMPORT_LIMITS.unpackedBytes) return bomb;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return broken;
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    const counter = WORKSHEET_PART.test(name) ? new RowCounter() : null;
    if (method === 0) {
      counter?.push(data);
    } else if (method === 8) {
      const room = IMPORT_LIMITS.unpackedBytes - (total - declared);
      const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
      inflater.end(data);
      let produced = 0;
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          produced += chunk.length;
          if (produced > room) return bomb;
          counter?.push(chunk);
        }
      } catch {
        return broken;
      }
      total += produced - declared;
    } else {
      return broken;
    }
    rows += counter?.rows ?? 0;
  }
  return rows > IMPORT_LIMITS.rows + 10 ? tooManyRows(rows) : null;
}

function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? { missingResult: true } : cellValue(result);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return cellValue((value as { text?: ExcelJS.CellValue }).text ?? null);
    if ('error' in value) return { error: value.error };
  }
  return null;
}

const NOT_A_WORKBOOK = problem(
  'not_a_workbook',
  '这是一个压缩包，但不是 Excel 工作簿（.xlsx）；请上传从 Excel 另存的 .xlsx 或 .csv 文件。',
  'This is a zip archive but not an Excel workbook (.xlsx); upload an .xlsx or .csv saved from Excel.',
);

async function readXlsx(buf: Buffer): Promise<ReadResult> {
  const zipProblem = await checkZip(buf);
  if (zipProblem) return { ok: false, format: 'xlsx', encoding: null, problem: zipProblem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false, format: 'xlsx', encoding: null, problem: NOT_A_WORKBOOK };
  }
  if (workbook.worksheets.length === 0) return { ok: false, format: 'xlsx', encoding: null, problem: NOT_A_WORKBOOK };
  const sheets: RawSheet[] = workbook.worksheets.map((ws) => {
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = cellValue(cell.value);
        // A cell formatted as a percentage holds a fraction (0.453 shown as 45.3%): sheets write points.
        cells[col - 1] =
          typeof value === 'number' && (cell.numFmt as string | undefined)?.includes('%')
            ? Number((value * 100).toPrecision(15))
            : value;
      });
      if (cells.some((c) => (c as RawCell | undefined) !== undefined && c !== null && c !== '')) {
        rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
      }
    });
    return { name: ws.name, rows };
  });
  return { ok: true, format: 'xlsx', encoding: null, sheets };
}

/** The CSV's text and how it was encoded, or null when it is not text in a known encoding. */
function decodeText(buf: Buffer): { text: string; encoding: NonNullable<ImportReport['encoding']> } | null {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      return null;
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel on a Chinese Windows PC writes GBK, a subset of GB18030.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030' };
  } catch {
    return null;
  }
}

/**
 * The records of a CSV text, counted without the parser: record separators outside quotes, where
 * CRLF, LF and a lone CR (old Mac, some exports) each end one record, mixed in any way (a doubled
 * quote inside a quoted cell toggles twice, so it counts right). It refuses a file over the row
 * limit before the parser builds anything, and it is checked against what the parser found: the
 * two disagree when the parser folds rows into a cell, and rows that are in the file must never
 * be reported as absent.
 */
export function recordCount(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))) records += 1;
  }
  return /[\r\n]$/.test(text) ? records : records + 1;
}

/** Every line ending a CSV may use, in any mix: the parser must not settle on the first one it sees. */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/**
 * UTF-16 text without a byte-order mark: the ASCII characters of a CSV (commas, digits, codes)
 * leave a zero byte at every other position and none at the others, and the text decoded so
 * reads as text (separators, no control characters), which a binary file with zeros does not.
 */
function looksLikeUtf16(buf: Buffer): boolean {
  const sample = buf.subarray(0, Math.min(buf.length, 64 * 1024) & ~1);
  if (sample.length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even += 1;
    if (sample[i + 1] === 0) odd += 1;
  }
  const pairs = sample.length / 2;
  const encoding =
    odd > pairs * 0.1 && even < pairs * 0.01
      ? 'utf-16le'
      : even > pairs * 0.1 && odd < pairs * 0.01
        ? 'utf-16be'
        : null;
  if (!encoding) return false;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(sample);
    // eslint-disable-next-line no-control-regex
    return /[,\t]/.test(text) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/** Our own CSV export guards text that could start a formula with an apostrophe: take it off again. */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const NOT_TEXT = problem(
  'not_a_spreadsheet',
  '不是电子表格文件：请上传 .xlsx 工作簿或 .csv 文本（UTF-8 或 GBK 编码）。',
  'Not a spreadsheet: upload an .xlsx workbook or a .csv text file (UTF-8 or GBK).',
);

/** A CSV upload that refusalAtSight let through. */
function readCsv(buf: Buffer): ReadResult {
  const decoded = decodeText(buf);
  if (!decoded) return { ok: false, format: null, encoding: null, problem: NOT_TEXT };
  const count = recordCount(decoded.text);
  if (count > IMPORT_LIMITS.rows + 10) {
    return { ok: false, format: 'csv', encoding: decoded.encoding, problem: tooManyRows(count) };
  }
  let records: string[][];
  try {
    records = parseCsv(decoded.text, {
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: false,
      record_delimiter: RECORD_DELIMITERS,
    });
  } catch (error) {
    return {
      ok: false,
      format: 'csv',
      encoding: decoded.encoding,
      problem: problem(
        'bad_csv',
        `CSV 格式有误（${error instanceof Error ? error.message.slice(0, 120) : ''}）；请在 Excel 中重新另存为 CSV。`,
        `The CSV is malformed (${error instanceof Error ? error.message.slice(0, 120) : ''}); save it from Excel again.`,
      ),
    };
  }
  if (records.length !== count) {
    return {
      ok: false,
      format: 'csv',
      encoding: decoded.encoding,
      problem: problem(
        'row_count_mismatch',
        `文件有 ${count} 行，读出的却是 ${records.length} 行（换行符或引号有误）；为免漏读或错删数据，已拒绝，未作任何更改。请在 Excel 中打开后重新另存为 CSV UTF-8。`,
        `The file has ${count} lines but ${records.length} rows were read from it (a stray line break or quote); so that no row is missed or removed, it was refused and nothing was changed. Open it in Excel and save it again as CSV UTF-8.`,
      ),
    };
  }
  const rows: RawRow[] = [];
  records.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : unguard(c))) });
  });
  return { ok: true, format: 'csv', encoding: decoded.encoding, sheets: [{ name: '', rows }] };
}

/**
 * The refusals an upload's first bytes decide (empty, an old or encrypted Excel file, UTF-16,
 * binary), without reading it: null when it has to be read. Cheap and bounded (64 KB at most), so
 * the server answers these at once, before an import thread is taken.
 */
export function refusalAtSight(buf: Buffer): (ReadResult & { ok: false }) | null {
  if (buf.length === 0) {
    return {
      ok: false,
      format: null,
      encoding: null,
      problem: problem('empty_file', '文件是空的（0 字节）。', 'The file is empty (0 bytes).'),
    };
  }
  if (startsWith(buf, OLE)) {
    const encrypted = buf.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    return {
      ok: false,
      format: null,
      encoding: null,
      problem: encrypted
        ? problem(
            'encrypted',
            '工作簿设置了打开密码（已加密），无法读取；请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx。',
            'The workbook is password-protected (encrypted) and cannot be read; remove the password in Excel (File → Info → Protect Workbook) and save it as .xlsx.',
          )
        : problem(
            'legacy_xls',
            '这是旧版 Excel 97–2003 文件（.xls）；请在 Excel 中另存为 .xlsx 或 CSV UTF-8。',
            'This is an old Excel 97–2003 file (.xls); save it from Excel as .xlsx or CSV UTF-8.',
          ),
    };
  }
  if (startsWith(buf, ZIP) || startsWith(buf, EMPTY_ZIP)) return null;
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]) || looksLikeUtf16(buf)) {
    return {
      ok: false,
      format: 'csv',
      encoding: null,
      problem: problem(
        'utf16_text',
        '这是 UTF-16（“Unicode 文本”）文件；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx。',
        'This is UTF-16 ("Unicode text"); save it from Excel as "CSV UTF-8 (comma delimited)" or .xlsx.',
      ),
    };
  }
  if (buf.subarray(0, 64 * 1024).includes(0)) return { ok: false, format: null, encoding: null, problem: NOT_TEXT };
  return null;
}

/** Reads an upload; never throws for bad content (that is a `problem`). */
export async function readUpload(buf: Buffer): Promise<ReadResult> {
  const refused = refusalAtSight(buf);
  if (refused) return refused;
  return startsWith(buf, ZIP) || startsWith(buf, EMPTY_ZIP) ? readXlsx(buf) : readCsv(buf);
}
