import { describe, expect, it } from 'vitest';
import type { Measure } from '../api/common';
import { isGrowthRate, targetWording } from './kpi';

const measure = (value: number, unit: Measure['unit']): Measure => ({
  value,
  unit,
  provenance: { kind: 'reported', source: 'L32' },
});

describe('isGrowthRate', () => {
  it('is a growth rate when a -growth indicator is given in percent', () => {
    expect(isGrowthRate({ id: 'industrial-output-growth', value: measure(-5.4, 'percent') })).toBe(true);
  });

  it('is not one when the indicator is a level, a share, or has no value', () => {
    expect(isGrowthRate({ id: 'industrial-output', value: measure(918.7e8, 'cny') })).toBe(false);
    expect(isGrowthRate({ id: 'industry-gdp-share', value: measure(32.1, 'percent') })).toBe(false);
    expect(isGrowthRate({ id: 'industrial-output-growth', value: measure(3, 'pp') })).toBe(false);
    expect(isGrowthRate({ id: 'industrial-output-growth', value: null })).toBe(false);
  });
});

describe('targetWording', () => {
  const level = { kind: 'level', value: measure(8, 'percent') } as const;
  it('words a total to reach as a target, a growth rate’s level as a rate, a level better lower as a ceiling', () => {
    expect(targetWording({ id: 'investment-signed' }, { kind: 'cumulative', value: measure(3e10, 'cny') })).toBe(
      'total',
    );
    expect(targetWording({ id: 'industrial-value-added-growth' }, level)).toBe('rate');
    expect(targetWording({ id: 'urban-unemployment', direction: 'lower' }, level)).toBe('cap');
    // A share to reach is no growth rate.
    expect(targetWording({ id: 'industry-gdp-share', direction: 'higher' }, level)).toBe('total');
  });
});
