import { describe, expect, it } from 'vitest';
import type { Measure } from '../api/common';
import type { PaceKind } from '../domain/pace';
import { comparisonText, paceText, yoyText } from './kpiWording';

const pct = (value: number): Measure => ({ value, unit: 'percent', provenance: { kind: 'reported', source: 'L32' } });
const points = (value: number): Measure => ({ value, unit: 'pp', provenance: { kind: 'reported', source: 'L32' } });
const pace = (kind: PaceKind, gapPoints: number | null) => ({
  kind,
  progress: null,
  elapsed: null,
  gapPoints,
});

describe('the wording of a figure’s standing', () => {
  it('judges a cumulative target against the calendar (序时进度), by the gap in points', () => {
    expect(paceText(pace('behind', -4.6), 'cumulative', 'zh-CN')).toBe('慢于序时进度 4.6 个百分点');
    expect(paceText(pace('ahead', 12.9), 'cumulative', 'en')).toBe('ahead of schedule by 12.9 points');
    expect(paceText(pace('onSchedule', 0), 'cumulative', 'zh-CN')).toBe('与序时进度持平');
  });

  it('says a cumulative target is reached once it is, not how far ahead of the calendar', () => {
    expect(paceText(pace('exceeded', 55.4), 'cumulative', 'zh-CN')).toBe('已完成全年目标');
    expect(paceText(pace('exceeded', 55.4), 'cumulative', 'en')).toBe('annual target reached');
  });

  it('judges a level target by the target itself, never by the calendar', () => {
    expect(paceText(pace('behind', -1.5), 'level', 'zh-CN')).toBe('低于目标 1.5 个百分点');
    expect(paceText(pace('onSchedule', 0), 'level', 'zh-CN')).toBe('与目标持平');
    expect(paceText(pace('onSchedule', 0), 'level', 'en')).toBe('at target');
  });

  it('says a lower-is-better figure below its level target is below it, though that is ahead', () => {
    expect(paceText(pace('ahead', -0.3), 'level', 'zh-CN')).toBe('低于目标 0.3 个百分点');
    expect(paceText(pace('behind', 0.3), 'level', 'en')).toBe('above target by 0.3 points');
  });

  it('has no verdict without a value to judge', () => {
    expect(paceText(pace('noValue', null), 'cumulative', 'zh-CN')).toBeNull();
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
