/**
 * An office adds an indicator and a sector by import alone: the template downloaded from the
 * admin API, a group, an indicator with its figure and a sector with its figures added in Excel's
 * way (the workbook's own sheets), uploaded, checked and published. A page opened before the
 * publish shows them at its next poll, without a reload: the overview's new tile with its figure,
 * and the new sector in the sector filter. It publishes, so it runs its own server.
 */
import ExcelJS from 'exceljs';
import { expect, open, test } from '../fixtures';
import { EDITOR, PASSWORD } from './editor';
import { ownServerOfFile } from './own-server';
import { signIn } from './publishing';
import type { AdminRequest } from './publishing';

/** The page asks for the published version every 30 s; a new one must show within 60 s. */
const WITHIN_MS = 60_000;

const url = ownServerOfFile();

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`the template has no sheet ${name}`);
  return ws;
};

/** The published data as the template, with 社会消费品零售总额 and 新能源汽车 added; the new version's id. */
async function publishNewIndicatorAndSector(admin: AdminRequest): Promise<number> {
  const template = await admin('/template.xlsx');
  expect(template.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await template.arrayBuffer());
  sheet(workbook, '指标分组').addRow(['consumption', '消费', 'Consumption', 6]);
  sheet(workbook, '指标目录').addRow([
    'retail-sales',
    '社会消费品零售总额',
    'Retail sales of consumer goods',
    '消费',
    '亿元',
    '越高越好',
    '是',
    30,
    '累计',
  ]);
  sheet(workbook, '指标').addRow(['retail-sales', null, '实际', '2023H1', 214.5, '亿元', 6.1, null]);
  sheet(workbook, '产业目录').addRow([
    'new-energy-vehicles',
    '新能源汽车',
    'New energy vehicles',
    '主导产业',
    '#00607A',
    '#4FC3D9',
    9,
  ]);
  sheet(workbook, '产业').addRow(['new-energy-vehicles', '新能源汽车', '2023H1', 42.5, 18.2, 12, null]);
  const upload = await admin('/imports', {
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent('新增指标和产业.xlsx') },
  });
  expect(upload.status).toBe(200);
  const report = (await upload.json()) as { id: string; errors: number; issues: unknown[] };
  expect(report.errors, JSON.stringify(report.issues)).toBe(0);
  const published = await admin(`/imports/${report.id}/publish`, {
    body: JSON.stringify({ acceptWarnings: true }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(published.status).toBe(201);
  return ((await published.json()) as { version: { id: number } }).version.id;
}

test('an indicator and a sector added by import show on a page opened before, at its next poll, without a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install();
  await open(page, url('/'));
  const tile = page.getByRole('heading', { name: '社会消费品零售总额' });
  const sectors = page.getByRole('combobox', { name: '产业' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(tile).toHaveCount(0);
  await expect(sectors.getByRole('option', { name: '新能源汽车' })).toHaveCount(0);
  // Marks this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { openedBeforePublish: true }));

  expect(await publishNewIndicatorAndSector(await signIn(url, EDITOR, PASSWORD))).toBe(2);
  await page.clock.fastForward(WITHIN_MS);
  await expect(page.getByRole('status', { name: '数据更新' })).toHaveText(/数据已更新至第 2 版。/);
  await expect(tile).toBeVisible();
  await expect(page.getByText('214.5亿元', { exact: true })).toBeVisible();
  await expect(sectors.getByRole('option', { name: '新能源汽车' })).toHaveCount(1);
  expect(await page.evaluate(() => (window as { openedBeforePublish?: boolean }).openedBeforePublish)).toBe(true);

  // The new sector can be chosen at once: the filter writes it into the address.
  await sectors.selectOption({ label: '新能源汽车' });
  await expect(page).toHaveURL(/[?&]sector=new-energy-vehicles(&|$)/);
});
