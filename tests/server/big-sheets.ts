/**
 * Workbooks too big to build with ExcelJS in a test: the worksheet XML is written as text, row by
 * row, and deflated as it is produced, so a sheet that unpacks to 190 MB costs the test a couple
 * of seconds and a few megabytes.
 */
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RawWorksheet {
  name: string;
  /** The worksheet's `<row>` elements, in pieces of any size. */
  rows: Iterable<string>;
}

async function deflateText(pieces: Iterable<string>): Promise<{ data: Buffer; size: number }> {
  const deflater = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  let size = 0;
  // Pieces are gathered into writes of about 256 KiB: a write per row would cost more than the deflating.
  let batch = '';
  const write = async () => {
    const bytes = Buffer.from(batch);
    batch = '';
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  };
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 256 * 1024) await write();
  }
  await write();
  deflater.end();
  await done;
  return { data: Buffer.concat(out), size };
}

/**
 * A zip of deflated entries (no CRC: ExcelJS does not check it). `size` is what an entry says it
 * unpacks to, which a zip bomb's may lie about.
 */
export function zip(entries: { name: string; data: Buffer; size: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data, size } of entries) {
    const nameBytes = Buffer.from(name);
    // What the local header and the central directory both say of an entry, in the same layout:
    // version needed, flags, method (deflate), time, date, CRC, sizes packed and unpacked, name and extra lengths.
    const entry = Buffer.alloc(26);
    entry.writeUInt16LE(20, 0);
    entry.writeUInt16LE(8, 4);
    entry.writeUInt32LE(data.length, 14);
    entry.writeUInt32LE(size, 18);
    entry.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([uint32(0x04034b50), entry]);
    // The central directory's entry adds the version that made it and, last, where the local header is.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    parts.push(local, nameBytes, data);
    central.push(uint32(0x02014b50), uint16(20), entry, tail, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const uint16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};

const uint32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

const small = (name: string, text: string) => {
  const bytes = Buffer.from(XML_HEAD + text);
  return { name, data: deflateRawSync(bytes), size: bytes.length };
};

/** An .xlsx with the given worksheets, as little of the rest of a workbook as ExcelJS needs. */
export async function rawWorkbook(sheets: RawWorksheet[]): Promise<Buffer> {
  const entries: { name: string; data: Buffer; size: number }[] = [
    small(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    small(
      '_rels/.rels',
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdStyles" Type="${OFFICE_RELS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Style 1 is a grey fill: what a row or cell formatted but left empty refers to.
    small(
      'xl/styles.xml',
      `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`,
    ),
  ];
  for (const [i, sheet] of sheets.entries()) {
    const xml = (function* () {
      yield `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>`;
      yield* sheet.rows;
      yield '</sheetData></worksheet>';
    })();
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, ...(await deflateText(xml)) });
  }
  return zip(entries);
}

/** `count` rows of one number each, handed out a thousand rows at a time. */
export function* numberRows(count: number): Generator<string> {
  for (let from = 1; from <= count; from += 1000) {
    let piece = '';
    for (let r = from; r < Math.min(from + 1000, count + 1); r++)
      piece += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    yield piece;
  }
}

/**
 * `count` rows of `cells` one-letter inline strings each, one object per cell for ExcelJS to
 * build. Only a row's first cell names its address (ExcelJS places the others one column
 * further each), so the rows are alike and deflate about 300:1: 2,400 rows of 2,000 cells unpack
 * to 182 MB and pack to 0.6 MB.
 */
export function* inlineStringRows(count: number, cells: number): Generator<string> {
  const rest = '<c t="inlineStr"><is><t>x</t></is></c>'.repeat(cells - 1);
  for (let r = 1; r <= count; r++) yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c>${rest}</row>`;
}
