import { describe, expect, it } from 'vitest';
import { AS_OF_REPORT, H1, pp } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { writeSection } from '../writer.fixtures';
import { privateSection } from './private';
import type { PrivateFigures } from './private';

const none: PrivateFigures = {
  entities: undefined,
  output: undefined,
  support: undefined,
  giants: undefined,
  srdi: undefined,
  loans: undefined,
  rd: undefined,
};
const h1: PrivateFigures = { ...none, entities: H1.entities, output: H1.privateOutput, loans: H1.loans, rd: H1.rd };
const write = writeSection(privateSection, none);

describe('privateSection', () => {
  it('writes L81’s private economy against the district, and L104’s R&D institutions and loans', () => {
    expect(write(h1)).toEqual([
      '2023年上半年，民营经济市场主体8.71万户，同比增长10.0%，新发展民营经济市场主体8000余户。',
      '规上民营工业总产值同比增长2.4%，高于全区规上工业总产值增速7.8个百分点，拉动全区规上工业总产值增长1.8个百分点。',
      '推荐1家企业为市级备案新型研发机构，储备4家企业为区级新型研发机构，科技型企业获得贷款5500万元。',
    ]);
    expect(write(h1, 'en')[0]).toBe(
      'In H1 2023, there were 87,100 entities in the private economy, up 10.0% year on year, of which 8,000+ entities are new.',
    );
  });

  it('puts L102’s city rank with the 79 newly recognised firms, not with the 242', () => {
    const asOf = { ...none, support: AS_OF_REPORT.support, giants: AS_OF_REPORT.giants, srdi: AS_OF_REPORT.srdi };
    expect(write(asOf, 'zh-CN', '2023D0826')).toEqual([
      '政策资金惠及民营企业108家，直接扶持市场主体47家。',
      '全区共有国家专精特新“小巨人”企业18家，市级“专精特新”企业242家，其中今年新认定79家，新认定数量排名全市第4。',
    ]);
  });

  it('writes the entities without a change when the period has none, and private output below the district’s as 低于', () => {
    const below = H1.privateOutput.comparisons.map((c) =>
      c.kind === 'district' ? { ...c, difference: pp(-0.5, 1, reported('L81')) } : c,
    );
    const [entities, output] = write({
      ...h1,
      entities: { ...H1.entities, yoy: null },
      output: { ...H1.privateOutput, comparisons: below },
    });
    expect(entities).toBe('2023年上半年，民营经济市场主体8.71万户，新发展民营经济市场主体8000余户。');
    expect(output).toMatch(/^规上民营工业总产值同比增长2\.4%，低于全区规上工业总产值增速0\.5个百分点，/);
  });

  it('says private output growing as fast as the district’s is level with it', () => {
    const level = H1.privateOutput.comparisons.map((c) =>
      c.kind === 'district' ? { ...c, difference: pp(0, 1, reported('L81')) } : c,
    );
    expect(write({ ...h1, output: { ...H1.privateOutput, comparisons: level } })[1]).toBe(
      '规上民营工业总产值同比增长2.4%，与全区规上工业总产值增速持平，拉动全区规上工业总产值增长1.8个百分点。',
    );
  });

  it('writes nothing without its figures', () => {
    expect(write(none)).toEqual([]);
  });
});
