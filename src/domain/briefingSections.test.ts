import { describe, expect, it } from 'vitest';
import type { Project } from '../api/projects';
import {
  annualProgress,
  comparisonOf,
  districtIndustryTargets,
  factOf,
  inGrowthOrder,
  ownPeriodFigures,
  periodAssumed,
  projectsByStage,
} from './briefingSections';
import { H1, SECTORS_M07, yi } from './briefing.fixtures';

describe('ownPeriodFigures', () => {
  it('keeps a figure of the period and empties one whose latest value is of an earlier period', () => {
    const [share, output] = ownPeriodFigures([H1.gdpShare, { ...H1.output2022, period: '2023H1' }], '2023H1');
    expect(share).toBe(H1.gdpShare);
    // 2022's 918.7亿元 is not H1 2023's: its value and facts go; its name and annual target stay.
    expect(output).toMatchObject({ id: 'industrial-output', value: null, facts: [], target: H1.output2022.target });
  });
});

describe('districtIndustryTargets', () => {
  it('are the district-wide industrial figures with an annual target, whatever their value', () => {
    const items = [H1.gdpShare, H1.output2022, H1.valueAddedTarget, H1.manufacturingTarget, H1.signed];
    expect(districtIndustryTargets(items).map((k) => k.id)).toEqual([
      'industrial-output',
      'industrial-value-added-growth',
      'manufacturing-investment',
    ]);
    expect(districtIndustryTargets([{ ...H1.manufacturingTarget, sector: 'equipment' }])).toEqual([]);
  });
});

describe('the order of the sectors', () => {
  it('is by growth, fastest first, then those without a growth figure in their own order', () => {
    const sectors = [{ ...SECTORS_M07[0]!, id: 'electronics' as const }, ...SECTORS_M07.slice(1)];
    const order = inGrowthOrder(sectors, (s) => s.growth?.value ?? null).map((s) => s.id);
    expect(order).toEqual(['materials', 'pharma', 'automotive', 'energy', 'equipment', 'electronics']);
  });

  it('notes the sectors whose figures the source gives without a period (L42)', () => {
    expect(SECTORS_M07.filter(periodAssumed).map((s) => s.id)).toEqual(['pharma', 'materials', 'energy']);
  });
});

describe('annualProgress', () => {
  const wordings = (items: Parameters<typeof annualProgress>[0]) =>
    Object.fromEntries(annualProgress(items, '2023H1').map((p) => [p.pace.kpi.id, p.wording]));
  const noTask = (k: typeof H1.signed, signedYi?: number) => ({
    ...k,
    periodTarget: null,
    ...(signedYi === undefined ? {} : { value: yi(signedYi, 3, { kind: 'reported', source: 'L52' }) }),
  });

  it('says only how far, when the task’s reported verdict (L52’s 156 %) stands', () => {
    expect(wordings([H1.signed, H1.arrived])).toEqual({
      'investment-signed': { kind: 'progressOnly' },
      'investment-arrived': { kind: 'progressOnly' },
    });
    // 260 of 400亿元 would be ahead of the calendar, but the task's verdict stands.
    const ahead = { ...H1.signed, value: yi(260, 3, H1.signed.value!.provenance) };
    expect(wordings([ahead])).toEqual({ 'investment-signed': { kind: 'progressOnly' } });
  });

  it('says only how far when the pace behind is said in the opening box', () => {
    expect(wordings([noTask(H1.signed)])).toEqual({ 'investment-signed': { kind: 'progressOnly' } });
  });

  it('reckons by 序时进度 a figure without a reported verdict that is not behind', () => {
    expect(wordings([noTask(H1.signed, 260)])).toEqual({ 'investment-signed': { kind: 'reckoned', verdict: 'ahead' } });
    // 198.4 of 400亿元 is 49.6 % at the end of June, as the calendar.
    expect(wordings([noTask(H1.signed, 198.4)])['investment-signed']).toEqual({
      kind: 'reckoned',
      verdict: 'onSchedule',
    });
  });

  it('says a target reached, met at 100 % and exceeded above, whatever verdict is reported', () => {
    expect(wordings([noTask(H1.signed, 400)])['investment-signed']).toEqual({ kind: 'targetReached', reached: 'met' });
    expect(wordings([{ ...H1.signed, value: yi(420, 3, { kind: 'reported', source: 'L52' }) }])).toEqual({
      'investment-signed': { kind: 'targetReached', reached: 'exceeded' },
    });
  });

  it('judges only cumulative targets with a value', () => {
    expect(annualProgress([H1.valueAddedTarget, H1.manufacturingTarget, H1.gdpShare], '2023H1')).toEqual([]);
  });
});

describe('projectsByStage', () => {
  const project = (name: string, stage: Project['stage'], start: string | null = null) => ({
    name,
    stage,
    start,
    lastUpdate: '2023-08-26',
  });

  it('lists the furthest along first, leaves out empty stages and projects whose stage then is unknown', () => {
    const projects = [
      project('宝山大桥西延段', 'preliminary'),
      project('渝武高速公路复线', 'construction', '2023-01-01'),
      // Broke ground on 26 August (L12): not 在建 at the end of June, and what it was then is not known.
      project('广州中医药大学第一附属医院重庆医院', 'construction', '2023-08-26'),
      project('智点汽车', 'negotiating'),
    ];
    const names = (period: string) =>
      projectsByStage(projects, period).map(({ stage, projects: at }) => [stage, at.map((p) => p.name)]);
    expect(names('2023H1')).toEqual([
      ['construction', ['渝武高速公路复线']],
      ['preliminary', ['宝山大桥西延段']],
      ['negotiating', ['智点汽车']],
    ]);
    expect(names('2023D0826')[0]).toEqual(['construction', ['渝武高速公路复线', '广州中医药大学第一附属医院重庆医院']]);
  });
});

describe('a figure’s facts and comparisons', () => {
  it('finds the first fact in a unit and a comparison by its kind', () => {
    expect(factOf(H1.municipal, 'projects')?.value).toBe(22);
    expect(factOf(H1.municipal, 'firms')).toBeUndefined();
    expect(comparisonOf(H1.privateOutput, 'contribution')?.difference?.value).toBe(1.8);
    expect(comparisonOf(undefined, 'district')).toBeUndefined();
  });
});
