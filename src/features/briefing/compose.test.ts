import { describe, expect, it } from 'vitest';
import type { PeriodId } from '../../api/common';
import type { Kpi } from '../../api/kpis';
import type { Meta } from '../../api/meta';
import type { Project } from '../../api/projects';
import { H1, SECTORS_M07 } from '../../domain/briefing.fixtures';
import type { Locale } from '../../lib/i18n';
import { briefingText, composeBriefing } from './compose';

const meta = {
  district: { 'zh-CN': '北碚区', en: 'Beibei District' },
  source: { title: { 'zh-CN': '北碚区2023年上半年经济运行情况', en: 'Beibei mid-year report 2023' } },
  periods: [
    { id: '2023H1', kind: 'actual' },
    { id: '2023M07', kind: 'actual' },
    { id: '2023D0826', kind: 'actual' },
  ],
  sample: false,
} as unknown as Meta;
const road = {
  name: '渝武高速公路复线',
  stage: 'construction',
  start: null,
  lastUpdate: '2023-08-26',
} as unknown as Project;
const h1 = Object.values(H1).filter((k) => k.id !== 'industrial-output');

interface DraftOptions {
  period?: PeriodId;
  locale?: Locale;
  sample?: boolean;
}

function draft(items: Kpi[], { period = '2023H1', locale = 'zh-CN', sample = false }: DraftOptions = {}) {
  return composeBriefing({
    meta: { ...meta, sample },
    period,
    kpis: { period, sector: null, items },
    sectors: { period, items: period === '2023M07' ? SECTORS_M07 : [], otherFirms: [] },
    namedProjects: [road],
    locale,
    asOfText: locale === 'zh-CN' ? '2023年8月26日' : 'Aug 26, 2023',
  });
}
const headings = (b: ReturnType<typeof draft>) => b.sections.map((s) => s.heading);

describe('composeBriefing', () => {
  it('writes an indicator no section names (one an office added) in a last section, its progress there too', () => {
    const retail = {
      ...H1.signed,
      id: 'retail-sales',
      group: 'consumption',
      label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales of consumer goods' },
      periodTarget: null,
      target: { ...H1.signed.target!, value: { ...H1.signed.target!.value, value: 300e8, qualifier: undefined } },
    };
    const b = draft([...h1, retail]);
    expect(headings(b)).toEqual(['一、总体情况', '二、招商引资', '三、重点项目', '四、民营经济', '五、其他指标']);
    const other = b.sections.at(-1)?.paragraphs.map((p) => p.map((s) => s.text).join(''));
    expect(other).toEqual([
      '2023年上半年，社会消费品零售总额180亿元。',
      '按全年目标的序时进度测算，社会消费品零售总额完成全年目标（300亿元）的60.0%，快于序时进度10.4个百分点。',
    ]);
    expect(briefingText(b).match(/社会消费品零售总额完成全年目标/g)).toHaveLength(1);
  });

  it('numbers the sections it writes in order, leaving out those without a sentence', () => {
    const b = draft(h1);
    expect(headings(b)).toEqual(['一、总体情况', '二、招商引资', '三、重点项目', '四、民营经济']);
    expect(b.title).toBe('北碚区经济运行简报（2023年上半年）');
    expect(briefingText(b).split('\n').slice(0, 4)).toEqual([
      '北碚区经济运行简报（2023年上半年）',
      '数据截至 2023年8月26日',
      '',
      '一、总体情况',
    ]);
    expect(briefingText(b).split('\n').at(-1)).toBe(
      '数据来源：北碚区2023年上半年经济运行情况；北碚区经济运行监测平台。',
    );
    expect(headings(draft(h1, { locale: 'en' }))).toEqual([
      '1. Overview',
      '2. Investment attraction',
      '3. Key projects',
      '4. Private economy',
    ]);
  });

  it('opens with what is behind, unnumbered, and says it once: the attraction section does not repeat it', () => {
    const b = draft(h1.map((k) => (k.id.startsWith('investment-') ? { ...k, periodTarget: null } : k)));
    expect(headings(b).slice(0, 2)).toEqual(['进度滞后的指标', '一、总体情况']);
    const attraction = b.sections.find((s) => s.id === 'attraction')!;
    expect(
      attraction.paragraphs
        .flat()
        .map((s) => s.text)
        .join(''),
    ).not.toContain('慢于序时进度');
  });

  it('writes a period’s own figures only: a value of an earlier period is not put in this one', () => {
    // Jan–Jul has its sectors, but its headline figures are H1’s (the latest up to it).
    const b = draft(
      h1.map((k) => ({ ...k, period: '2023M07', valuePeriod: '2023H1' })),
      { period: '2023M07' },
    );
    expect(headings(b)).toEqual(['一、总体情况', '二、工业', '三、重点项目']);
    // The overview keeps the year's targets, which are no period's values.
    expect(b.sections[0]!.paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual([
      '全年目标为：规上工业增加值增速8%、制造业投资150亿元。',
    ]);
    expect(briefingText(b)).not.toContain('180亿元');
  });

  it('gives a period without figures an empty draft rather than invented text, the named projects aside', () => {
    expect(draft([]).sections.map((s) => s.id)).toEqual(['projects']);
  });

  it('names a period to a date in its own words, and says first that sample data is sample data', () => {
    expect(draft([], { period: '2023D0826' }).title).toBe('北碚区经济运行简报——截至报告发布（2023年8月26日）');
    expect(draft([], { period: '2023D0826', locale: 'en' }).title).toBe(
      'Beibei District economic briefing — As of the report (26 Aug 2023)',
    );
    const sample = draft(h1, { sample: true });
    expect(sample.sample).toBe('演示数据 · 非正式统计');
    expect(briefingText(sample).split('\n')[0]).toBe('演示数据 · 非正式统计');
    expect(draft(h1).sample).toBeNull();
  });
});
