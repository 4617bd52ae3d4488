import { describe, expect, it } from 'vitest';
import { directionOf, figureWording, furthestBehindFirst, planVerdict, rankByGrowth, standingOf } from './briefing';

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

  it('lists what is behind schedule, the furthest behind first, and nothing else', () => {
    const items = [
      { id: 'arrived', gapPoints: -2.9 },
      { id: 'ahead', gapPoints: 3 },
      { id: 'signed', gapPoints: -4.6 },
      { id: 'even', gapPoints: 0 },
    ];
    expect(furthestBehindFirst(items).map((i) => i.id)).toEqual(['signed', 'arrived']);
  });

  it('ranks sectors by growth, fastest first, leaving out those without a growth figure', () => {
    const ranked = rankByGrowth([
      { id: 'automotive', growth: 10.8 },
      { id: 'materials', growth: 54.9 },
      { id: 'electronics', growth: null },
      { id: 'equipment', growth: 7.4 },
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['materials', 'automotive', 'equipment']);
  });

  it('writes a derived figure as an estimate and a reported one as stated', () => {
    expect(figureWording({ kind: 'derived', formula: '2.4 − 7.8 (L81)' })).toBe('estimate');
    expect(figureWording({ kind: 'reported', source: 'L81' })).toBe('stated');
  });
});
