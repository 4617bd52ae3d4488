import { axeViolations, expect, open, test } from './fixtures';

const ROUTES = [
  { path: '/', heading: { 'zh-CN': '经济运行总览', en: 'Economic overview' } },
  { path: '/sectors', heading: { 'zh-CN': '产业结构', en: 'Sectors' } },
  { path: '/sectors/automotive', heading: { 'zh-CN': '汽车', en: 'Automotive' } },
  { path: '/projects', heading: { 'zh-CN': '重大项目', en: 'Major projects' } },
  { path: '/projects/baoshan-bridge-west-extension', heading: { 'zh-CN': '宝山大桥西延段', en: '宝山大桥西延段' } },
] as const;

for (const lang of ['zh-CN', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const route of ROUTES) {
      test(`${route.path} in ${lang}, ${theme}: renders with no console errors and no serious axe violations`, async ({
        page,
        errors,
      }) => {
        await open(page, route.path, { lang, theme });
        await expect(page.getByRole('heading', { level: 1, name: route.heading[lang] })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors.console).toEqual([]);
      });
    }
  }
}

test('an unknown period in the address shows a notice and the default period', async ({ page }) => {
  await open(page, '/?period=bogus');
  await expect(page.getByRole('status', { name: '提示' })).toContainText('period=“bogus”');
  await expect(page.getByRole('combobox', { name: '时期' })).toHaveValue('2023H1');
  await expect(page).toHaveURL(/\/\?lang=zh-CN&theme=light$/);
});
