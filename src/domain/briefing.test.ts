import { describe, expect, it } from 'vitest';
import { directionOf, estimateOf, figureWording, planVerdict, standingOf, targetReached } from './briefing';
import { H1 } from './briefing.fixtures';

describe('briefing rules', () => {
  it('a change is up (增长), down (下降) or flat (持平) by its sign', () => {
    expect(directionOf(41)).toBe('up');
    expect(directionOf(-5.4)).toBe('down');
    expect(directionOf(0)).toBe('flat');
  });

  it('a period plan is exceeded above 100 %, met at 100 % and short below', () => {
    expect(planVerdict(119.8)).toBe('exceeded');
    expect(planVerdict(100)).toBe('met');
    expect(planVerdict(87.5)).toBe('short');
  });

  it('a figure stands above, below or level with its reference', () => {
    expect(standingOf(7)).toBe('above');
    expect(standingOf(-0.1)).toBe('below');
    expect(standingOf(0)).toBe('level');
  });

  it('writes a derived figure as an estimate and a reported one as stated', () => {
    expect(figureWording({ kind: 'derived', formula: '2.4 − 7.8 (L81)' })).toBe('estimate');
    expect(figureWording({ kind: 'reported', source: 'L81' })).toBe('stated');
  });

  it('an estimate is of a rate (percent, points) or of an amount; a stated figure is none', () => {
    expect(estimateOf(H1.outputGrowth.value!)).toBe('rate');
    expect(estimateOf(H1.output2022.value!)).toBe('amount');
    expect(estimateOf(H1.signed.value!)).toBeNull();
  });
});

describe('targetReached', () => {
  it('is met at 100 % as printed and exceeded above it', () => {
    expect(targetReached(1)).toBe('met');
    // 100.04 % prints as 100.0 %: not called more than the target.
    expect(targetReached(1.0004)).toBe('met');
    expect(targetReached(1.001)).toBe('exceeded');
    expect(targetReached(1.05)).toBe('exceeded');
  });
});
