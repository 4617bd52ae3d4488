import { describe, expect, it } from 'vitest';
import type { Measure, SectorId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import type { SectorGroup } from '../../api/meta';
import { sectorColors } from '../../lib/sectorColors';
import { barData, REST_ID, shareData } from './plotData';

const colour = sectorColors([]);

const reported = (value: number, unit: Measure['unit'], source: string, digits = 3): Measure => ({
  value,
  unit,
  digits,
  provenance: { kind: 'reported', source },
});

const sector = (
  id: SectorId,
  group: SectorGroup,
  label: string,
  figures: Partial<SectorFigure> = {},
): SectorFigure => ({
  id,
  group,
  label: { 'zh-CN': label, en: id },
  output: null,
  growth: null,
  firms: null,
  share: null,
  ...figures,
});

describe('what the sector plots draw', () => {
  it('one bar per sector that reports the figure, leading industries first, labelled as the tables write it', () => {
    const items = [
      sector('materials', 'multipoint', '材料', { growth: reported(-4.2, 'percent', 'L40', 2) }),
      sector('automotive', 'leading', '汽车', { growth: reported(12.8, 'percent', 'L38') }),
      sector('equipment', 'leading', '装备'),
    ];
    const bars = barData(items, 'growth', 'zh-CN', true);
    expect(bars.map((b) => [b.id, b.value, b.label])).toEqual([
      ['automotive', 12.8, '+12.8%'],
      ['materials', -4.2, '−4.2%'],
    ]);
    expect(bars.map((b) => b.name)).toEqual(['汽车', '材料']);
    expect(barData(items, 'output', 'zh-CN')).toEqual([]);
  });

  it('adds the derived rest of the district when the reported shares do not make 100 %', () => {
    const items = [
      sector('electronics', 'leading', '电子信息', { share: reported(59.9, 'percent', 'L36') }),
      sector('automotive', 'leading', '汽车'),
    ];
    const { data, rest } = shareData(items, 'zh-CN', 'light', '其他', colour);
    expect(data.map((d) => [d.id, d.name, d.value])).toEqual([
      ['electronics', '电子信息', 59.9],
      [REST_ID, '其他', 40.1],
    ]);
    expect(rest?.provenance).toEqual({ kind: 'derived', formula: '100% − 59.9% (L36)' });
  });

  it('has no rest when nothing is reported, or the shares add up', () => {
    expect(shareData([sector('automotive', 'leading', '汽车')], 'zh-CN', 'light', '其他', colour)).toEqual({
      data: [],
      rest: null,
    });
    const whole = shareData(
      [sector('electronics', 'leading', '电子信息', { share: reported(100, 'percent', 'L36') })],
      'zh-CN',
      'dark',
      '其他',
      colour,
    );
    expect(whole.rest).toBeNull();
    expect(whole.data).toHaveLength(1);
  });
});
