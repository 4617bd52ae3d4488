/**
 * Layout on every route, in both languages, at a laptop's, a desktop's and a phone's size: the
 * page is never wider than the window, no two pieces of text in a chart's legend or footer
 * (notes, "not reported" list, source line) overlap, and no overview tile is left half empty.
 */
import type { Page } from '@playwright/test';
import { chartsFitted, drawCharts, expect, open, test } from './fixtures';

/**
 * A phone first: each page as it loads on one (its first layout at that size); then the same page
 * with the window made larger, as every other test loads its pages at 1366×768.
 */
const SIZES = [
  { width: 412, height: 915 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

type Lang = 'zh-CN' | 'en';

interface Route {
  path: string;
  /** What the reader sees once the page has its data. */
  ready: (page: Page, lang: Lang) => Promise<void>;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
/** Every chart that has figures has been drawn, with its legend. */
const chartsDrawn = async (page: Page) => {
  await drawCharts(page);
  const legends = page.locator('.chart-frame .chart-legend');
  await expect(legends.first()).toBeVisible();
  await expect(page.locator('.chart-frame__loading')).toHaveCount(0);
};

const ROUTES: Route[] = [
  {
    path: '/',
    ready: async (page, lang) => {
      await expect(page.getByRole('article', { name: lang === 'en' ? 'Investment signed' : '签约资金' })).toContainText(
        lang === 'en' ? '¥18.0B' : '180亿元',
      );
    },
  },
  {
    // No period in the address: the page opens on the nearest period with sector figures.
    path: '/sectors',
    ready: async (page, lang) => {
      await expect(heading(page, lang === 'en' ? 'Sectors' : '产业结构')).toBeVisible();
      await chartsDrawn(page);
    },
  },
  {
    path: '/sectors?period=2022',
    ready: async (page) => chartsDrawn(page),
  },
  {
    // A sector's page draws a trend only from three known months (none in the report): figures and lines.
    path: '/sectors/automotive',
    ready: async (page, lang) => {
      await expect(heading(page, lang === 'en' ? 'Automotive' : '汽车')).toBeVisible();
      await expect(page.getByText(lang === 'en' ? '¥5.67B' : '56.67亿元', { exact: true })).toBeVisible();
    },
  },
  {
    path: '/sectors/electronics',
    ready: async (page, lang) => {
      await expect(page.getByText(lang === 'en' ? '¥55.03B' : '550.29亿元', { exact: true })).toBeVisible();
    },
  },
  {
    // A sector the report gives no figures for, in any period.
    path: '/sectors/motorcycle',
    ready: async (page, lang) => {
      await expect(
        page.getByText(lang === 'en' ? /no figures for Motorcycles/ : /未公布摩托车产业的任何数据/),
      ).toBeVisible();
    },
  },
  {
    path: '/projects',
    ready: async (page, lang) => {
      await expect(page.getByRole('link', { name: '渝武高速公路复线' })).toBeVisible();
      await expect(
        page.getByRole('region', { name: lang === 'en' ? 'Project pipeline' : '项目推进阶段' }),
      ).toBeVisible();
    },
  },
  {
    path: '/projects/yuwu-expressway-second-line',
    ready: async (page, lang) => {
      await expect(heading(page, '渝武高速公路复线')).toBeVisible();
      await expect(page.getByRole('region', { name: lang === 'en' ? 'Milestones' : '里程碑' })).toContainText(
        lang === 'en' ? 'Para. 48' : '第48段',
      );
    },
  },
  {
    path: '/briefing',
    ready: async (page, lang) => {
      const article = page.getByRole('article', {
        name: lang === 'en' ? 'Beibei District economic briefing — H1 2023' : '北碚区经济运行简报（2023年上半年）',
        exact: true,
      });
      await expect(article).toContainText(lang === 'en' ? '¥18.0B' : '180亿元');
    },
  },
  {
    path: '/present',
    ready: async (page) => {
      await expect(page.locator('.wall-tile__value').first()).toBeVisible();
    },
  },
  {
    path: '/no-such-page',
    ready: async (page, lang) => {
      await expect(heading(page, lang === 'en' ? 'Page not found' : '页面不存在')).toBeVisible();
    },
  },
];

/**
 * Pieces of text of each chart's legend and footer whose boxes overlap: every line box of every
 * text node (so a link wrapping over two lines is two boxes), pairs from different text nodes;
 * and the shown labels of each axis of each chart.
 */
const overlappingText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const frame of document.querySelectorAll('.chart-frame')) {
      const boxes: { text: string; node: Node; r: DOMRect }[] = [];
      for (const root of frame.querySelectorAll('.chart-legend, .chart-frame__note, .chart-frame__source')) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          if (!text || node.parentElement?.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) {
            if (r.width > 1 && r.height > 1) boxes.push({ text, node, r });
          }
        }
      }
      const overlaps = (list: { text: string; node: Node; r: DOMRect }[]) =>
        list.forEach((a, i) => {
          for (const b of list.slice(i + 1)) {
            if (a.node === b.node) continue;
            const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
            const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
            // Touching edges are not an overlap; half a pixel of rounding either way is allowed.
            if (w > 0.5 && h > 0.5)
              out.push(`${frame.querySelector('h2')?.textContent ?? '?'}: “${a.text}” × “${b.text}”`);
          }
        });
      overlaps(boxes);
      for (const axis of frame.querySelectorAll('.recharts-cartesian-axis-tick-labels')) {
        const labels = [...axis.querySelectorAll('.recharts-cartesian-axis-tick-value')]
          .filter((label) => getComputedStyle(label).visibility !== 'hidden')
          .map((label) => ({ text: label.textContent, node: label, r: label.getBoundingClientRect() }))
          .filter((label) => label.r.width > 1 && label.r.height > 1);
        overlaps(labels);
      }
    }
    return out;
  });

/** Overview tiles with more than `slack` px of empty space under their last line. */
const halfEmptyTiles = (page: Page, slack = 28) =>
  page.evaluate((slack) => {
    const out: string[] = [];
    for (const tile of document.querySelectorAll<HTMLElement>('.kpi-tile:not(.kpi-tile--skeleton)')) {
      const box = tile.getBoundingClientRect();
      const bottoms = [...tile.children].map((c) => c.getBoundingClientRect().bottom);
      const empty = box.bottom - Math.max(...bottoms);
      if (empty > slack) out.push(`${tile.querySelector('h3')?.textContent ?? '?'}: ${Math.round(empty)} px empty`);
    }
    return out;
  }, slack);

// Both languages in one test: the page is opened again, in the other language, at a phone's size.
for (const route of ROUTES) {
  test(`${route.path} in zh-CN and en at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}: no wider than the window, chart legends, axes and footers do not overprint`, async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const lang of ['zh-CN', 'en'] as const) {
      await test.step(lang, async () => {
        await page.setViewportSize(SIZES[0]);
        await open(page, route.path, { lang });
        await route.ready(page, lang);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await chartsFitted(page);
          const at = `${lang} ${size.width}×${size.height}`;
          // What is left over once the page has reflowed to the new size (fitted text follows a resize a frame later).
          await expect
            .poll(
              () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
              `page wider than the window at ${at} by`,
            )
            .toBeLessThanOrEqual(0);
          expect(await overlappingText(page), `overlapping legend, axis or footer text at ${at}`).toEqual([]);
          if (route.path === '/') expect(await halfEmptyTiles(page), `half-empty tiles at ${at}`).toEqual([]);
        }
      });
    }
  });
}
