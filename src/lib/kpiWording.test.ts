import { describe, expect, it } from 'vitest';
import type { Measure } from '../api/common';
import { comparisonText, paceVerdict, yoyText } from './kpiWording';

const pct = (value: number): Measure => ({ value, unit: 'percent', provenance: { kind: 'reported', source: 'L32' } });
const points = (value: number): Measure => ({ value, unit: 'pp', provenance: { kind: 'reported', source: 'L32' } });
const pace = (kind: 'ahead' | 'behind' | 'onSchedule' | 'noValue', gapPoints: number | null) => ({
  kind,
  progress: null,
  elapsed: null,
  gapPoints,
});

describe('the wording of a figure’s standing', () => {
  it('judges a cumulative target against the calendar (序时进度), by the gap in points', () => {
    expect(paceVerdict(pace('behind', -4.6), 'cumulative', 'zh-CN')).toBe('慢于序时进度 4.6 个百分点');
    expect(paceVerdict(pace('ahead', 12.9), 'cumulative', 'en')).toBe('ahead of schedule by 12.9 points');
    expect(paceVerdict(pace('onSchedule', 0), 'cumulative', 'zh-CN')).toBe('与序时进度持平');
  });

  it('judges a level target by the target itself, never by the calendar', () => {
    expect(paceVerdict(pace('behind', -1.5), 'level', 'zh-CN')).toBe('低于目标 1.5 个百分点');
    expect(paceVerdict(pace('onSchedule', 0), 'level', 'zh-CN')).toBe('与目标持平');
    expect(paceVerdict(pace('onSchedule', 0), 'level', 'en')).toBe('at target');
  });

  it('has no verdict without a value to judge', () => {
    expect(paceVerdict(pace('noValue', null), 'cumulative', 'zh-CN')).toBeNull();
  });

  it('says a change of nothing in words', () => {
    expect(yoyText(pct(41), 'zh-CN')).toBe('同比 +41%');
    expect(yoyText(pct(0), 'en')).toBe('unchanged year on year');
  });

  it('says above or below a reference in words, and leaves out a comparison missing its figures', () => {
    expect(comparisonText({ kind: 'cityAverage', reference: pct(58), difference: points(-7) }, 'zh-CN')).toBe(
      '比全市平均（58%）低 7个百分点',
    );
    expect(comparisonText({ kind: 'district', reference: pct(-5.4), difference: null }, 'zh-CN')).toBeNull();
  });
});
