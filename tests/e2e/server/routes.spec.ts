/**
 * The route suite's pages against the data service (server/main.ts) on a new database, as
 * `npm start` gives it: the app built with mocks off and the API at /api/v1 on the same origin,
 * figures read from its database, which holds the report's own data only. Each page shows its
 * heading and figures from the data, and nothing made up or empty: no element marked
 * illustrative, no 本期无数据 tile, no empty chart frame, no sample-data label; with no console
 * errors (the fixture) and no serious axe violations. For the overview, the project list, a project and the briefing, these are the
 * checks in both themes (the second switched to with the header's control); the mock-API suite
 * checks their other addresses, and the sector pages' dark theme with every chart drawn.
 */
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, open, switchTheme, test } from '../fixtures';

type Lang = 'zh-CN' | 'en';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value (`<dd>`) given for a label (`<dt>`) in a description list. */
const valueOf = (scope: Locator, term: string) =>
  scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]');

/**
 * A new database holds the report's own data: nothing on the page is marked illustrative, no
 * tile says it has no data for the period, no chart frame stands empty, and no sample label shows.
 */
async function expectOnlyWhatIsKnown(page: Page) {
  await expect(page.locator('body')).not.toContainText(
    /示意|Illustrative|本期无数据|No data for this period|演示数据|Sample data/,
  );
  await expect(page.locator('.chart-frame__empty')).toHaveCount(0);
  await expect(page.locator('.sample-banner')).toHaveCount(0);
}

interface Route {
  path: string;
  heading: Record<Lang, string>;
  /** Waits for the figures a reader of this page would look at, in Chinese or in English. */
  shows: (page: Page, zh: boolean) => Promise<void>;
}

const SECTORS = { 'zh-CN': '产业结构', en: 'Sectors' };
/** The sector pages' list of every sector with its figures. */
const glance = (page: Page, zh: boolean) => page.getByRole('region', { name: zh ? '产业一览' : 'Sectors at a glance' });

const ROUTES: Route[] = [
  {
    path: '/',
    heading: { 'zh-CN': '经济运行总览', en: 'Economic overview' },
    async shows(page, zh) {
      await expect(
        page.getByRole('banner').getByText(zh ? '数据截至 2023年8月26日' : 'Data as of Aug 26, 2023'),
      ).toBeVisible();
      const tile = page.getByRole('article', {
        name: zh ? '重点建设项目完成投资' : 'Key construction projects: investment completed',
        exact: true,
      });
      await expect(tile.getByText(zh ? '139.73亿元' : '¥13.97B', { exact: true })).toBeVisible();
      await expect(tile.getByText(zh ? '完成当期计划的 119.8%' : '119.8% of the period’s plan')).toBeVisible();
      // The figure, then its own source line.
      await expect(valueOf(tile, zh ? '重点建设项目' : 'Key construction projects')).toHaveText(
        zh ? /^198个 第56段/ : /^198 projects Para\. 56/,
      );
      await expect(
        page.getByRole('article', { name: zh ? '签约资金' : 'Investment signed', exact: true }),
      ).toContainText(zh ? '180亿元' : '¥18.0B');
      // The report gives no monthly points: no trend line is drawn from invented ones.
      await expect(page.locator('svg.sparkline')).toHaveCount(0);
    },
  },
  {
    path: '/sectors',
    heading: SECTORS,
    async shows(page, zh) {
      // The default period, H1 2023, has no sector figures: the page shows the nearest period that has, and says so.
      await expect(
        page.getByText(
          zh
            ? '2023年上半年报告未公布分产业数据，这里显示时间最近、有数据的2023年1–7月累计。'
            : 'The report gives no sector figures for H1 2023; shown here is the nearest period that has them, Jan–Jul 2023 (cumulative).',
        ),
      ).toBeVisible();
      await expect(page).toHaveURL(/\/sectors\?.*period=2023M07/);
      const sectors = glance(page, zh).getByRole('listitem');
      await expect(sectors).toHaveCount(8);
      await expect(sectors.filter({ hasText: zh ? '未公布' : 'not reported' })).toHaveCount(3);
    },
  },
  {
    path: '/sectors?period=2023M07',
    heading: SECTORS,
    async shows(page, zh) {
      const automotive = glance(page, zh)
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: zh ? '汽车' : 'Automotive', exact: true }) });
      // The firm counts are the report's "目前": under the period to date, not Jan–Jul.
      await expect(automotive).toContainText(zh ? '56.67亿元 · +10.8%' : '¥5.67B · +10.8%');
      await expect(automotive).not.toContainText(zh ? '53家' : '53 firms');
      const chart = page.getByRole('region', {
        name: zh ? '分产业规上工业产值' : 'Above-scale industrial output by sector',
        exact: true,
      });
      await expect(chart.getByText(zh ? '56.67亿元' : '¥5.67B', { exact: true })).toBeVisible();
      await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(5);
    },
  },
  {
    path: '/sectors/automotive?period=2023M07',
    heading: { 'zh-CN': '汽车', en: 'Automotive' },
    async shows(page, zh) {
      const figures = page.getByRole('region', { name: zh ? '主要数据' : 'Key figures' });
      await expect(valueOf(figures, zh ? '规上工业产值' : 'Above-scale industrial output')).toContainText(
        zh ? '56.67亿元' : '¥5.67B',
      );
      await expect(valueOf(figures, zh ? '同比增长' : 'Growth year on year')).toContainText('+10.8%');
      // "目前…53家" is a count as of the report: not under Jan–Jul, offered under its own period.
      await expect(figures).toContainText(zh ? '：53家' : ': 53 firms');
      // The report gives one figure of the year, no months: no monthly chart is drawn.
      await expect(
        page.getByRole('region', {
          name: zh ? '汽车产业规上工业产值月度累计' : 'Automotive: above-scale output, cumulative by month',
        }),
      ).toHaveCount(0);
    },
  },
  {
    path: '/projects',
    heading: { 'zh-CN': '重大项目', en: 'Major projects' },
    async shows(page, zh) {
      // The 23 projects the report names; the money is the report's total for all 198.
      const totals = page.getByRole('region', { name: zh ? '筛选结果合计' : 'Totals of the filtered projects' });
      await expect(valueOf(totals, zh ? '项目数' : 'Projects')).toHaveText('23');
      await expect(valueOf(totals, zh ? '报告所述重点项目' : 'Key projects (report)')).toHaveText('198');
      await expect(valueOf(totals, zh ? '当期完成投资' : 'Completed investment')).toHaveText(
        zh ? '139.73亿元' : '¥13.97B',
      );
      const rows = page.getByRole('table', { name: zh ? '项目列表' : 'Project list' }).getByRole('rowheader');
      await expect(rows).toHaveCount(23);
      await expect(rows.filter({ hasText: '渝西高铁北碚段' })).toHaveCount(1);
      await expect(
        page.getByText(zh ? '第 1 / 1 页，第 1–23 项，共 23 项' : 'Page 1 of 1, projects 1–23 of 23'),
      ).toBeVisible();
    },
  },
  {
    path: '/projects/baoshan-bridge-west-extension',
    heading: { 'zh-CN': '宝山大桥西延段', en: 'Baoshan Bridge western extension 宝山大桥西延段' },
    async shows(page, zh) {
      const details = page.getByRole('region', { name: zh ? '项目信息' : 'Project details' });
      // The stage is the report's, with its line; the report gives no money for it.
      await expect(valueOf(details, zh ? '阶段' : 'Stage')).toContainText(zh ? '前期' : 'Preliminary');
      await expect(valueOf(details, zh ? '投资额' : 'Investment')).toHaveText(
        zh ? '报告未公布单个项目的投资额' : 'The source gives no investment figures for single projects',
      );
      await expect(page.getByText(zh ? '第 11 / 23 个' : '11 of 23', { exact: true })).toBeVisible();
    },
  },
  {
    path: '/briefing?period=2023H1',
    heading: { 'zh-CN': '经济运行简报', en: 'Economic briefing' },
    async shows(page, zh) {
      const doc = page.getByRole('article', {
        name: zh ? '北碚区经济运行简报（2023年上半年）' : 'Beibei District economic briefing — H1 2023',
        exact: true,
      });
      // The sections are regions named by their headings. Nothing is behind in H1 2023: the 招商引资
      // task's 156 % (L52) is the verdict on 签约资金 and 到位资金, so the draft opens with 总体情况.
      const first = doc.getByRole('region').first();
      await expect(first).toHaveAccessibleName(zh ? '一、总体情况' : '1. Overview');
      await expect(first).toBeVisible();
      await expect(doc).not.toContainText(zh ? '慢于序时进度' : 'behind schedule');
      await expect(doc.getByText(zh ? '139.73亿元' : '¥13.97B', { exact: true }).first()).toBeVisible();
      await expect(doc.getByText(zh ? '180亿元' : '¥18.0B', { exact: true }).first()).toBeVisible();
    },
  },
];

/** The pages checked here in both themes; the sector pages' dark theme is checked in sectors.spec.ts. */
const BOTH_THEMES = new Set(['/', '/projects', '/projects/baoshan-bridge-west-extension', '/briefing?period=2023H1']);

for (const lang of ['zh-CN', 'en'] as const) {
  for (const route of ROUTES) {
    const themes = BOTH_THEMES.has(route.path) ? (['light', 'dark'] as const) : (['light'] as const);
    test(`${route.path} in ${lang}, ${themes.join(', then ')}: figures from the server, no console errors, no serious axe violations`, async ({
      page,
    }) => {
      // Charts then draw in their final state at once, so axe checks the settled page without a fixed wait.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(page, route.path, { lang, theme: themes[0] });
      for (const [i, theme] of themes.entries()) {
        // A second theme is switched to in place, with the header's control.
        if (i > 0) await switchTheme(page, theme, lang);
        await expect(page.getByRole('heading', { level: 1, name: route.heading[lang], exact: true })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await route.shows(page, lang === 'zh-CN');
        await expectOnlyWhatIsKnown(page);
        expect(await axeViolations(page), theme).toEqual([]);
      }
    });
  }
}
