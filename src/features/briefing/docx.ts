/**
 * The briefing as a Word document (.docx), laid out as an office briefing: A4 portrait, 2.5 cm
 * margins, the title centred in 黑体, the date line under it, each section's heading in 黑体 and
 * its paragraphs in 仿宋 with a first-line indent of two characters, and the 数据来源 line last.
 * Latin text and digits are in Times New Roman. Figures are written as the page prints them
 * (`segment.text`), as plain text the reader can edit.
 *
 * Loaded only when the user asks for the file (`await import('./docx')` in BriefingPage), so the
 * docx library is a chunk of its own, never part of a page's first load.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import type { IFontAttributesProperties, IParagraphOptions } from 'docx';
import type { Briefing } from './compose';
import type { Paragraph as BriefingParagraph } from './writer';

/** Fonts an office's Word has: East Asian text in 黑体 / 仿宋, Latin text and digits in Times New Roman. */
const LATIN = 'Times New Roman';
const fontOf = (eastAsia: string): IFontAttributesProperties => ({
  ascii: LATIN,
  hAnsi: LATIN,
  cs: LATIN,
  eastAsia,
});
const HEI = fontOf('黑体');
const FANGSONG = fontOf('仿宋');

/** Sizes in half-points: 二号 22 pt for the title, 三号 16 pt for headings and text. */
const TITLE_SIZE = 44;
const TEXT_SIZE = 32;
/** Lines at a fixed 28 pt (in twips), as office documents set 三号 text. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** Two characters of 16 pt text, in twips, for readers that ignore `firstLineChars`. */
const TWO_CHARS = 2 * 16 * 20;

/** A4 portrait and 2.5 cm margins, in twips (Word 2007 reads no other unit here). */
const A4 = { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT };
const MARGIN = convertMillimetersToTwip(25);

const CREATOR = '北碚区经济运行监测';

const paragraphText = (paragraph: BriefingParagraph) => paragraph.map((segment) => segment.text).join('');

/** A paragraph of the briefing in the body style: the figures are plain text within the sentence. */
const bodyParagraph = (text: string, options: IParagraphOptions = {}) =>
  new Paragraph({ ...options, children: [new TextRun(text)] });

export async function briefingDocx(briefing: Briefing): Promise<Blob> {
  // Chinese paragraphs start two characters in; English ones start at the margin.
  const indent =
    briefing.locale === 'zh-CN' ? { firstLine: TWO_CHARS, firstLineChars: 200 } : { firstLine: 0, firstLineChars: 0 };
  const children: Paragraph[] = [
    // Sample data says so before anything else: a copy of the file cannot pass for the office's own.
    ...(briefing.sample
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...LINE, after: 120 },
            // In 黑体 like the headings: what stands out in an office's documents.
            children: [new TextRun({ text: briefing.sample, font: HEI })],
          }),
        ]
      : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(briefing.title)] }),
    bodyParagraph(briefing.asOf, {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { ...LINE, after: 280 },
    }),
    ...briefing.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
      ...section.paragraphs.map((p) => bodyParagraph(paragraphText(p))),
    ]),
    bodyParagraph(briefing.source, { spacing: { ...LINE, before: 280 } }),
  ];

  const doc = new Document({
    title: briefing.title,
    subject: briefing.periodText,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    description: [briefing.sample, briefing.asOf, briefing.source].filter(Boolean).join(' '),
    styles: {
      default: {
        // Normal: the body text.
        document: {
          run: { font: FANGSONG, size: TEXT_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            spacing: LINE,
            indent,
          },
        },
        title: {
          run: { font: HEI, size: TITLE_SIZE, bold: true },
          paragraph: {
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0, firstLineChars: 0 },
            spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 240 },
            keepNext: true,
          },
        },
        heading1: {
          run: { font: HEI, size: TEXT_SIZE, bold: true },
          paragraph: {
            outlineLevel: 0,
            indent,
            spacing: { ...LINE, before: 160 },
            keepNext: true,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBlob(doc);
}
