/**
 * A project's planned and completed investment come as a pair in the template's 项目 sheet:
 * one without the other is an error on the empty cell, named by row and header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { templateXlsx } from '../../server/import/export';
import { prepareImport } from '../../server/import/prepare';
import { loadWorkbook, saveWorkbook } from './sheets';

const PLANNED = '计划投资(万元)';
const COMPLETED = '完成投资(万元)';
const PERIOD = '投资时期';

let template: Buffer;
beforeAll(async () => {
  template = await templateXlsx(reportDataset, 1);
});

/** The template with the first two projects' money set, [planned, completed] each, for the first half of 2023. */
async function withMoney(first: [number | null, number | null], second: [number | null, number | null]) {
  const workbook = await loadWorkbook(template);
  const sheet = workbook.getWorksheet('项目')!;
  const headers = sheet.getRow(2).values as unknown[];
  const column = (header: string) => headers.indexOf(header);
  [first, second].forEach(([planned, completed], i) => {
    const row = sheet.getRow(3 + i);
    row.getCell(column(PLANNED)).value = planned;
    row.getCell(column(COMPLETED)).value = completed;
    row.getCell(column(PERIOD)).value = planned === null && completed === null ? null : '2023H1';
  });
  return saveWorkbook(workbook);
}

describe('planned and completed investment', () => {
  it('refuses completed without planned, and planned without completed, on the empty cell', async () => {
    const bytes = await withMoney([null, 5000], [8000, null]);
    const { report, dataset } = await prepareImport({
      bytes,
      fileName: 'upload.xlsx',
      base: reportDataset,
      baseVersion: 1,
      today: '2026-12-02',
    });
    expect(dataset).toBeNull();
    const missing = report.issues.filter((i) => i.code === 'missing_value');
    expect(missing).toEqual([
      expect.objectContaining({ sheet: '项目', row: 3, header: PLANNED }),
      expect.objectContaining({ sheet: '项目', row: 4, header: COMPLETED }),
    ]);
    expect(missing[0]?.message['zh-CN']).toBe(`填了“${COMPLETED}”时，“${PLANNED}”不能为空。`);
    expect(missing[1]?.message.en).toBe(`"${COMPLETED}" must not be empty when "${PLANNED}" is given.`);
  });

  it('takes both, or neither', async () => {
    const bytes = await withMoney([8000, 5000], [null, null]);
    const { report } = await prepareImport({
      bytes,
      fileName: 'upload.xlsx',
      base: reportDataset,
      baseVersion: 1,
      today: '2026-12-02',
    });
    expect(report.issues.filter((i) => i.code === 'missing_value')).toEqual([]);
  });
});
