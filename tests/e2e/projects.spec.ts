import { axeViolations, expect, inBothLanguagesAndThemes, open, test } from './fixtures';

const rows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: '项目列表' }).getByRole('rowheader');

test('searching 高铁 finds 渝西高铁北碚段', async ({ page, errors: _errors }) => {
  await open(page, '/projects?q=高铁');
  await expect(rows(page)).toHaveText(['渝西高铁北碚段']);
  await page.getByRole('link', { name: '渝西高铁北碚段' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '渝西高铁北碚段' })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/yuxi-high-speed-rail-beibei\?q=/);
});

test('stage click, sort header and search update the URL in the browser (sample data)', async ({
  page,
  errors: _errors,
}) => {
  await open(page, '/projects?mock=demo');
  await page.getByRole('button', { name: /^在建 \d+ 个 / }).click();
  await expect(page).toHaveURL(/stage=construction/);
  await page.getByRole('button', { name: '完成投资（万元）', exact: true }).click();
  await expect(page).toHaveURL(/sort=completed/);
  await expect(page.getByRole('columnheader', { name: '完成投资（万元）', exact: true })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByRole('searchbox', { name: '搜索项目' }).fill('渝武');
  await expect(page).toHaveURL(/q=%E6%B8%9D%E6%AD%A6/);
  await expect(rows(page)).toHaveText(['渝武高速公路复线', '渝武高速拓宽改造北碚段']); // completed ¥84.63M < ¥119M
});

test('10,000 projects: scrolling keeps at most 200 rows in the DOM and search still works', async ({
  page,
  errors: _errors,
}) => {
  await open(page, '/projects?mock=large&pageSize=200');
  await expect(page.getByRole('region', { name: '筛选结果合计' })).toContainText(/10,?000/);
  const table = page.getByRole('table', { name: '项目列表' });
  await expect(table.locator('tbody tr')).toHaveCount(200);
  const scroller = page.getByRole('region', { name: '项目列表（可滚动）' });
  for (let i = 0; i < 5; i++) {
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight));
    await page.mouse.wheel(0, 800);
  }
  expect(await page.locator('tr').count()).toBeLessThanOrEqual(201);
  // Page through the big list: still one page of rows in the DOM.
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/第 2 \/ 50 页/)).toBeVisible();
  expect(await page.locator('tbody tr').count()).toBeLessThanOrEqual(200);

  await page.getByRole('searchbox', { name: '搜索项目' }).fill('高铁');
  await expect(rows(page)).toHaveText(['渝西高铁北碚段']);
  await page.getByRole('searchbox', { name: '搜索项目' }).fill('蔡家电子信息');
  await expect(page.locator('.results[data-state="fresh"][data-q="蔡家电子信息"]')).toBeVisible();
  const n = await rows(page).count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(200);
  for (const name of await rows(page).allTextContents()) expect(name).toContain('蔡家电子信息');
});

test('an unknown project says so and leads back to the list', async ({ page, errors: _errors }) => {
  await open(page, '/projects/no-such-project');
  await expect(page.getByRole('heading', { level: 1, name: '没有找到这个项目' })).toBeVisible();
  await page.getByRole('link', { name: '返回项目列表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '重大项目' })).toBeVisible();
});

test('the preliminary stage lists 宝山大桥西延段 and not 宝山嘉陵江大桥, and its CSV download carries a BOM and those rows', async ({
  page,
  errors: _errors,
}) => {
  await open(page, '/projects?stage=preliminary');
  await test.step('the list', async () => {
    await expect(page.getByRole('button', { name: /^前期 \d+ 个/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(rows(page).filter({ hasText: '宝山大桥西延段' })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: '宝山嘉陵江大桥' })).toHaveCount(0);
  });

  await test.step('the CSV download carries a BOM and the filtered rows', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^导出 CSV/ }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain('宝山大桥西延段');
    expect(text).not.toContain('宝山嘉陵江大桥');
  });
});

const HEADINGS: Record<string, Record<'zh-CN' | 'en', string>> = {
  '/projects?stage=preliminary&q=宝山': { 'zh-CN': '重大项目', en: 'Major projects' },
  '/projects/yuwu-expressway-second-line': { 'zh-CN': '渝武高速公路复线', en: '渝武高速公路复线' },
};

// routes.spec.ts checks the other pages the same way; `/projects` itself, in both languages and
// themes, is checked against the data service (server/routes.spec.ts).
for (const path of ['/projects?stage=preliminary&q=宝山', '/projects/yuwu-expressway-second-line']) {
  test(`${path} in zh-CN and en, light and dark from the header's controls: no serious axe violations`, async ({
    page,
    errors: _errors,
  }) => {
    await inBothLanguagesAndThemes(page, path, 'zh-CN', async (lang, theme) => {
      await expect(page.getByRole('heading', { level: 1, name: HEADINGS[path]?.[lang] })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page), `${lang} ${theme}`).toEqual([]);
    });
  });
}
