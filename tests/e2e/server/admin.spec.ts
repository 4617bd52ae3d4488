/**
 * The monthly data update in the browser, against the data service as a process: sign in,
 * download the template, add a month with two mistakes, read them in the report, correct the
 * file, preview, publish, see the new figure on the overview, roll back and see it gone. It
 * publishes, so it runs its own server on its own database (not the shared read-only one of
 * the `real-server` project), serving that project's build; axe checks the page signed out and
 * with a report, in both languages.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from '../fixtures';
import { EDITOR, PASSWORD } from './editor';
import { ownServerOfFile } from './own-server';

/** The month this test adds, and the figure it gives the automotive sector for it. */
const MONTH = '2023M08';
const AUTOMOTIVE_OUTPUT = 64.18;
const AS_OF = '2023-09-15';

test.describe.configure({ mode: 'serial' });

const url = ownServerOfFile();
let workDir = '';

test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'beibei-admin-e2e-files-'));
});

test.afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function signIn(page: Page) {
  await page.getByLabel('用户名').fill(EDITOR);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(`已登录：${EDITOR}`)).toBeVisible();
}

/** Excel's column letter for a 1-based column number. */
function letter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A sheet's columns by header (the row of headers is found by its first header, so the layout is the server's). */
function columnsOf(sheet: ExcelJS.Worksheet, firstHeader: string) {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && cellText(row.getCell(1).value).trim() === firstHeader) headerRow = n;
  });
  expect(headerRow, `the header row of ${sheet.name}`).toBeGreaterThan(0);
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => columns.set(cellText(cell.value).trim(), col));
  const col = (header: string) => {
    const n = columns.get(header);
    if (n === undefined) throw new Error(`no column ${header} in ${sheet.name}: ${[...columns.keys()].join(', ')}`);
    return n;
  };
  return { headerRow, col };
}

interface Edited {
  path: string;
  /** Where the two mistakes are: the unknown sector id and the text in a number cell. */
  unknownSector: string;
  textInNumber: string;
}

/**
 * The template with the month added to the sectors sheet (a copy of July's rows, August's
 * figures), the as-of date moved on, and, unless `correct`, two mistakes in the new rows.
 */
async function addMonth(template: Buffer, fileName: string, correct: boolean): Promise<Edited> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sectors = workbook.getWorksheet('产业');
  if (!sectors) throw new Error(`no 产业 sheet in the template: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const { headerRow, col } = columnsOf(sectors, '产业代码');
  const [idCol, periodCol, outputCol, growthCol] = [col('产业代码'), col('时期'), col('产值(亿元)'), col('增速(%)')];

  const july: ExcelJS.CellValue[][] = [];
  sectors.eachRow((row, n) => {
    if (n > headerRow && cellText(row.getCell(periodCol).value) === '2023M07') {
      july.push((row.values as ExcelJS.CellValue[]).slice(1));
    }
  });
  expect(july.length, 'July’s rows in the sectors sheet').toBeGreaterThan(2);

  let unknownSector = '';
  let textInNumber = '';
  for (const values of july) {
    const row = sectors.addRow(values);
    row.getCell(periodCol).value = MONTH;
    const id = cellText(row.getCell(idCol).value);
    const output = Number(cellText(row.getCell(outputCol).value));
    if (id === 'automotive') {
      row.getCell(outputCol).value = AUTOMOTIVE_OUTPUT;
      row.getCell(growthCol).value = 11.2;
    } else if (Number.isFinite(output) && output > 0) {
      // Year-to-date output only grows from one month to the next.
      row.getCell(outputCol).value = Math.round(output * 114) / 100;
    }
    if (correct) continue;
    if (id === 'materials') {
      row.getCell(idCol).value = 'spaceships';
      unknownSector = `产业 ${letter(idCol)}${row.number}`;
    } else if (id === 'equipment') {
      row.getCell(outputCol).value = '约62亿';
      textInNumber = `产业 ${letter(outputCol)}${row.number}`;
    }
  }
  if (!correct) {
    expect(unknownSector, 'a materials row to misname').not.toBe('');
    expect(textInNumber, 'an equipment row to spoil').not.toBe('');
  }

  // The as-of date (数据截至) on the help sheet, if the template has it there.
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      if (cellText(row.getCell(1).value).trim() === '数据截至') row.getCell(2).value = AS_OF;
    });
  }

  const path = join(workDir, fileName);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return { path, unknownSector, textInNumber };
}

async function upload(page: Page, path: string) {
  await page.getByLabel(/^选择文件/).setInputFiles(path);
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page.getByRole('button', { name: '上传并检查' })).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible();
}

test('signed out: the sign-in form, with no serious axe findings in zh-CN and English', async ({ page }) => {
  await open(page, url('/admin'));
  await expect(page.getByRole('heading', { level: 1, name: '数据管理' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '登录' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await open(page, url('/admin'), { lang: 'en', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The footer leads there from every page.
  await open(page, url('/'));
  await page.getByRole('contentinfo').getByRole('link', { name: '数据管理' }).click();
  await expect(page).toHaveURL(/\/admin\?/);
});

test('a month added from the template: two mistakes reported, corrected, previewed, published, rolled back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page, url('/admin'));
  await signIn(page);
  await expect(page.getByRole('table', { name: '已发布的全部版本，最新的在前' })).toContainText('第 1 版');

  // Step 1: the template, with the published data in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excel 模板（.xlsx，含三张表）' }).click(),
  ]);
  const templatePath = join(workDir, 'template.xlsx');
  await download.saveAs(templatePath);
  const template = await readFile(templatePath);

  // Step 2: a file with two mistakes; the report names both, where they are.
  const spoiled = await addMonth(template, '北碚区2023年8月数据.xlsx', false);
  await upload(page, spoiled.path);
  const report = page.getByRole('group', { name: '检查结果' });
  await expect(report).toContainText('2 个错误');
  const issues = page.getByRole('table', { name: /^问题列表/ });
  for (const location of [spoiled.unknownSector, spoiled.textInNumber]) {
    const row = issues.getByRole('row').filter({ has: page.getByRole('link', { name: location, exact: true }) });
    await expect(row).toContainText('错误');
  }
  await expect(issues.getByRole('row').filter({ hasText: 'spaceships' })).toHaveCount(1);
  await expect(issues.getByRole('row').filter({ hasText: '约62亿' })).toHaveCount(1);
  // A location leads to its description.
  await issues.getByRole('link', { name: spoiled.textInNumber, exact: true }).click();
  await expect(page.locator(':focus')).toContainText('约62亿');
  await expect(page.getByText('修正全部错误并重新上传后，才能预览。')).toBeVisible();

  // The page with a report, in both languages (switched in place: the report stays).
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Check results' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('banner').getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible();

  // Corrected: no errors, and the preview shows the month added.
  const fixed = await addMonth(template, '北碚区2023年8月数据（改）.xlsx', true);
  await upload(page, fixed.path);
  await expect(report).toContainText('0 个错误');
  const preview = page.getByRole('region', { name: '第 3 步：预览' });
  await expect(preview).toContainText('2023年1–8月累计');
  const added = preview.getByRole('table', { name: /^变化明细/ }).getByRole('row', { name: /汽车 · 2023M08/ });
  await expect(added).toContainText('新增');

  // Step 4: publish (acknowledging any warnings first).
  const publishStep = page.getByRole('region', { name: '第 4 步：发布' });
  const accept = publishStep.getByRole('checkbox');
  if ((await accept.count()) > 0) await accept.check();
  await publishStep.getByRole('button', { name: '发布', exact: true }).click();
  await expect(publishStep.getByText('已发布第 2 版。')).toBeVisible({ timeout: 60_000 });
  const history = page.getByRole('table', { name: '已发布的全部版本，最新的在前' });
  await expect(history.getByRole('row', { name: /^第 2 版/ })).toContainText('当前版本');

  // The overview shows the new month's figure (sector figures show with their sector chosen).
  await publishStep.getByRole('link', { name: '查看总览' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await open(page, url(`/?period=${MONTH}&sector=automotive`));
  const tile = page.getByRole('article', { name: '汽车产业规上工业产值', exact: true });
  await expect(tile).toContainText(`${AUTOMOTIVE_OUTPUT}亿元`);
  // The month is a period to choose, and every screen says the data's new date.
  const header = page.getByRole('banner');
  await expect(
    header.getByRole('combobox', { name: '时期' }).getByRole('option', { name: '2023年1–8月累计' }),
  ).toHaveCount(1);
  await expect(header).toContainText('数据截至 2023年9月15日');
  // The wall screen, already running, shows the new version on its next refresh (every 2 s, the shortest).
  const wall = await page.context().newPage();
  await open(wall, url(`/present?period=${MONTH}&refresh=2`));
  await expect(wall.getByText('数据截至 2023年9月15日')).toBeVisible();

  // Rolled back to version 1: the month is gone again.
  await open(page, url('/admin'));
  const firstRow = page
    .getByRole('table', { name: '已发布的全部版本，最新的在前' })
    .getByRole('row', { name: /^第 1 版/ });
  await firstRow.getByRole('button', { name: '回滚到此版本' }).click();
  const confirm = page.getByRole('group', { name: '回滚到第 1 版？' });
  await expect(confirm).toContainText('替换当前的第 2 版');
  await confirm.getByRole('button', { name: '确认回滚到第 1 版' }).click();
  await expect(page.getByText('已回滚：第 1 版的内容已发布为第 3 版。').first()).toBeVisible({ timeout: 60_000 });
  await expect(history.getByRole('row', { name: /^第 3 版/ })).toContainText('当前版本');
  await expect(wall.getByText('数据截至 2023年8月26日')).toBeVisible({ timeout: 60_000 });
  await wall.close();

  await open(page, url(`/?period=${MONTH}&sector=automotive`));
  await expect(page.getByText(`地址中的参数 period=“${MONTH}” 无效，已忽略。`)).toBeVisible();
  await expect(page.getByText(`${AUTOMOTIVE_OUTPUT}亿元`)).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('option', { name: '2023年1–8月累计' })).toHaveCount(0);
});
