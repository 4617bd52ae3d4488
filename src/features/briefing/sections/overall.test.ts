import { describe, expect, it } from 'vitest';
import { annualProgress, districtIndustryTargets } from '../../../domain/briefingSections';
import { H1, pct } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { writeSection } from '../writer.fixtures';
import { overallSection } from './overall';
import type { OverallFigures } from './overall';

const none: OverallFigures = {
  gdpShare: undefined,
  outputGrowth: undefined,
  output: undefined,
  targets: [],
  progress: [],
};
const write = writeSection(overallSection, none);

describe('overallSection', () => {
  it('writes industry’s share of GDP and the district’s growth, reckoned from private industry’s (L81)', () => {
    expect(write({ gdpShare: H1.gdpShare, outputGrowth: H1.outputGrowth })).toEqual([
      '2023年上半年，北碚区工业占GDP比重45.3%，据规上民营工业增速推算，全区规上工业总产值同比下降约5.4%。',
    ]);
    expect(write({ gdpShare: H1.gdpShare, outputGrowth: H1.outputGrowth }, 'en')).toEqual([
      'In H1 2023, industry made up 45.3% of Beibei District’s GDP, reckoned from private industry’s growth, the district’s above-scale industrial output was down an estimated 5.4% year on year.',
    ]);
  });

  it('states a reported growth as it is', () => {
    const stated = { ...H1.outputGrowth, value: pct(3.1, 2, reported('L81')) };
    expect(write({ outputGrowth: stated })).toEqual(['规上工业总产值同比增长3.1%。']);
  });

  it('writes 2022’s output as reckoned from the electronics industry’s (L36), about so much', () => {
    expect(write({ output: H1.output2022 }, 'zh-CN', '2022')).toEqual([
      '2022年，据电子信息产业产值及其占比推算，全区规上工业总产值约918.7亿元。',
    ]);
    expect(write({ output: H1.output2022 }, 'en', '2022')).toEqual([
      'In 2022, reckoned from the electronics industry’s output and share, the district’s above-scale industrial output was about ¥91.87B.',
    ]);
  });

  it('states the year’s targets, and how far the figures outside 招商引资 have come', () => {
    const items = [H1.gdpShare, H1.output2022, H1.valueAddedTarget, H1.manufacturingTarget];
    expect(write({ targets: districtIndustryTargets(items) })).toEqual([
      '全年目标为：规上工业总产值1000亿元、规上工业增加值增速8%、制造业投资150亿元。',
    ]);
    const manufacturing = { ...H1.manufacturingTarget, value: { ...H1.signed.value!, value: 9e9 } };
    expect(write({ progress: annualProgress([manufacturing], '2023H1') })).toEqual([
      '按全年目标的序时进度测算，制造业投资完成全年目标（150亿元）的60.0%，快于序时进度10.4个百分点。',
    ]);
  });

  it('writes nothing without its figures', () => {
    expect(write({})).toEqual([]);
  });
});
