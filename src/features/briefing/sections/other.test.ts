import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../api/kpis';
import { annualProgress } from '../../../domain/briefingSections';
import { kpi } from '../../../../tests/factories';
import { pct, pp, yi } from '../../../domain/briefing.fixtures';
import type { Provenance } from '../../../api/common';
import { figuresOf, paragraphsOf, writerFor } from '../writer.fixtures';
import { otherSection } from './other';

const imported: Provenance = { kind: 'imported', import: { file: '8月.xlsx', version: 2, sheet: '指标', row: 30 } };

/** 社会消费品零售总额 as an office adds it: Jan–Aug, 同比, an annual target (made up for the test). */
const retail = (over: Partial<Kpi> = {}): Kpi =>
  kpi('retail-sales', {
    group: 'consumption',
    label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales of consumer goods' },
    period: '2023M08',
    valuePeriod: '2023M08',
    value: yi(560, 3, imported),
    yoy: pct(6.1, 2, imported),
    target: { period: '2023', kind: 'cumulative', value: yi(900, 3, imported) },
    ...over,
  });

const write = (items: Kpi[], locale: 'zh-CN' | 'en' = 'zh-CN') =>
  otherSection({ items, progress: annualProgress(items, '2023M08') }, writerFor(locale, '2023M08'));

describe('otherSection', () => {
  it('writes any indicator in one form: its value, 同比, and its progress against 序时进度', () => {
    const paragraphs = write([retail({ value: yi(640, 3, imported) })]);
    expect(paragraphsOf(paragraphs)).toEqual([
      '2023年1–8月累计，社会消费品零售总额640亿元，同比增长6.1%。',
      '按全年目标的序时进度测算，社会消费品零售总额完成全年目标（900亿元）的71.1%，快于序时进度4.5个百分点。',
    ]);
    expect(figuresOf(paragraphs[0] ?? null).map((f) => [f.text, f.label, f.provenance.kind])).toEqual([
      ['640亿元', '社会消费品零售总额', 'imported'],
      ['6.1%', '社会消费品零售总额', 'imported'],
    ]);
  });

  it('behind schedule, says only how far: the box that opens the draft says it is behind', () => {
    expect(paragraphsOf(write([retail()]))).toEqual([
      '2023年1–8月累计，社会消费品零售总额560亿元，同比增长6.1%。',
      '社会消费品零售总额完成全年目标（900亿元）的62.2%。',
    ]);
  });

  it('says a rate’s change in points, going up (提高) where an amount grows (增长)', () => {
    const unemployment = kpi('urban-unemployment', {
      group: 'other',
      label: { 'zh-CN': '城镇调查失业率', en: 'Surveyed urban unemployment rate' },
      period: '2023M08',
      valuePeriod: '2023M08',
      value: pct(5.4, 2, imported),
      yoy: pp(0.3, 1, { kind: 'derived', formula: '2023M08 − 2022M08' }),
      target: null,
    });
    expect(paragraphsOf(write([unemployment]))).toEqual([
      '2023年1–8月累计，城镇调查失业率5.4%，同比提高约0.3个百分点。',
    ]);
    expect(paragraphsOf(write([{ ...unemployment, yoy: pp(-0.2, 1, imported) }]))).toEqual([
      '2023年1–8月累计，城镇调查失业率5.4%，同比下降0.2个百分点。',
    ]);
    expect(paragraphsOf(write([unemployment], 'en'))).toEqual([
      'In Jan–Aug 2023 (cumulative), surveyed urban unemployment rate was 5.4%, up an estimated 0.3 pp year on year.',
    ]);
  });

  it('in English, and without a change or a target when the data has none', () => {
    expect(paragraphsOf(write([retail({ yoy: null, target: null })], 'en'))).toEqual([
      'In Jan–Aug 2023 (cumulative), retail sales of consumer goods was ¥56.0B.',
    ]);
  });

  it('writes nothing for an indicator without a value for the period', () => {
    expect(paragraphsOf(write([retail({ value: null, yoy: null, target: null })]))).toEqual([]);
  });
});
