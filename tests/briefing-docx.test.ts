/**
 * The Word file of the briefing, as a reader of it would see it: unzipped and read back, it has
 * the title, the date line, every heading and paragraph (with every figure as the page prints it)
 * in the briefing's order, the 数据来源 line, the fonts an office's Word has, and the title in its
 * properties.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { kpiList, metaOf, sectorList } from '../server/answers/figures';
import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import { demoDataset } from '../data/demo';
import { briefingText, composeBriefing } from '../src/features/briefing/compose';
import type { Briefing } from '../src/features/briefing/compose';
import { briefingDocx } from '../src/features/briefing/docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function briefingFor(locale: 'zh-CN' | 'en', period: string, dataset: Dataset = reportDataset): Briefing {
  return composeBriefing({
    meta: metaOf(dataset, { id: 1, publishedAt: '2023-08-26T00:00:00.000Z' }),
    period,
    kpis: kpiList(dataset, period, null),
    sectors: sectorList(dataset, period),
    namedProjects: dataset.projects.filter((p) => p.provenance.kind === 'reported'),
    locale,
    asOfText: locale === 'zh-CN' ? '2023年8月26日' : 'Aug 26, 2023',
  });
}

async function unzipDocx(briefing: Briefing) {
  const blob = await briefingDocx(briefing);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return strFromU8(file);
  };
  return { blob, bytes, text };
}

/** The text of each paragraph of the document's body, as Word shows it (XML entities decoded). */
function paragraphsOf(documentXml: string): string[] {
  const xml = new DOMParser().parseFromString(documentXml, 'application/xml');
  expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
  const body = xml.getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new Error('document.xml has no body');
  return Array.from(body.getElementsByTagNameNS(W, 'p'), (p) =>
    Array.from(p.getElementsByTagNameNS(W, 't'), (t) => t.textContent).join(''),
  ).filter((text) => text !== '');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const containsEscaped = (xml: string, s: string) =>
  xml.includes(escapeXml(s)) || xml.includes(escapeXml(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;'));

const cases = [
  ['zh-CN', '2023H1'],
  ['zh-CN', '2023M07'],
  ['en', '2023H1'],
  ['en', '2023M07'],
] as const;

describe.each(cases)('the Word file of the briefing (%s, %s)', (locale, period) => {
  const briefing = briefingFor(locale, period);

  it('is a zip (.docx) with the document, its styles and its properties', async () => {
    const { blob, bytes, text } = await unzipDocx(briefing);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
    expect(text('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(text('word/document.xml')).toContain('<w:body>');
  });

  it('has the title, the date line, every heading and paragraph in order, and the source line', async () => {
    expect(briefing.sections.length).toBeGreaterThan(0);
    const { text } = await unzipDocx(briefing);
    const documentXml = text('word/document.xml');
    const expected = [
      briefing.title,
      briefing.asOf,
      ...briefing.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.map((seg) => seg.text).join(''))]),
      briefing.source,
    ];
    expect(paragraphsOf(documentXml)).toEqual(expected);
    // The same text in the XML itself, escaped as XML escapes it.
    for (const line of expected) expect(containsEscaped(documentXml, line), line).toBe(true);
  });

  it('writes every figure exactly as the page prints it', async () => {
    const { text } = await unzipDocx(briefing);
    const documentXml = text('word/document.xml');
    const written = paragraphsOf(documentXml);
    const figures = briefing.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.flatMap((seg) => (seg.kind === 'figure' ? [{ figure: seg, paragraph: p }] : []))),
    );
    expect(figures.length).toBeGreaterThan(5);
    let from = 0;
    for (const { figure, paragraph } of figures) {
      expect(containsEscaped(documentXml, figure.text), figure.text).toBe(true);
      // In its own paragraph, which comes in the briefing's order.
      const at = written.indexOf(paragraph.map((seg) => seg.text).join(''), from);
      expect(at, figure.text).toBeGreaterThanOrEqual(from);
      expect(written[at]).toContain(figure.text);
      from = at;
    }
  });

  it('sets the East Asian and Latin fonts, A4 portrait with 2.5 cm margins, and the indent of the language', async () => {
    const { text } = await unzipDocx(briefing);
    const styles = text('word/styles.xml');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:hAnsi="Times New Roman"');
    // Chinese paragraphs start two characters in; English ones at the margin.
    if (briefing.locale === 'zh-CN') expect(styles).toContain('w:firstLineChars="200"');
    else expect(styles).not.toContain('w:firstLineChars="200"');
    const documentXml = text('word/document.xml');
    expect(documentXml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(documentXml).not.toMatch(/w:orient="landscape"/);
    // 2.5 cm = 1417 twips.
    expect(documentXml).toMatch(/<w:pgMar[^>]*w:top="1417"[^>]*w:right="1417"[^>]*w:bottom="1417"[^>]*w:left="1417"/);
  });

  it('has the title and the creator in its properties', async () => {
    const { text } = await unzipDocx(briefing);
    const core = new DOMParser().parseFromString(text('docProps/core.xml'), 'application/xml');
    const dc = 'http://purl.org/dc/elements/1.1/';
    expect(core.getElementsByTagNameNS(dc, 'title')[0]?.textContent).toBe(briefing.title);
    expect(core.getElementsByTagNameNS(dc, 'creator')[0]?.textContent).toBe('北碚区经济运行监测');
    expect(core.getElementsByTagNameNS(dc, 'description')[0]?.textContent).toContain(briefing.source);
  });
});

describe('the Word file of the 2023H1 briefing, as the audit read it (#28)', () => {
  it('has no behind-schedule box for 招商引资, writes −5.4% as reckoned, and does not put the hospital under 在建', async () => {
    const { text } = await unzipDocx(briefingFor('zh-CN', '2023H1'));
    const written = paragraphsOf(text('word/document.xml'));
    const all = written.join('\n');
    expect(all).not.toContain('慢于序时进度');
    expect(written).not.toContain('进度滞后的指标');
    expect(all).toContain('完成当期目标任务的156%，超额完成当期目标');
    expect(all).toContain('据规上民营工业增速推算，全区规上工业总产值同比下降约5.4%');
    expect(all).not.toContain('广州中医药大学第一附属医院重庆医院');
  });

  it('says “an estimated” in English', async () => {
    const { text } = await unzipDocx(briefingFor('en', '2023H1'));
    expect(paragraphsOf(text('word/document.xml')).join('\n')).toContain('down an estimated 5.4% year on year');
  });
});

describe('the Word file of a sample briefing', () => {
  it.each([
    ['zh-CN', '演示数据 · 非正式统计'],
    ['en', 'Sample data, not official statistics'],
  ] as const)(
    'says it is sample data before its title (%s), and the text copy says so first',
    async (locale, label) => {
      const briefing = briefingFor(locale, '2023H1', demoDataset);
      const { text } = await unzipDocx(briefing);
      const paragraphs = paragraphsOf(text('word/document.xml'));
      expect(paragraphs.slice(0, 2)).toEqual([label, briefing.title]);
      expect(briefingText(briefing).split('\n')[0]).toBe(label);
    },
  );

  it('of the report’s own data carries no such label', async () => {
    const briefing = briefingFor('zh-CN', '2023H1');
    const { text } = await unzipDocx(briefing);
    expect(paragraphsOf(text('word/document.xml'))[0]).toBe(briefing.title);
    expect(briefing.sample).toBeNull();
  });
});
