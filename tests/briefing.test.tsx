/**
 * The briefing on the report's own data: its Chinese draft states the report's own figure clauses
 * (checked against the report's text in data/report-2023-08-26.txt, not against the generator),
 * every number in it is a figure of the data for the period, and what the report says of L52, L12,
 * L42 and L102 is written as it says it; and the page, from the API, shows each figure's source,
 * copies the draft and saves it as Word. How each section words its figures, and what it leaves
 * out, is tested beside its builder (src/features/briefing/sections) and the rules beside them
 * (src/domain/briefing.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { kpiList, metaOf, sectorList } from '../server/answers/figures';
import { reportDataset } from '../data/dataset';
import { REPORT_TEXT } from '../data/report-text';
import type { Measure, PeriodId } from '../src/api/common';
import type { KpiList } from '../src/api/kpis';
import { briefingText, composeBriefing } from '../src/features/briefing/compose';
import { formatMeasure, formatPoints, formatShare } from '../src/lib/format';
import type { Locale } from '../src/lib/i18n';
import { paceOf } from '../src/domain/pace';
import { captureDownloads } from './downloads';
import { renderApp } from './render';

/** The report the dataset cites by line (a copy of ../shared/seed/000_f8e22d867ddcfbf6.txt, kept with the data). */
const REPORT = readFileSync(resolve(process.cwd(), 'data/report-2023-08-26.txt'), 'utf8');
const reportLine = (n: number) => REPORT.split('\n')[n - 1] ?? '';

const meta = metaOf(reportDataset, { id: 1, publishedAt: '2023-08-26T00:00:00.000Z' });

function draft(period: PeriodId, locale: Locale = 'zh-CN', kpis: KpiList = kpiList(reportDataset, period, null)) {
  return composeBriefing({
    meta,
    period,
    kpis,
    sectors: sectorList(reportDataset, period),
    namedProjects: reportDataset.projects.filter((p) => p.provenance.kind === 'reported'),
    locale,
    asOfText: locale === 'zh-CN' ? '2023年8月26日' : 'Aug 26, 2023',
  });
}

/** The parts in order, within one sentence, with at most a few connecting characters between them. */
const clause = (parts: readonly string[], gap = 12) =>
  new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join(`[^。；]{0,${gap}}?`));

/** The report's figure clauses: the line they are on and their parts. */
const CLAUSES: { period: PeriodId; line: number; parts: string[]; draftPrefix?: string }[] = [
  { period: '2023H1', line: 52, parts: ['签约资金', '180亿元'] },
  { period: '2023H1', line: 52, parts: ['到位资金', '70亿元', '同比增长', '41%'] },
  { period: '2023H1', line: 52, parts: ['落地开工率', '65%'] },
  { period: '2023H1', line: 56, parts: ['198个重点建设项目完成投资', '139.73亿元', '完成当期投资计划的', '119.8%'] },
  { period: '2023H1', line: 58, parts: ['22个市级重点建设项目完成投资', '19.23亿元', '完成当期投资计划的', '139.2%'] },
  { period: '2023H1', line: 81, parts: ['民营经济市场主体', '8.71万户', '同比增长', '10.0%'] },
  { period: '2023H1', line: 32, parts: ['工业占GDP比重', '45.3%'] },
  { period: '2023M07', line: 38, parts: ['规上工业产值', '56.67亿元', '同比增长', '10.8%'], draftPrefix: '汽车产业' },
  { period: '2023M07', line: 40, parts: ['规上工业产值', '54.66亿元', '同比增长', '7.4%'], draftPrefix: '装备产业' },
  { period: '2023M07', line: 42, parts: ['医药产业', '规上工业产值', '38.62亿元', '同比增长', '12.8%'] },
  { period: '2023M07', line: 42, parts: ['材料产业', '规上工业产值', '27.36亿元', '同比增长', '54.9%'] },
  { period: '2023D0826', line: 74, parts: ['直接扶持市场主体', '47家'] },
  { period: '2023D0826', line: 102, parts: ['国家专精特新“小巨人”企业', '18家'] },
  { period: '2023H1', line: 104, parts: ['4家企业为区级新型研发机构'] },
];

const SEED = resolve(process.cwd(), '../shared/seed/000_f8e22d867ddcfbf6.txt');
it.skipIf(!existsSync(SEED))('keeps an exact copy of the seed report, so the line numbers the data cites hold', () => {
  expect(REPORT).toBe(readFileSync(SEED, 'utf8'));
});

it('quotes the report from an exact copy of its text (the module the mock API and the data service read)', () => {
  expect(REPORT_TEXT).toBe(REPORT);
  expect(meta.source.paragraphs?.find((p) => p.line === 52)?.text).toBe(reportLine(52).trim());
});

describe('the Chinese draft states the report’s own figure clauses', () => {
  it.each(CLAUSES)('L$line: $parts', ({ period, line, parts, draftPrefix }) => {
    // The clause is the report's (so the test cannot drift into checking the generator against itself) …
    expect(reportLine(line)).toMatch(clause(parts));
    if (draftPrefix) expect(reportLine(line)).toContain(draftPrefix);
    // … and the draft for the same period states it.
    expect(briefingText(draft(period))).toMatch(clause(draftPrefix ? [draftPrefix, ...parts] : parts, 6));
  });
});

/** Every measure of the data for the period, as the tiles print it, and the pace figures derived from them. */
function figuresOfTheData(period: PeriodId, locale: Locale): Set<string> {
  const out = new Set<string>();
  const add = (m: Measure | null | undefined) => {
    if (!m || m.provenance.kind === 'illustrative') return;
    out.add(formatMeasure(m, locale));
    out.add(formatMeasure({ ...m, value: Math.abs(m.value) }, locale));
  };
  for (const k of kpiList(reportDataset, period, null).items) {
    [k.value, k.yoy, k.planCompletion, k.target?.value].forEach(add);
    k.facts.forEach((f) => add(f.value));
    k.comparisons.forEach((c) => [c.reference, c.difference].forEach(add));
    const pace = paceOf(k.value, k.target, period);
    if (pace.progress !== null && pace.gapPoints !== null) {
      out.add(formatShare(pace.progress, locale));
      out.add(formatPoints(Math.abs(pace.gapPoints), locale));
    }
  }
  for (const s of sectorList(reportDataset, period).items) [s.output, s.growth, s.firms, s.share].forEach(add);
  return out;
}

describe('every number in the draft is a figure of the data', () => {
  const cases = (['2022', '2023H1', '2023M07', '2023D0826', '2023'] as const).flatMap((period) =>
    (['zh-CN', 'en'] as const).map((locale) => ({ period, locale })),
  );
  it.each(cases)('$period in $locale', ({ period, locale }) => {
    const b = draft(period, locale);
    const allowed = figuresOfTheData(period, locale);
    const segments = b.sections.flatMap((s) => s.paragraphs.flat());
    const figures = segments.filter((s) => s.kind === 'figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(allowed, `${f.text} (${f.label})`).toContain(f.text);
      expect(f.provenance.kind).not.toBe('illustrative');
      expect(f.period).toBe(period);
    }
    // Outside figures, periods and names, the words carry no number at all.
    const words = segments.filter((s) => s.kind === 'text').map((s) => s.text);
    for (const w of words) expect(w).not.toMatch(/\d/);
    for (const h of b.sections.map((s) => s.heading)) expect(h.replace(/^\d\. /, '')).not.toMatch(/\d/);
  });
});

describe('the city rank of L102', () => {
  it('goes with the 79 newly recognised firms, not with the 242', () => {
    expect(reportLine(102)).toMatch(/79家企业认定为市级“专精特新”企业，新认定“专精特新”企业数量排名全市第四/);
    expect(briefingText(draft('2023D0826'))).toContain('其中今年新认定79家，新认定数量排名全市第4');
  });
});

describe('what the draft writes and leaves out', () => {
  it('takes the 招商引资 task’s 156 % (L52) as the verdict on 签约资金 and 到位资金: no behind-schedule box, no 慢于', () => {
    expect(reportLine(52)).toMatch(/签约资金180亿元，到位资金70亿元，同比增长41%，完成当期目标任务任务的156%/);
    const b = draft('2023H1');
    expect(b.sections.map((s) => s.id)).not.toContain('behind');
    const text = briefingText(b);
    expect(text).not.toMatch(/慢于|进度滞后/);
    expect(text).toContain('完成当期目标任务的156%，超额完成当期目标');
    // What the year's targets are reached is said, without a pace verdict beside the task's own.
    const attraction = b.sections.find((s) => s.id === 'attraction')!;
    expect(attraction.heading).toBe('二、招商引资');
    expect(attraction.paragraphs.map((p) => p.map((s) => s.text).join(''))).toContain(
      '签约资金完成全年目标（400亿元）的45.0%；到位资金完成全年目标（150亿元以上）的46.7%。',
    );
  });

  it('names a project under its stage at the end of the period: the hospital broke ground on 26 August (L12)', () => {
    expect(reportLine(12)).toContain('8月26日');
    const hospital = '广州中医药大学第一附属医院重庆医院';
    const stageList = (period: PeriodId) =>
      briefingText(draft(period))
        .split('\n')
        .find((l) => l.startsWith('报告提及的项目中'));
    expect(stageList('2023H1')).toContain('在建：渝武高速公路复线');
    expect(stageList('2023H1')).not.toContain(hospital);
    expect(stageList('2023D0826')).toMatch(new RegExp(`在建：${hospital}`));
  });
});

/** What a reader sees of an element: its text without the (hidden) tooltips of its figures. */
function seenText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[role="tooltip"]').forEach((tip) => tip.remove());
  return copy.textContent;
}

describe('the briefing page', () => {
  it('writes the draft of the period in the address from the API, each figure with its source, and copies it and saves it as Word', async () => {
    const downloads = captureDownloads();
    const { user } = renderApp('/briefing?period=2023H1');
    expect(await screen.findByRole('heading', { level: 1, name: '经济运行简报' })).toBeInTheDocument();
    const doc = await screen.findByRole('article', { name: '北碚区经济运行简报（2023年上半年）' });
    expect(within(doc).queryByRole('region', { name: '进度滞后的指标' })).not.toBeInTheDocument();
    expect(seenText(within(doc).getByRole('region', { name: '二、招商引资' }))).toContain(
      '完成当期目标任务的156%，超额完成当期目标',
    );
    expect(seenText(doc)).not.toContain('慢于序时进度');
    // A fall is marked as plainly as a rise.
    expect(seenText(doc)).toContain('全区规上工业总产值同比下降约▼5.4%');
    expect(seenText(doc)).toContain('到位资金70亿元，同比增长▲41%');
    const figure = within(doc).getAllByText('139.73亿元')[0]!;
    await user.click(figure);
    expect(figure).toHaveFocus();
    // Where it comes from in words an official reads, and the report's own sentence (L56).
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      '重点建设项目完成投资 · 2023年上半年 · 报告数据 · 出处：报告第56段原文：“抓项目，要抓好重点。',
    );
    expect(figure).toHaveAccessibleDescription(/198个重点建设项目完成投资139\.73亿元，完成当期投资计划的119\.8%/);
    expect(within(doc).getByText(/数据来源：/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '复制文本' }));
    expect(await navigator.clipboard.readText()).toContain('198个重点建设项目完成投资139.73亿元');
    expect(screen.getByRole('status')).toHaveTextContent('已复制到剪贴板');

    // The Word file is written when asked for (its library loads then) and saved under the title.
    await user.click(screen.getByRole('button', { name: '下载 Word' }));
    await waitFor(() => expect(downloads.names).toEqual(['北碚区经济运行简报（2023年上半年）.docx']), {
      timeout: 15_000,
    });
    const documentXml = strFromU8(unzipSync(await downloads.bytes())['word/document.xml']!);
    expect(documentXml).toContain('198个重点建设项目完成投资139.73亿元');
    expect(await screen.findByRole('button', { name: '下载 Word' })).toBeEnabled();
  });
});

describe('what the report says, as it says it (#28)', () => {
  it('writes L42’s figures under the period they are listed in, saying the report gives none', () => {
    expect(reportLine(42)).not.toMatch(/1月-7月|上半年/);
    expect(briefingText(draft('2023M07'))).toContain(
      '能源产业实现规上工业产值36.25亿元，同比增长8.9%（材料、医药、能源产业数据报告未注明时期，按2023年1–7月累计列示）。',
    );
    expect(briefingText(draft('2023M07', 'en'))).toContain(
      'the report gives no period for materials, pharmaceuticals, energy; they are listed under Jan–Jul 2023 (cumulative)',
    );
    // L38's automotive figure has its period: no such note on the leading industries.
    expect(briefingText(draft('2023M07'))).toMatch(/主导产业中[^。]*。/);
    expect(briefingText(draft('2023M07')).match(/主导产业中[^。]*。/)?.[0]).not.toContain('未注明时期');
  });

  it('has L44’s four scenarios, L62’s three trillion-yuan industries and L28’s 18 August', () => {
    expect(reportLine(44)).toContain('“5G+工业互联网”四大新场景');
    expect(reportLine(62)).toContain('先进材料3个万亿主导产业');
    expect(reportLine(28)).toMatch(/^8月18日/);
    const firms = sectorList(reportDataset, '2023H1').otherFirms;
    expect(firms.find((f) => f.name === '颜宏齿轮')?.note['zh-CN']).toContain('四大新场景');
    const signed = kpiList(reportDataset, '2023H1', null).items.find((k) => k.id === 'investment-signed');
    expect(signed?.facts.map((f) => [f.label['zh-CN'].slice(0, 14), f.value.value, f.value.provenance.source])).toEqual(
      [['下半年招商围绕的万亿主导产业', 3, 'L62']],
    );
    const chip = reportDataset.namedFirms.find((f) => f.name.startsWith('中科光智'));
    expect(chip?.note['zh-CN']).toContain('8月18日');
  });
});
