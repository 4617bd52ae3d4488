import { describe, expect, it } from 'vitest';
import { categoryAxisWidth, labelWidth, moneyScale, roundTicks, tickLabel, valueAxis } from './axis';

/** The steps between ticks, each 1, 2, 2.5 or 5 × 10ⁿ and all equal. */
function steps(ticks: readonly number[]): number[] {
  return ticks.slice(1).map((t, i) => Number((t - (ticks[i] ?? 0)).toPrecision(10)));
}
const isRoundStep = (step: number) => {
  const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(10));
  return [1, 2, 2.5, 5].includes(mantissa);
};

describe('round ticks of a value axis', () => {
  it('counts in 1, 2, 2.5 or 5 × 10ⁿ from zero to just past the largest value', () => {
    expect(roundTicks([56.67e8, 54.66e8, 27.36e8])).toEqual([0, 2e9, 4e9, 6e9]);
    expect(roundTicks([28.5e8])).toEqual([0, 1e9, 2e9, 3e9]);
    expect(roundTicks([12.8, 3])).toEqual([0, 5, 10, 15]);
    expect(roundTicks([100])).toEqual([0, 20, 40, 60, 80, 100]);
    expect(roundTicks([0.34])).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it('reaches below zero with zero among the ticks', () => {
    expect(roundTicks([-4.2, 12.8])).toEqual([-5, 0, 5, 10, 15]);
    expect(roundTicks([-12.5, -3.1, 54.9])).toEqual([-20, 0, 20, 40, 60]);
    expect(roundTicks([-31.5, -2])).toEqual([-40, -30, -20, -10, 0]);
    expect(roundTicks([-0.4, 0.3])).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
  });

  it('for any values: at most six, round and even steps, zero among them, both ends covered', () => {
    const cases = [[56.67e8], [1], [7], [9.5e8, 19e8, 28.5e8], [-4.2, 12.8], [-31.5, 88], [-0.7, 0.05], [81, 53, 76]];
    for (const values of cases) {
      const ticks = roundTicks(values);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks).toContain(0);
      expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...values));
      const s = steps(ticks);
      for (const step of s) {
        expect(step).toBeCloseTo(s[0] ?? 0, 9);
        expect(isRoundStep(step), `step ${step} of ${ticks.join(', ')}`).toBe(true);
      }
    }
  });

  it('gives counts whole steps only, and an axis of nothing one tick', () => {
    expect(roundTicks([2, 1], { integer: true })).toEqual([0, 1, 2]);
    expect(roundTicks([81, 53], { integer: true })).toEqual([0, 20, 40, 60, 80, 100]);
    expect(roundTicks([])).toEqual([0]);
    expect(roundTicks([0, 0])).toEqual([0]);
  });

  it('takes its bounds from its first and last ticks', () => {
    expect(valueAxis([-4.2, 12.8])).toEqual({ domain: [-5, 15], ticks: [-5, 0, 5, 10, 15] });
    expect(valueAxis([56.67])).toEqual({ domain: [0, 60], ticks: [0, 20, 40, 60] });
  });
});

describe('the unit of a money axis and its tick labels', () => {
  it('counts in 亿元 or ¥B from the unit up, in 万元 or ¥M below', () => {
    expect(moneyScale(6e9, 'zh-CN')).toEqual({ label: '亿元', yuan: 1e8 });
    expect(moneyScale(6e9, 'en')).toEqual({ label: '¥B', yuan: 1e9 });
    expect(moneyScale(6e8, 'en')).toEqual({ label: '¥M', yuan: 1e6 });
    expect(moneyScale(5e7, 'zh-CN')).toEqual({ label: '万元', yuan: 1e4 });
  });

  it('labels a tick with the bare number in that unit', () => {
    expect([0, 2e9, 4e9, 6e9].map((v) => tickLabel(v, 'zh-CN', 1e8))).toEqual(['0', '20', '40', '60']);
    expect([0, 2.5e8, 5e8, 7.5e8].map((v) => tickLabel(v, 'en', 1e9))).toEqual(['0', '0.25', '0.5', '0.75']);
    expect([-20, 0, 20].map((v) => tickLabel(v, 'en'))).toEqual(['\u221220', '0', '20']);
    expect(tickLabel(12_000, 'zh-CN')).toBe('12,000');
    expect(tickLabel(0.30000000000000004, 'zh-CN')).toBe('0.3');
  });
});

describe('the width of the axis of sector names', () => {
  it('holds the longest Chinese name whole, which has no space to wrap at', () => {
    const names = ['电子信息', '智能仪器仪表', '食品及农产品加工'];
    const width = categoryAxisWidth(names, 'zh-CN');
    // Eight characters of the charts' 16 px type, and the tick's room beside them.
    expect(width).toBeGreaterThanOrEqual(labelWidth('食品及农产品加工') + 8);
    expect(width).toBe(140);
  });

  it('keeps the report’s short names at 80 px, and no axis wider than 150', () => {
    expect(categoryAxisWidth(['汽车', '电子信息', '装备'], 'zh-CN')).toBe(80);
    expect(categoryAxisWidth(['一个非常非常非常非常长的产业名称'], 'zh-CN')).toBe(150);
  });

  it('in English is 150, where names wrap between words', () => {
    expect(categoryAxisWidth(['Food and farm produce processing'], 'en')).toBe(150);
  });
});
