import { describe, expect, it } from 'vitest';
import type { Measure, Provenance } from '../api/common';
import type { Kpi } from '../api/kpis';
import { kpi } from '../../tests/factories';
import { behindSchedule, scheduleVerdict } from './pace';

const L52: Provenance = { kind: 'reported', source: 'L52' };
const yi = (v: number, provenance: Provenance = L52): Measure => ({ value: v * 1e8, unit: 'cny', provenance });
const pct = (v: number, provenance: Provenance = L52): Measure => ({ value: v, unit: 'percent', provenance });

const annual = (v: number): Kpi['target'] => ({
  period: '2023',
  kind: 'cumulative',
  value: yi(v, { kind: 'reported', source: 'L54' }),
  periodCompletionKpi: 'attraction-target-completion',
});
const task156 = { completion: pct(156), kpi: 'attraction-target-completion' };

// The report's 招商引资 at the end of June: 180 of 400亿元 signed (45.0 % of the year's target with
// 49.6 % of the year gone), 70 of 150亿元 arrived (46.7 %), and the task at 156 % of its period target.
const signed = kpi('investment-signed', { value: yi(180), target: annual(400), periodTarget: task156 });
const arrived = kpi('investment-arrived', { value: yi(70), target: annual(150), periodTarget: task156 });

describe('scheduleVerdict', () => {
  it('takes the task’s reported period-target completion (L52: 156 %) over linear 序时进度', () => {
    expect(scheduleVerdict(signed)).toEqual({
      kind: 'periodTargetMet',
      completion: task156.completion,
      completionKpi: 'attraction-target-completion',
    });
    expect(scheduleVerdict(arrived).kind).toBe('periodTargetMet');
  });

  it('takes a figure’s own period plan (L56: 119.8 %) as its verdict', () => {
    const keyProjects = kpi('key-projects', { value: yi(139.73), planCompletion: pct(119.8) });
    expect(scheduleVerdict(keyProjects)).toEqual({ kind: 'periodTargetMet', completion: pct(119.8) });
  });

  it('says a period target was missed below 100 %', () => {
    expect(scheduleVerdict(kpi('x', { value: yi(10), planCompletion: pct(87.5) })).kind).toBe('periodTargetMissed');
  });

  it('falls back to linear 序时进度 only without a reported period verdict', () => {
    const alone = scheduleVerdict({ ...signed, periodTarget: null });
    expect(alone.kind).toBe('behindPace');
    expect(alone.pace?.gapPoints).toBe(-4.6);
    expect(scheduleVerdict(kpi('ahead', { value: yi(100), target: annual(150) })).kind).toBe('aheadOfPace');
  });

  it('judges nothing from an illustrative completion, and nothing without a target or value', () => {
    const invented = { completion: pct(80, { kind: 'illustrative' }), kpi: 'x' };
    expect(scheduleVerdict({ ...signed, periodTarget: invented }).kind).toBe('behindPace');
    expect(scheduleVerdict(kpi('bare', { value: yi(5) })).kind).toBe('none');
    expect(scheduleVerdict(kpi('no-value', { value: null, valuePeriod: null, target: annual(400) })).kind).toBe('none');
  });

  it('judges a value of an earlier period (the latest up to the one asked for) by its own period', () => {
    // 2022's 918.7亿元 shown as the latest for 2023H1 is no progress towards 2023's 1000亿元.
    const lastYear = { ...kpi('output', { value: yi(918.7), target: annual(1000) }), valuePeriod: '2022' } as Kpi;
    expect(scheduleVerdict(lastYear).kind).toBe('none');
  });
});

describe('behindSchedule', () => {
  it('does not list 签约资金 and 到位资金 when their task reports 156 % of its period target', () => {
    expect(behindSchedule([signed, arrived])).toEqual([]);
  });

  it('lists what is behind by the best measure, the furthest behind first', () => {
    const paceOnly = { ...signed, id: 'pace-only', periodTarget: null };
    const missed = kpi('missed', { value: yi(10), planCompletion: pct(97) });
    const items = behindSchedule([arrived, missed, paceOnly]);
    expect(items.map((i) => [i.kpi.id, i.gapPoints])).toEqual([
      ['pace-only', -4.6],
      ['missed', -3],
    ]);
  });
});
