import { describe, expect, it } from 'vitest';
import { SECTORS_M07, pct, printed, sector, yi } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { figuresOf, paragraphsOf, writerFor } from '../writer.fixtures';
import { industrySection } from './industry';

describe('industrySection', () => {
  it('writes each group’s sectors, the fastest growing first, and names once those the report gives no period for (L42)', () => {
    expect(paragraphsOf(industrySection(SECTORS_M07, writerFor('zh-CN', '2023M07')))).toEqual([
      '主导产业中，汽车产业实现规上工业产值56.67亿元，同比增长10.8%；装备产业实现规上工业产值54.66亿元，同比增长7.4%。',
      '多点发展产业中，材料产业实现规上工业产值27.36亿元，同比增长54.9%；医药产业实现规上工业产值38.62亿元，同比增长12.8%；' +
        '能源产业实现规上工业产值36.25亿元，同比增长8.9%（材料、医药、能源产业数据报告未注明时期，按2023年1–7月累计列示）。',
    ]);
  });

  it('writes the English clauses with the change’s size, marked as a change', () => {
    const [leading, multipoint] = industrySection(SECTORS_M07, writerFor('en', '2023M07'));
    expect(paragraphsOf([leading!])[0]).toMatch(
      /^Among the leading industries, automotive produced above-scale output of ¥5\.67B, up 10\.8% year on year; /,
    );
    expect(figuresOf(leading!)[1]).toMatchObject({ text: '10.8%', label: 'automotive', change: 10.8 });
    expect(paragraphsOf([multipoint!])[0]).toMatch(
      / — the report gives no period for materials, pharmaceuticals, energy; they are listed under Jan–Jul 2023 \(cumulative\)\.$/,
    );
  });

  it('adds a sector’s share and firms; lists one without growth after the ranked ones, and one without output by its firms', () => {
    const electronics = sector('electronics', '电子信息', 'Electronic information', 'leading', {
      output: yi(550.29, 5, reported('L36')),
      share: pct(59.9, 3, reported('L36')),
      firms: printed(60, 'firms', 2, reported('L36')),
    });
    const equipment = sector('equipment', '装备', 'Equipment', 'leading', {
      firms: printed(40, 'firms', 2, reported('L40')),
    });
    const [automotive] = SECTORS_M07.filter((s) => s.id === 'automotive');
    expect(paragraphsOf(industrySection([electronics, equipment, automotive!], writerFor('zh-CN')))).toEqual([
      '主导产业中，汽车产业实现规上工业产值56.67亿元，同比增长10.8%；' +
        '电子信息产业实现规上工业产值550.29亿元，占全区比重59.9%，规上工业企业60家；装备产业有规上工业企业40家。',
    ]);
  });

  it('writes a fall as 下降, and nothing for a group without figures', () => {
    const fall = sector('energy', '能源', 'Energy', 'multipoint', {
      output: yi(36.25, 4, reported('L42')),
      growth: pct(-2.5, 2, reported('L42')),
    });
    expect(
      paragraphsOf(industrySection([fall, sector('automotive', '汽车', 'Automotive', 'leading')], writerFor())),
    ).toEqual(['多点发展产业中，能源产业实现规上工业产值36.25亿元，同比下降2.5%。']);
  });
});
