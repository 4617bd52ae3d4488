import { describe, expect, it } from 'vitest';
import type { Measure, Provenance, SeriesPoint } from '../../../api/common';
import { kpi, sectorFigure as sector } from '../../../../tests/factories';
import { annualTargets, headlineFigures, screenTrend, sectorStructure, valueScale } from './screenData';

const reported: Provenance = { kind: 'reported', source: 'L52' };
const imported: Provenance = { kind: 'imported', import: { file: 'm.xlsx', version: 2, sheet: '指标', row: 3 } };
const illustrative: Provenance = { kind: 'illustrative' };
const cny = (value: number, provenance: Provenance = reported): Measure => ({ value, unit: 'cny', provenance });
const pct = (value: number, provenance: Provenance = reported): Measure => ({ value, unit: 'percent', provenance });

const point = (period: string, value: number, provenance: Provenance = imported): SeriesPoint => ({
  period,
  value,
  provenance,
});

describe('headline figures', () => {
  it('are the headline figures (and a sector’s) that have a value, six at most', () => {
    const items = [
      kpi('a'),
      kpi('no-value', { value: null, valuePeriod: null }),
      kpi('not-headline', { headline: false }),
      kpi('sector', { headline: false, sector: 'automotive' }),
      ...['b', 'c', 'd', 'e', 'f', 'g'].map((id) => kpi(id)),
    ];
    expect(headlineFigures(items).map((k) => k.id)).toEqual(['a', 'sector', 'b', 'c', 'd', 'e']);
  });
});

describe('annual targets', () => {
  const target = { period: '2023', kind: 'cumulative', value: cny(4e10) } as const;
  it('show progress only from a figure of the period itself', () => {
    const { progress, without } = annualTargets(
      [
        kpi('signed', { target }),
        // 2022's output is no progress towards 2023's target.
        kpi('output', { valuePeriod: '2022', target }),
        kpi('investment', { value: null, valuePeriod: null, target }),
        kpi('no-target'),
        kpi('sector-target', { sector: 'automotive', target }),
      ],
      '2023H1',
    );
    expect(progress.map((k) => k.id)).toEqual(['signed']);
    expect(without.map((k) => k.id)).toEqual(['output', 'investment']);
  });
});

describe('sector structure', () => {
  it('is of output, largest first, with shares of the listed sectors’ sum when the district’s are not given', () => {
    const s = sectorStructure([
      sector('equipment', { output: cny(5466e6), growth: pct(7.4) }),
      sector('automotive', { output: cny(5667e6), growth: pct(10.8) }),
      sector('electronics', { firms: { value: 81, unit: 'firms', provenance: reported } }),
      sector('pharma', { output: cny(3862e6, { ...reported, assumedPeriod: true }), growth: pct(12.8) }),
    ]);
    expect(s?.measure).toBe('output');
    expect(s?.basis).toBe('listed');
    expect(s?.rows.map((r) => r.id)).toEqual(['automotive', 'equipment', 'pharma']);
    expect(s?.total?.value).toBe(5667e6 + 5466e6 + 3862e6);
    expect(s?.total?.provenance.kind).toBe('derived');
    expect(s?.rows.reduce((sum, r) => sum + (r.share ?? 0), 0)).toBeCloseTo(1, 10);
    expect(s?.rows[0]?.share).toBeCloseTo(5667 / (5667 + 5466 + 3862), 10);
    expect(s?.rows.map((r) => r.assumedPeriod)).toEqual([false, false, true]);
  });

  it('uses the reported shares of the district when every sector listed has one, and never invents the rest', () => {
    const s = sectorStructure([sector('electronics', { output: cny(55029e6), share: pct(59.9) })]);
    expect(s?.basis).toBe('district');
    expect(s?.rows[0]?.share).toBeCloseTo(0.599, 10);
  });

  it('gives no share for one sector alone without a reported share', () => {
    const s = sectorStructure([sector('automotive', { output: cny(5667e6) })]);
    expect(s?.basis).toBe('none');
    expect(s?.rows[0]?.share).toBeNull();
  });

  it('falls back to firm counts, without growth, when no sector has output', () => {
    const firms = (value: number): Measure => ({ value, unit: 'firms', provenance: reported });
    const s = sectorStructure([
      sector('electronics', { firms: firms(81) }),
      sector('automotive', { firms: firms(53), growth: pct(3) }),
    ]);
    expect(s?.measure).toBe('firms');
    expect(s?.rows.map((r) => [r.id, r.value.value, r.growth])).toEqual([
      ['electronics', 81, null],
      ['automotive', 53, null],
    ]);
  });

  it('is nothing when no sector has a figure', () => {
    expect(sectorStructure([sector('automotive'), sector('pharma')])).toBeNull();
  });
});

describe('the screen’s trend', () => {
  const months = (provenance: Provenance) => [
    point('2023M01', 10, provenance),
    point('2023M02', 20, provenance),
    point('2023M03', 35, provenance),
  ];

  it('draws the first headline figure whose known points make a line', () => {
    const items = [
      kpi('not-headline', { headline: false, series: { unit: 'cny', cumulative: true, points: months(imported) } }),
      kpi('no-series'),
      kpi('signed', { series: { unit: 'cny', cumulative: true, points: months(imported) } }),
    ];
    const trend = screenTrend(items);
    expect(trend?.kind).toBe('line');
    expect(trend?.kind === 'line' && trend.kpi.id).toBe('signed');
  });

  it('never draws illustrative points: a series known only at its last month is no line', () => {
    const points = [...months(illustrative), point('2023M04', 50, reported)];
    const trend = screenTrend([kpi('signed', { yoy: pct(41), series: { unit: 'cny', cumulative: true, points } })]);
    expect(trend?.kind === 'changes' && trend.changes.map((c) => [c.kpi.id, c.change])).toEqual([['signed', pct(41)]]);
  });

  it('writes out two known points rather than drawing them', () => {
    const points = [point('2023M05', 20), point('2023M06', 30, reported)];
    const trend = screenTrend([kpi('signed', { series: { unit: 'cny', cumulative: true, points } })]);
    expect(trend?.kind).toBe('text');
    expect(trend?.kind === 'text' && trend.points).toHaveLength(2);
  });

  it('with no monthly points, gives the changes on a year earlier: 同比 and growth rates, headline first', () => {
    const trend = screenTrend([
      kpi('industrial-output-growth', { headline: false, value: pct(-5.4) }),
      kpi('arrived', { yoy: pct(41) }),
      kpi('illustrative-yoy', { yoy: pct(3, illustrative) }),
      kpi('share', { value: pct(45.3) }),
    ]);
    expect(trend?.kind === 'changes' && trend.changes.map((c) => [c.kpi.id, c.change.value])).toEqual([
      ['arrived', 41],
      ['industrial-output-growth', -5.4],
    ]);
  });

  it('is nothing when the data knows no trend and no change', () => {
    expect(screenTrend([kpi('share', { value: pct(45.3) })])).toBeNull();
  });
});

describe('the value scale of a trend line', () => {
  it('starts running totals at zero', () => {
    const y = valueScale([10, 20, 40], true, 100);
    expect(y(0)).toBe(100);
    expect(y(40)).toBeGreaterThan(0);
    expect(y(40)).toBeLessThan(y(20));
  });

  it('starts levels a little below their least, so their change shows', () => {
    const y = valueScale([80_300, 87_100], false, 100);
    expect(y(80_300)).toBeLessThan(100);
    expect(y(80_300) - y(87_100)).toBeGreaterThan(50);
  });
});
