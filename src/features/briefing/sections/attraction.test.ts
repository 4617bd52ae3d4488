import { describe, expect, it } from 'vitest';
import { annualProgress } from '../../../domain/briefingSections';
import { H1, pct, pp } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { writeSection } from '../writer.fixtures';
import { attractionSection } from './attraction';
import type { AttractionFigures } from './attraction';

const report: AttractionFigures = {
  signed: H1.signed,
  arrived: H1.arrived,
  completion: H1.completion,
  startRate: H1.startRate,
  progress: annualProgress([H1.signed, H1.arrived], '2023H1'),
};
const write = writeSection(attractionSection, report);

describe('attractionSection', () => {
  it('writes L52’s figures and the task’s verdict (156 %), then how far the year’s targets are reached', () => {
    expect(write()).toEqual([
      '2023年上半年，全区实现签约资金180亿元，到位资金70亿元，同比增长41%，完成当期目标任务的156%，超额完成当期目标，' +
        '落地开工率65%，高于全市平均水平7个百分点。',
      '签约资金完成全年目标（400亿元）的45.0%；到位资金完成全年目标（150亿元以上）的46.7%。',
    ]);
    expect(write({}, 'en')[0]).toBe(
      'In H1 2023, investment signed reached ¥18.0B, investment arrived was ¥7.0B, up 41% year on year, ' +
        '156% of the period’s target was reached, above target, the project start rate was 65%, 7 pp above the city average.',
    );
  });

  it('chooses its verbs by the figures: a fall is 下降, a start rate under the average 低于', () => {
    const arrived = { ...H1.arrived, yoy: pct(-3.5, 2, reported('L52')) };
    const below = {
      ...H1.startRate.comparisons[0]!,
      difference: { ...H1.startRate.comparisons[0]!.difference!, value: -2 },
    };
    const startRate = { ...H1.startRate, comparisons: [below] };
    expect(write({ arrived, startRate, progress: [] })).toEqual([
      '2023年上半年，全区实现签约资金180亿元，到位资金70亿元，同比下降3.5%，完成当期目标任务的156%，超额完成当期目标，' +
        '落地开工率65%，低于全市平均水平2个百分点。',
    ]);
  });

  it('says a start rate level with the city average is level with it, with no difference of nothing', () => {
    const level = { ...H1.startRate.comparisons[0]!, difference: pp(0, 1, reported('L52')) };
    expect(write({ startRate: { ...H1.startRate, comparisons: [level] }, progress: [] }, 'en')[0]).toMatch(
      /, the project start rate was 65%, level with the city average\.$/,
    );
  });

  it('words the task’s period target met at 100 % and short below', () => {
    const at = (v: number) => write({ completion: { ...H1.completion, value: pct(v, 3, reported('L52')) } })[0];
    expect(at(100)).toContain('完成当期目标任务的100%，完成当期目标，');
    expect(at(90)).toContain('完成当期目标任务的90.0%，落地开工率');
  });

  it('leaves out what the period lacks, instead of filling it: no change, no comparison, an illustrative figure', () => {
    const withoutYoy = { ...H1.arrived, yoy: null };
    const illustrative = {
      ...H1.signed,
      value: { ...H1.signed.value!, provenance: { kind: 'illustrative' as const } },
    };
    const startRate = { ...H1.startRate, comparisons: [] };
    expect(
      write({ signed: illustrative, arrived: withoutYoy, completion: undefined, startRate, progress: [] }),
    ).toEqual(['到位资金70亿元，落地开工率65%。']);
  });

  it('writes nothing without its figures', () => {
    const none = { signed: undefined, arrived: undefined, completion: undefined, startRate: undefined, progress: [] };
    expect(write(none)).toEqual([]);
  });
});
