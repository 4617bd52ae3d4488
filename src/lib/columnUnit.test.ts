import { describe, expect, it } from 'vitest';
import { columnUnit } from './columnUnit';
import type { Amount } from './columnUnit';

const yuan = (value: number, digits?: number, qualifier?: Amount['qualifier']): Amount => ({
  value,
  ...(digits === undefined ? {} : { digits }),
  ...(qualifier ? { qualifier } : {}),
});

describe('columnUnit: the unit follows the typical amount', () => {
  // The sample's first page: 5015万 beside 1.1172亿; most amounts are below 1亿.
  const mostlyBelow = [yuan(5015e4, 4), yuan(11172e4, 5), yuan(4644e4, 4), yuan(0, 1), null];

  it('prints a column of mostly sub-亿 amounts in 万元 without decimals, and in ¥M to 0.01M', () => {
    const zh = columnUnit(mostlyBelow, 'zh-CN');
    expect(zh.label).toBe('万元');
    expect(mostlyBelow.flatMap((a) => (a ? [zh.figure(a)] : []))).toEqual(['5015', '11,172', '4644', '0']);
    const en = columnUnit(mostlyBelow, 'en');
    expect(en.label).toBe('¥M');
    expect(mostlyBelow.flatMap((a) => (a ? [en.figure(a)] : []))).toEqual(['50.15', '111.72', '46.44', '0.00']);
  });

  it('prints a column of mostly 亿-sized amounts in 亿元, every cell to the finest amount’s precision', () => {
    const column = [yuan(1.1172e8, 5), yuan(2.3e8, 2), yuan(5015e4, 4)];
    const zh = columnUnit(column, 'zh-CN');
    expect(zh.label).toBe('亿元');
    expect(zh.decimals).toBe(4);
    expect(column.map((a) => zh.figure(a))).toEqual(['1.1172', '2.3000', '0.5015']);
    // In English the same amounts are millions: ¥B starts at ¥1B.
    expect(columnUnit(column, 'en').label).toBe('¥M');
  });

  it('uses ¥B where the typical amount is a billion or more', () => {
    const column = [yuan(139.73e8, 5), yuan(116.64e8, 5), yuan(4.73e8, 3)];
    const en = columnUnit(column, 'en');
    expect(en.label).toBe('¥B');
    // At most two decimals, as English money is written everywhere in the app.
    expect(column.map((a) => en.amount(a))).toEqual(['¥13.97B', '¥11.66B', '¥0.47B']);
  });

  it('prints sums (no printed precision) to 0.01亿 from 1亿 and to 1万 below, as one column', () => {
    // The sample's pipeline: stage sums.
    const stages = [0, 0, 4.73e8, 101.21e8, 10.7e8];
    const zh = columnUnit(stages, 'zh-CN');
    expect(stages.map((v) => zh.amount({ value: v }))).toEqual([
      '0.00亿元',
      '0.00亿元',
      '4.73亿元',
      '101.21亿元',
      '10.70亿元',
    ]);
    expect(columnUnit([139.73e8], 'zh-CN').amount({ value: 139.73e8 })).toBe('139.73亿元');
    expect(columnUnit([139.73e8], 'en').amount({ value: 139.73e8 })).toBe('¥13.97B');
    expect(columnUnit([5015e4], 'zh-CN').amount({ value: 5015e4 })).toBe('5015万元');
  });

  it('never prints finer than 1万, whatever precision an amount claims', () => {
    const column = [yuan(209_300_493, 9), yuan(5015e4, 4)];
    expect(columnUnit(column, 'zh-CN').figure(column[0] as Amount)).toBe('20,930');
    expect(columnUnit(column, 'en').figure(column[0] as Amount)).toBe('209.30');
  });

  it('takes the typical amount from the caller where it knows more than the column shows', () => {
    // The largest projects first: this page alone is mostly above 1亿, the whole list is not.
    const page = [yuan(1.8e8, 4), yuan(1.5e8, 4), yuan(0.9e8, 3)];
    expect(columnUnit(page, 'zh-CN').label).toBe('亿元');
    const zh = columnUnit(page, 'zh-CN', 5891e4);
    expect(zh.label).toBe('万元');
    expect(page.map((a) => zh.figure(a))).toEqual(['18,000', '15,000', '9000']);
  });

  it('has a unit for a column with nothing known in it', () => {
    expect(columnUnit([null, undefined], 'zh-CN')).toMatchObject({ label: '万元', decimals: 0 });
    expect(columnUnit([0, 0], 'en')).toMatchObject({ label: '¥M', decimals: 0 });
  });

  it('keeps the source’s qualifier with the figure', () => {
    const over = yuan(5015e4, 4, 'over');
    const atLeast = yuan(5015e4, 4, 'atLeast');
    const zh = columnUnit([over], 'zh-CN');
    expect([zh.figure(over), zh.amount(over), zh.amount(atLeast)]).toEqual(['5015余', '5015余万元', '5015万元以上']);
    const en = columnUnit([over], 'en');
    expect([en.figure(over), en.amount(over), en.amount(atLeast)]).toEqual(['50.15+', '¥50.15M+', '≥ ¥50.15M']);
  });
});
