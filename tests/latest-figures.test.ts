import { describe, expect, it } from 'vitest';
import { kpiList, latestPeriodUpTo } from '../server/answers/figures';
import { reportDataset } from '../data/dataset';
import { derivedFigures } from '../data/report';

describe('the latest figure up to a period (最新数据)', () => {
  const periods = ['2022', '2023H1', '2023M07', '2023D0826'];

  it('is the latest period whose end is not after the end of the period asked for', () => {
    expect(latestPeriodUpTo(periods, '2023H1')).toBe('2023H1');
    expect(latestPeriodUpTo(['2022', '2023H1'], '2023M07')).toBe('2023H1');
    expect(latestPeriodUpTo(['2022', '2023H1'], '2023D0826')).toBe('2023H1');
    // The full year 2023: to the report's date, the latest there is.
    expect(latestPeriodUpTo(periods, '2023')).toBe('2023D0826');
    expect(latestPeriodUpTo(['2022'], '2023H1')).toBe('2022');
  });

  it('never takes a later period, and is none when nothing comes before', () => {
    expect(latestPeriodUpTo(['2023D0826'], '2023H1')).toBeNull();
    expect(latestPeriodUpTo(['2023M07'], '2022')).toBeNull();
    expect(latestPeriodUpTo([], '2023')).toBeNull();
  });

  it('prefers the period asked for over another that ends the same day', () => {
    expect(latestPeriodUpTo(['2023H1', '2023Q2'], '2023Q2')).toBe('2023Q2');
    expect(latestPeriodUpTo(['2023Q2', '2023H1'], '2023H1')).toBe('2023H1');
  });

  it('answers each figure with the latest value up to the period, its own period and that period’s change', () => {
    const byId = (period: string) => new Map(kpiList(reportDataset, period, null).items.map((k) => [k.id, k]));
    const toDate = byId('2023D0826');
    const arrived = toDate.get('investment-arrived');
    expect(arrived).toMatchObject({ period: '2023D0826', valuePeriod: '2023H1', value: { value: 70e8 } });
    expect(arrived?.yoy).toMatchObject({ value: 41, provenance: { source: 'L52' } });
    expect(toDate.get('little-giants')).toMatchObject({ valuePeriod: '2023D0826', value: { value: 18 } });

    const half = byId('2023H1');
    // The district's output is known for 2022 only: that is its latest figure in mid-2023.
    expect(half.get('industrial-output')).toMatchObject({ valuePeriod: '2022', target: { period: '2023' } });
    // A count to 26 August is not yet known at the end of June.
    expect(half.get('little-giants')).toMatchObject({ valuePeriod: null, value: null, yoy: null, facts: [] });
    // A target alone is no value.
    expect(half.get('manufacturing-investment')).toMatchObject({ valuePeriod: null, value: null });
  });
});

describe('the report’s derived figures', () => {
  it('computes each derived figure from the reported ones, with its formula', () => {
    expect(derivedFigures.districtOutputGrowth).toMatchObject({
      value: -5.4,
      provenance: { kind: 'derived', formula: '2.4 − 7.8 (L81)' },
    });
    expect(derivedFigures.cityAverageStartRate).toMatchObject({
      value: 58,
      provenance: { kind: 'derived', formula: '65 − 7 (L52)' },
    });
    expect(derivedFigures.districtOutput2022.value / 1e8).toBeCloseTo(550.29 / 0.599, 1);
  });
});
