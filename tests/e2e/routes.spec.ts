import { axeViolations, expect, open, test } from './fixtures';

type Lang = 'zh-CN' | 'en';

/**
 * The same checks on the other pages live beside them: the overview's in overview.spec.ts,
 * /projects' in projects.spec.ts, /sectors/automotive's in Chinese in sectors.spec.ts; and for
 * `/`, `/projects`, a project's page and the briefing, against the data service
 * (server/routes.spec.ts).
 */
// With no period in the address, the sector pages show the nearest period with figures and say so;
// any change made in the header drops that note, so each theme is opened from the address.
const ROUTES: { path: string; heading: Record<Lang, string>; langs: readonly Lang[] }[] = [
  { path: '/sectors', heading: { 'zh-CN': '产业结构', en: 'Sectors' }, langs: ['zh-CN', 'en'] },
  { path: '/sectors/automotive', heading: { 'zh-CN': '汽车', en: 'Automotive' }, langs: ['en'] },
];

for (const route of ROUTES) {
  for (const lang of route.langs) {
    test(`${route.path} in ${lang}, light, then dark: renders with no console errors and no serious axe violations`, async ({
      page,
    }) => {
      for (const theme of ['light', 'dark'] as const) {
        await open(page, route.path, { lang, theme });
        await expect(page.getByRole('heading', { level: 1, name: route.heading[lang] })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await axeViolations(page), theme).toEqual([]);
      }
    });
  }
}

test('an unknown period in the address shows a notice and the default period', async ({ page }) => {
  await open(page, '/?period=bogus');
  await expect(page.getByRole('status', { name: '提示' })).toContainText('period=“bogus”');
  await expect(page.getByRole('combobox', { name: '时期' })).toHaveValue('2023H1');
  await expect(page).toHaveURL(/\/\?lang=zh-CN&theme=light$/);
});
