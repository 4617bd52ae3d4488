/**
 * PNG export of a chart: the chart's SVG (with its computed styles inlined, so CSS
 * variables and theme rules survive outside the page) drawn on a canvas filled with the
 * theme's background, with the title above and the legend and source line below.
 */

import type { LegendEntry, LegendGroup } from './chartLegend';

/** What the image shows around the chart: title and subtitle above, legend and source line below. */
export interface ChartImageContent {
  title: string;
  subtitle?: string;
  source?: string;
  legend?: readonly LegendGroup[];
}

export interface ChartImageOptions extends ChartImageContent {
  background: string;
  textColor: string;
  mutedColor: string;
  fontFamily: string;
  /** Pixel density of the image (2 → crisp on high-DPI screens and in slides). */
  scale?: number;
}

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** The SVG as a standalone document with every visual style written onto its elements. */
export function serializeSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width || Number(svg.getAttribute('width')) || 1));
  const height = Math.max(1, Math.round(rect.height || Number(svg.getAttribute('height')) || 1));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(el);
    // Through the CSSOM, not a style attribute: the page's CSP (style-src 'self') blocks those.
    const style = (copy as SVGElement).style;
    for (const p of STYLE_PROPS) {
      const v = computed.getPropertyValue(p);
      if (v) style.setProperty(p, v);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('class');
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function loadImage(markup: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart SVG could not be rendered'));
    };
    img.src = url;
  });
}

const PAD = 24;
const TITLE = 20;
const SUB = 14;
const SMALL = 13;
const SWATCH = 12;

interface LegendPlacement {
  x: number;
  y: number;
  width: number;
  text: string;
  item?: LegendEntry;
}

/** Flows legend groups into lines no wider than `maxWidth`. */
function layoutLegend(
  ctx: CanvasRenderingContext2D,
  groups: readonly LegendGroup[],
  maxWidth: number,
  lineHeight: number,
): { placements: LegendPlacement[]; height: number } {
  const placements: LegendPlacement[] = [];
  let x = 0;
  let y = 0;
  const place = (width: number) => {
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += lineHeight;
    }
    const at = { x, y };
    x += width;
    return at;
  };
  for (const group of groups) {
    if (group.label) {
      const width = ctx.measureText(group.label).width + 10;
      placements.push({ ...place(width), width, text: group.label });
    }
    for (const item of group.items) {
      const width = SWATCH + 6 + ctx.measureText(item.label).width + 16;
      placements.push({ ...place(width), width, text: item.label, item });
    }
    x += 12;
  }
  return { placements, height: placements.length > 0 ? y + lineHeight : 0 };
}

function drawMarker(ctx: CanvasRenderingContext2D, item: LegendEntry, x: number, y: number) {
  ctx.save();
  ctx.fillStyle = item.color;
  ctx.strokeStyle = item.color;
  ctx.lineWidth = 2;
  const cy = y + SMALL / 2 + 1;
  switch (item.marker) {
    case 'hollow':
      ctx.beginPath();
      ctx.arc(x + SWATCH / 2, cy, SWATCH / 2 - 1, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(x + SWATCH / 2, cy, SWATCH / 2 - 1, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'dashed':
    case 'line':
      if (item.marker === 'dashed') ctx.setLineDash([3, 2]);
      ctx.beginPath();
      ctx.moveTo(x, cy);
      ctx.lineTo(x + SWATCH, cy);
      ctx.stroke();
      break;
    default:
      ctx.fillRect(x, cy - SWATCH / 2, SWATCH, SWATCH);
  }
  ctx.restore();
}

/** Renders the chart with its title, legend and source line into a PNG blob. */
export async function chartToPng(svg: SVGSVGElement, options: ChartImageOptions): Promise<Blob> {
  const scale = options.scale ?? 2;
  const { markup, width, height } = serializeSvg(svg);
  const image = await loadImage(markup);
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  if (!measure) throw new Error('no canvas');
  const font = (size: number, weight = 400) => `${weight} ${size}px ${options.fontFamily}`;
  const contentWidth = Math.max(width, 480);
  measure.font = font(SMALL);
  const legend = layoutLegend(measure, options.legend ?? [], contentWidth, SMALL + 10);

  let top = PAD + TITLE + 6;
  if (options.subtitle) top += SUB + 6;
  top += 10;
  const chartTop = top;
  const legendTop = chartTop + height + (legend.height > 0 ? 12 : 0);
  const sourceTop = legendTop + legend.height + 8;
  const totalHeight = sourceTop + (options.source ? SMALL + 6 : 0) + PAD;
  const totalWidth = contentWidth + PAD * 2;

  canvas.width = Math.round(totalWidth * scale);
  canvas.height = Math.round(totalHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = options.background;
  ctx.fillRect(0, 0, totalWidth, totalHeight);
  ctx.textBaseline = 'top';

  ctx.fillStyle = options.textColor;
  ctx.font = font(TITLE, 600);
  ctx.fillText(options.title, PAD, PAD, contentWidth);
  if (options.subtitle) {
    ctx.fillStyle = options.mutedColor;
    ctx.font = font(SUB);
    ctx.fillText(options.subtitle, PAD, PAD + TITLE + 6, contentWidth);
  }
  ctx.drawImage(image, PAD, chartTop, width, height);

  ctx.font = font(SMALL);
  for (const p of legend.placements) {
    const x = PAD + p.x;
    const y = legendTop + p.y;
    if (p.item) {
      drawMarker(ctx, p.item, x, y);
      ctx.fillStyle = options.textColor;
      ctx.fillText(p.text, x + SWATCH + 6, y);
    } else {
      ctx.fillStyle = options.mutedColor;
      ctx.fillText(p.text, x, y);
    }
  }
  if (options.source) {
    ctx.fillStyle = options.mutedColor;
    ctx.fillText(options.source, PAD, sourceTop, contentWidth);
  }

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas produced no image'))), 'image/png');
  });
}

/** The largest SVG in the plot: the chart surface, not an icon. */
function chartSvg(root: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of Array.from(root.querySelectorAll('svg'))) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > bestArea) {
      best = svg;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

/**
 * The chart drawn in `plot`, once it is drawn. A chart is drawn when it comes near the window and
 * its turn comes (its slot holds a `data-plot` placeholder until then), so the click that scrolls a
 * chart's PNG button into view can come before the drawing: wait for it, up to `ms`.
 */
export function drawnChart(plot: HTMLElement, ms: number): Promise<SVGSVGElement | null> {
  const drawn = () => (plot.querySelector('[data-plot]') ? null : chartSvg(plot));
  const now = drawn();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (svg: SVGSVGElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(svg);
    };
    const observer = new MutationObserver(() => {
      const svg = drawn();
      if (svg) done(svg);
    });
    const timer = setTimeout(() => done(null), ms);
    observer.observe(plot, { childList: true, subtree: true });
  });
}

/**
 * The chart drawn in `plot` (its largest SVG) as a PNG, in the colours and font of `frame` (light
 * or dark theme), with `content` (title, legend, source) around it; null when no chart is drawn
 * within `waitMs`.
 */
export async function plotToPng(
  plot: HTMLElement,
  frame: HTMLElement,
  content: ChartImageContent,
  waitMs = 10_000,
): Promise<Blob | null> {
  const svg = await drawnChart(plot, waitMs);
  if (!svg) return null;
  const style = getComputedStyle(frame);
  return chartToPng(svg, {
    ...content,
    background: style.backgroundColor,
    textColor: style.color,
    mutedColor: style.getPropertyValue('--text-muted').trim() || style.color,
    fontFamily: style.fontFamily,
  });
}
