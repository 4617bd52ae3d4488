import { drawCharts, expect, open, test } from './fixtures';

/**
 * Figures never break: on every route, on a phone and on a desktop screen, in both languages, no
 * number is parted from its unit by a line break (180亿 / 元, 8.71 / 万户, 87,100 / entities), and
 * on a phone nothing makes the page scroll sideways.
 */
const ROUTES = [
  '/',
  '/sectors?period=2023M07',
  '/sectors/automotive?period=2023M07',
  '/projects',
  '/projects/yuwu-expressway-second-line',
  '/briefing',
  '/present',
  // The sample in a month: most tiles with a target and a pace verdict (慢于序时进度 5.1 个百分点).
  '/?period=2023M05&mock=demo',
] as const;

const SIZES = [
  { width: 412, height: 915 },
  { width: 1366, height: 768 },
] as const;

/**
 * Every figure in the page's text (a number with what belongs to it: a qualifier, ¥, 万/亿 or
 * K/M/B, %, 余 or +, a unit word) that the browser has laid out on more than one line. Text is read
 * per block (the nearest element that is not `display: inline`), so a figure whose number and unit
 * are in different inline elements is found too; its line boxes come from Range.getClientRects.
 * Written here apart from the app's own figure finder, so that a figure the app does not know as
 * one is still checked.
 */
function brokenFigures(): string[] {
  const FIGURE =
    /(?:≥\s|nearly\s|近)?[+\-−]?¥?\d[\d,]*(?:\.\d+)?(?:万亿|亿|万|[KMBT]\b)?(?:%|余|\+)*(?:\s?(?:亿元|万元|元|户|家|个百分点|个|件|天|米|pp\b|points?\b|firms?\b|entit(?:y|ies)\b|projects?\b|cases?\b|days?\b|m\b))?(?:\+|以上)?/g;
  const SEPARATOR = '\u0000';
  const blockOf = (node: Node) => {
    let el = node.parentElement;
    while (el && getComputedStyle(el).display === 'inline') el = el.parentElement;
    return el;
  };
  const groups = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!text.data.trim() || text.parentElement?.closest('svg, script, style, noscript, option')) continue;
    const block = blockOf(text);
    if (!block) continue;
    groups.set(block, [...(groups.get(block) ?? []), text]);
  }
  const broken: string[] = [];
  for (const [block, nodes] of groups) {
    // The block's text, with a separator where other text (another block's) stands between two nodes.
    let text = '';
    const starts: number[] = [];
    nodes.forEach((node, i) => {
      const previous = nodes[i - 1];
      if (previous) {
        const between = document.createRange();
        between.setStart(previous, previous.length);
        between.setEnd(node, 0);
        if (between.toString() !== '') text += SEPARATOR;
      }
      starts.push(text.length);
      text += node.data;
    });
    const at = (offset: number, end: boolean): [Text, number] => {
      let i = 0;
      while (i + 1 < nodes.length && (starts[i + 1] ?? Infinity) + (end ? 1 : 0) <= offset) i++;
      return [nodes[i] as Text, offset - (starts[i] ?? 0)];
    };
    for (const match of text.matchAll(FIGURE)) {
      const figure = match[0];
      // A bare number (2023, 第62段) has nothing to be parted from.
      if (!/[^\d,.+\-−\s]/.test(figure)) continue;
      const range = document.createRange();
      range.setStart(...at(match.index, false));
      range.setEnd(...at(match.index + figure.length, true));
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (boxes.length < 2) continue;
      // On one line, every box shares some height with every other.
      const top = Math.max(...boxes.map((r) => r.top));
      const bottom = Math.min(...boxes.map((r) => r.bottom));
      if (top >= bottom - 1) {
        broken.push(`"${figure}" in <${block.tagName.toLowerCase()} class="${block.className}">`);
      }
    }
  }
  return broken;
}

/**
 * Elements that scroll sideways inside the page (a line of text wider than its box, as the
 * behind-schedule note was on a phone), but for a table's own scroll box: a wide table may
 * scroll within its frame.
 */
function sidewaysText(): string[] {
  return [...document.querySelectorAll('body *')].flatMap((el) => {
    if (!/auto|scroll/.test(getComputedStyle(el).overflowX) || el.querySelector('table')) return [];
    return el.scrollWidth > el.clientWidth + 1
      ? [`<${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth} px in ${el.clientWidth} px`]
      : [];
  });
}

// Both languages in one test: the page is opened again, in the other language, at a phone's size.
for (const path of ROUTES) {
  test(`${path} (zh-CN and en) at ${SIZES.map((s) => `${s.width}×${s.height}`).join(' and ')}: every figure on one line, nothing sideways on a phone`, async ({
    page,
  }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      await test.step(lang, async () => {
        await page.setViewportSize(SIZES[0]);
        await open(page, path, { lang });
        for (const size of SIZES) {
          const at = `${lang} ${size.width}×${size.height}`;
          await page.setViewportSize(size);
          // The page as the reader ends up seeing it: every chart drawn (they draw as they are scrolled to).
          await drawCharts(page);
          expect(await page.evaluate(brokenFigures), `figures broken across lines at ${at}`).toEqual([]);
          if (size.width < 600) {
            const widths = await page.evaluate(() => ({
              page: document.scrollingElement?.scrollWidth ?? Infinity,
              window: window.innerWidth,
            }));
            expect(widths.page, `page width at ${at} (window ${widths.window} px)`).toBeLessThanOrEqual(widths.window);
            expect(await page.evaluate(sidewaysText), `text scrolling sideways at ${at}`).toEqual([]);
          }
        }
      });
    }
  });
}
