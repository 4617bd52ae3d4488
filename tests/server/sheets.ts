/**
 * Sheets for the import tests, made from the exported template as an office would fill it in.
 * The month they add (2023年1–8月) is made up for the tests: illustrative figures, never part of
 * the seed dataset; the file names say so.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zip } from './big-sheets';

export const MONTH_FILE = 'illustrative-2023M08.xlsx';

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export const saveWorkbook = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Sets the value (column B) of the help sheet's setting labelled `label` (数据截至, 默认时期). */
export function setSetting(workbook: ExcelJS.Workbook, label: string, value: string) {
  workbook.getWorksheet('说明')?.eachRow((row) => {
    if (row.getCell(1).value === label) row.getCell(2).value = value;
  });
}

/** Illustrative Jan–Aug 2023 figures added to a template workbook; returns the rows they went to. */
export function addMonth(workbook: ExcelJS.Workbook) {
  const indicators = workbook.getWorksheet('指标')!;
  const sectors = workbook.getWorksheet('产业')!;
  const signed = indicators.addRow([
    'investment-signed',
    '签约资金',
    '实际',
    '2023M08',
    205.6,
    '亿元',
    null,
    null,
  ]).number;
  const arrived = indicators.addRow([
    'investment-arrived',
    '到位资金',
    '实际',
    '2023年1-8月',
    81.2,
    '亿元',
    38.5,
    null,
  ]).number;
  const automotive = sectors.addRow(['automotive', '汽车', '2023M08', 65.02, 11.1, 53, null]).number;
  setSetting(workbook, '数据截至', '2023-09-20');
  setSetting(workbook, '默认时期', '2023M08');
  return { signed, arrived, automotive };
}

/** A template workbook with the illustrative month added. */
export async function monthWorkbook(template: Buffer): Promise<{ bytes: Buffer; rows: ReturnType<typeof addMonth> }> {
  const workbook = await loadWorkbook(template);
  const rows = addMonth(workbook);
  return { bytes: await saveWorkbook(workbook), rows };
}

/** Each buffer deflated once: the zip bombs share 200 MB of zeros, a second's work to compress. */
const deflated = new WeakMap<Buffer, Buffer>();

/** A zip with one entry whose data is `data` deflated; `declaredSize` lets the header lie. */
export function zipWith(name: string, data: Buffer, declaredSize = data.length): Buffer {
  const compressed = deflated.get(data) ?? deflateRawSync(data, { level: 9 });
  deflated.set(data, compressed);
  return zip([{ name, data: compressed, size: declaredSize }]);
}
