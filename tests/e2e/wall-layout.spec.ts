/**
 * The wall screen's slides at the sizes walls have, on the report's data and on the sample: every
 * slide fills the area under its title band with content (no empty third, no half-empty panel),
 * names the period it shows, keeps each large figure on one line, and nothing leaves the window;
 * the project list shows every named project within one turn of the slideshow.
 */
import type { Page } from '@playwright/test';
import { expect, open, runClockUntilChanged, test } from './fixtures';

type Lang = 'zh-CN' | 'en';

const DATASETS = [
  { name: 'the report', mock: 'none' },
  { name: 'the sample', mock: 'demo' },
] as const;

/** Every slide kind once, then one slide per sector. */
const ALL_SLIDES = 'kpis,sectors,attraction,pipeline,projects,sectors:each';
const SLIDE_COUNT = 5 + 8;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface SlideReport {
  /** Share of the slide's content box (inside its padding) that the content's union spans. */
  width: number;
  height: number;
  /** Panels and tiles with an empty band of half their height or more. */
  emptyPanels: string[];
  /** Large figures drawn on more than one line. */
  wrapped: string[];
  /** Text outside the window, or the slide's own text outside the slide. */
  outside: string[];
  scroll: { width: number; clientWidth: number; height: number; clientHeight: number };
}

/**
 * Measures the slide on screen. Content is what the eye reads or sees drawn: elements with text
 * of their own, and the drawn marks (bars, tracks, plots: SVG and the aria-hidden graphics).
 * Panels are the slide's sections and its tiles (list items headed by a heading).
 */
function measure(page: Page): Promise<SlideReport> {
  return page.evaluate(() => {
    const slide = document.querySelector('[aria-roledescription]');
    if (!slide) throw new Error('no slide');
    const shown = (el: Element) =>
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden' &&
      !el.closest('.visually-hidden, [hidden]');
    const hasText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    const isContent = (el: Element) => {
      if (!shown(el)) return false;
      if (hasText(el)) return true;
      const r = el.getBoundingClientRect();
      return (el.matches('svg') || el.getAttribute('aria-hidden') === 'true') && r.width > 0 && r.height > 0;
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 40)}”`;
    const inner = (el: Element): { left: number; top: number; right: number; bottom: number } => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        left: r.left + parseFloat(s.paddingLeft),
        right: r.right - parseFloat(s.paddingRight),
        top: r.top + parseFloat(s.paddingTop),
        bottom: r.bottom - parseFloat(s.paddingBottom),
      };
    };
    const content = [...slide.querySelectorAll('*')].filter(isContent);
    const area = inner(slide);
    const union = content.reduce<{ left: number; top: number; right: number; bottom: number } | null>((u, el) => {
      const r = el.getBoundingClientRect();
      return u === null
        ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
        : {
            left: Math.min(u.left, r.left),
            top: Math.min(u.top, r.top),
            right: Math.max(u.right, r.right),
            bottom: Math.max(u.bottom, r.bottom),
          };
    }, null);

    // The largest vertical band of a panel that no content crosses, as a share of its height.
    const emptyPanels: string[] = [];
    const panels = [...slide.querySelectorAll('section, li:has(> h2)')].filter(shown);
    for (const panel of panels) {
      const box = inner(panel);
      const spans = content
        .filter((el) => panel.contains(el) && el !== panel)
        .map((el) => el.getBoundingClientRect())
        .map((r) => [Math.max(r.top, box.top), Math.min(r.bottom, box.bottom)] as const)
        .filter(([a, b]) => b > a)
        .sort((x, y) => x[0] - y[0]);
      let reached = box.top;
      let widest = 0;
      for (const [top, bottom] of spans) {
        widest = Math.max(widest, top - reached);
        reached = Math.max(reached, bottom);
      }
      widest = Math.max(widest, box.bottom - reached);
      const height = box.bottom - box.top;
      if (height > 0 && widest / height >= 0.5) {
        emptyPanels.push(`${describe(panel)}: ${Math.round((widest / height) * 100)}% of its height empty`);
      }
    }

    // A figure's number and unit: each text on one line box, and all of them on the same line.
    const wrapped: string[] = [];
    for (const figure of slide.querySelectorAll('.wall-figure')) {
      if (!shown(figure)) continue;
      const rects: DOMRect[] = [];
      let broken = false;
      const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = [...range.getClientRects()].filter((r) => r.width > 0);
        if (lines.length !== 1) broken = true;
        rects.push(...lines);
      }
      const top = Math.max(...rects.map((r) => r.top));
      const bottom = Math.min(...rects.map((r) => r.bottom));
      if (broken || top >= bottom) wrapped.push(`“${figure.textContent.trim()}” on more than one line`);
    }

    const outside: string[] = [];
    const slideBox = slide.getBoundingClientRect();
    const tol = 0.5;
    const within = (r: DOMRect, b: Box) =>
      r.left >= b.left - tol && r.right <= b.right + tol && r.top >= b.top - tol && r.bottom <= b.bottom + tol;
    const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    for (const el of document.querySelectorAll('body *')) {
      if (!hasText(el) || !shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (!within(r, view)) outside.push(`${describe(el)} outside the window`);
      else if (slide.contains(el) && !within(r, slideBox)) outside.push(`${describe(el)} outside the slide`);
    }

    const doc = document.documentElement;
    const width = area.right - area.left;
    const height = area.bottom - area.top;
    return {
      width: union ? (Math.min(union.right, area.right) - Math.max(union.left, area.left)) / width : 0,
      height: union ? (Math.min(union.bottom, area.bottom) - Math.max(union.top, area.top)) / height : 0,
      emptyPanels,
      wrapped,
      outside,
      scroll: {
        width: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        height: doc.scrollHeight,
        clientHeight: doc.clientHeight,
      },
    };
  });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** The line under the slide's heading that names its period. */
const periodLine = (page: Page) => page.locator('h1 + p');

const LAYOUTS: { size: { width: number; height: number }; lang: Lang }[] = [
  { size: { width: 1280, height: 720 }, lang: 'zh-CN' },
  { size: { width: 1920, height: 1080 }, lang: 'zh-CN' },
  { size: { width: 3840, height: 2160 }, lang: 'zh-CN' },
  { size: { width: 1280, height: 720 }, lang: 'en' },
];

for (const data of DATASETS) {
  for (const { size, lang } of LAYOUTS) {
    test(`${data.name}, ${size.width}×${size.height}, ${lang}: every slide fills the screen, names its period, keeps its figures on one line`, async ({
      page,
    }) => {
      // Thirteen slides measured in full; a 4K page is slow to lay out on a busy machine.
      test.slow();
      // Boxes are measured where they rest, not mid slide-in.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize(size);
      await open(page, `/present?slides=${ALL_SLIDES}&interval=3600&mock=${data.mock}`, { lang, theme: 'dark' });
      for (let i = 0; i < SLIDE_COUNT; i++) {
        await expect(page.getByText(`${i + 1} / ${SLIDE_COUNT}`, { exact: true })).toBeVisible();
        await expect(page.getByText(/正在加载数据|Loading data/)).toHaveCount(0);
        const title = (await heading(page).textContent()) ?? '';
        // The period, once the slide's figures have come: a year is in every period's name.
        await expect(periodLine(page), `${title}: its period`).toHaveText(/\d{4}/);
        // Measured once the slide has settled: a chart draws after the slide's text, so the checks
        // are retried until they hold (or the wait runs out, which fails with the last measurement).
        await expect(async () => {
          const report = await measure(page);
          expect(report.width, `${title}: content across the width`).toBeGreaterThanOrEqual(0.8);
          expect(report.height, `${title}: content down the height`).toBeGreaterThanOrEqual(0.7);
          expect(report.emptyPanels, `${title}: half-empty panels`).toEqual([]);
          expect(report.wrapped, `${title}: figures broken over lines`).toEqual([]);
          expect(report.outside, `${title}: text outside its area`).toEqual([]);
          expect(report.scroll.width, `${title}: horizontal scrollbar`).toBeLessThanOrEqual(report.scroll.clientWidth);
          expect(report.scroll.height, `${title}: vertical scrollbar`).toBeLessThanOrEqual(report.scroll.clientHeight);
        }).toPass({ timeout: 30_000 });
        await page.keyboard.press('ArrowRight');
      }
    });
  }
}

interface Named {
  name: string;
  nameEn?: string | null;
  provenance: { kind: string };
}

for (const data of DATASETS) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`${data.name}, ${lang}: one turn of the slideshow shows every named project, a page at a time`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      // The default interval (30 s), timed by the page's own timers on a clock the test runs on
      // from one turn of a page to the next (see below), instead of waiting the half minute out.
      await page.clock.install();
      await open(page, `/present?slides=projects,kpis&mock=${data.mock}`, { lang, theme: 'dark' });
      const listTitle = lang === 'en' ? 'Key projects' : '重点项目一览';
      const nextTitle = lang === 'en' ? 'Headline figures' : '主要经济指标';
      await expect(heading(page)).toHaveText(listTitle);
      // However long the page took to load, watch the list from its first page: round once by hand.
      await page.keyboard.press('ArrowRight');
      await expect(heading(page)).toHaveText(nextTitle);
      await page.keyboard.press('ArrowRight');
      await expect(heading(page)).toHaveText(listTitle);

      const expected = await page.evaluate(async () => {
        const answer = (await (await fetch('/api/v1/projects?pageSize=500&sort=stage')).json()) as { items: Named[] };
        return answer.items.filter((p) => p.provenance.kind === 'reported');
      });
      expect(expected.length).toBeGreaterThan(0);

      // The slide ("第 1 张，共 2 张：重点项目一览"), not its panel.
      const slide = page.getByRole('region', { name: new RegExp(`${listTitle}$`) });
      const counter = slide.getByText(lang === 'en' ? /^Page \d+ of \d+$/ : /^第 \d+\/\d+ 页$/);
      // The rows a reader sees: shown whole, not clipped by any box they sit in.
      const shownRows = () =>
        slide.evaluate((slideBox) =>
          [...slideBox.querySelectorAll('li')]
            .filter((li) => {
              const box = li.getBoundingClientRect();
              if (box.height === 0) return false;
              for (let el = li.parentElement; el && el !== slideBox.parentElement; el = el.parentElement) {
                if (getComputedStyle(el).overflow === 'visible') continue;
                const clip = el.getBoundingClientRect();
                if (box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5) return false;
              }
              return true;
            })
            .map((li) => li.innerText),
        );
      const seen = new Set<string>();
      const pages = new Set<string>();
      // Each page's rows, page after page, until the slideshow moves on (the 23 named projects: four
      // pages of 7.5 s); the clock runs on 2.5 s at a time, a third of a page.
      const now = async () => [await heading(page).textContent(), (await counter.allTextContents())[0] ?? null];
      for (let [title, shown] = await now(); title === listTitle;) {
        for (const text of await shownRows()) seen.add(text);
        if (shown) pages.add(shown);
        [title, shown] = await runClockUntilChanged(page, now, 2500);
      }
      await expect(heading(page)).toHaveText(nextTitle);

      const rows = [...seen];
      for (const p of expected) {
        const shown = lang === 'en' && p.nameEn ? p.nameEn : p.name;
        const row = rows.find((r) => r.split('\n')[0]?.trim() === shown);
        expect(row, `${shown} shown within the slide's interval`).toBeDefined();
        // In English, the Chinese name beside the English one.
        if (lang === 'en' && p.nameEn) expect(row).toContain(p.name);
      }
      const total = Number([...pages][0]?.match(/(\d+)\D*$/)?.[1]);
      expect(total).toBeGreaterThan(1);
      expect(pages.size, `pages seen: ${[...pages].join(', ')}`).toBe(total);
    });
  }
}
