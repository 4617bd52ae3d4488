import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../api/kpis';
import { kpi } from '../../../tests/factories';
import { arrangeOverview, SKELETON_LAYOUT, sourceLines, sourceRows } from './model';

/** A district figure of the industry group, not in the headline row. */
const tile = (id: string, over: Partial<Kpi> = {}) => kpi(id, { group: 'industry', headline: false, ...over });

const GROUPS = ['industry', 'attraction', 'projects', 'private', 'sme'];

describe('arrangeOverview', () => {
  const items = [
    tile('share', { headline: true }),
    tile('signed', { group: 'attraction', headline: true }),
    tile('growth'),
    tile('sme', { group: 'sme' }),
    tile('sector-output-automotive', { sector: 'automotive' }),
  ];

  it('puts headline figures in their own row and the rest in groups, in the report order', () => {
    const layout = arrangeOverview(items, null, GROUPS);
    expect(layout.headline.map((k) => k.id)).toEqual(['share', 'signed']);
    expect(layout.groups.map((g) => [g.group, g.items.map((k) => k.id)])).toEqual([
      ['industry', ['growth']],
      ['sme', ['sme']],
    ]);
    expect(layout.sector).toEqual([]);
  });

  it('orders the groups as the catalog does, and keeps a group it does not name after them', () => {
    const layout = arrangeOverview([...items, tile('retail', { group: 'consumption' })], null, ['sme', 'industry']);
    expect(layout.groups.map((g) => g.group)).toEqual(['sme', 'industry', 'consumption']);
  });

  it('shows the chosen sector first, apart from the district-wide figures', () => {
    const layout = arrangeOverview(items, 'automotive', GROUPS);
    expect(layout.sector.map((k) => k.id)).toEqual(['sector-output-automotive']);
    expect(layout.groups.flatMap((g) => g.items).some((k) => k.sector !== null)).toBe(false);
  });

  it('draws a tile only for a figure with a value; a target alone goes to the targets row, nothing at all to one line', () => {
    const target = {
      period: '2023',
      kind: 'cumulative',
      value: { value: 150e8, unit: 'cny', provenance: { kind: 'reported', source: 'L32' } },
    } as const;
    const layout = arrangeOverview(
      [
        ...items,
        tile('investment', { value: null, valuePeriod: null, target }),
        tile('giants', { group: 'sme', value: null, valuePeriod: null, availablePeriods: ['2023D0826'] }),
        tile('sector-firms-automotive', { sector: 'automotive', value: null, valuePeriod: null }),
      ],
      'automotive',
      GROUPS,
    );
    expect(layout.groups.flatMap((g) => g.items.map((k) => k.id))).toEqual(['growth', 'sme']);
    expect(layout.targets.map((k) => k.id)).toEqual(['investment']);
    expect(layout.pending.map((k) => k.id)).toEqual(['giants', 'sector-firms-automotive']);
    expect(layout.sector.map((k) => k.id)).toEqual(['sector-output-automotive']);
  });

  it('has a skeleton with as many tiles as the district figures with a value at the default period (2023H1)', () => {
    expect(SKELETON_LAYOUT.headline + SKELETON_LAYOUT.groups.reduce((n, [, c]) => n + c, 0)).toBe(13);
  });
});

describe('sources', () => {
  const startRate = tile('start-rate', {
    value: { value: 65, unit: 'percent', provenance: { kind: 'reported', source: 'L52' } },
    comparisons: [
      {
        kind: 'cityAverage',
        reference: { value: 58, unit: 'percent', provenance: { kind: 'derived', formula: '65 − 7 (L52)' } },
        difference: { value: 7, unit: 'pp', provenance: { kind: 'reported', source: 'L52' } },
      },
    ],
    target: {
      period: '2023',
      kind: 'cumulative',
      value: { value: 4e10, unit: 'cny', provenance: { kind: 'reported', source: 'L54' } },
    },
  });

  it('lists every number of a tile with its provenance, the target with the target period', () => {
    expect(sourceRows([startRate]).map((r) => [r.role, r.period, r.provenance.source ?? r.provenance.formula])).toEqual(
      [
        ['value', '2023H1', 'L52'],
        ['reference', '2023H1', '65 − 7 (L52)'],
        ['difference', '2023H1', 'L52'],
        ['target', '2023', 'L54'],
      ],
    );
  });

  it('lists a running total’s own month and 环比 with their formulas, after the value', () => {
    const derived = (formula: string) => ({ kind: 'derived' as const, formula });
    const monthly = tile('retail-sales', {
      valuePeriod: '2024M02',
      value: { value: 27e8, unit: 'cny', provenance: { kind: 'reported', source: 'L1' } },
      monthValue: { value: 15e8, unit: 'cny', provenance: derived('2024M02 − 2024M01') },
      mom: { value: 25, unit: 'percent', provenance: derived('当月 2024M02 ÷ 当月 2024M01 − 1') },
    });
    expect(sourceRows([monthly]).map((r) => [r.role, r.period, r.provenance.source ?? r.provenance.formula])).toEqual([
      ['value', '2024M02', 'L1'],
      ['monthValue', '2024M02', '2024M02 − 2024M01'],
      ['mom', '2024M02', '当月 2024M02 ÷ 当月 2024M01 − 1'],
    ]);
  });

  it('collects the distinct report lines in line order for the printed footer', () => {
    const other = tile('x', {
      value: { value: 1, unit: 'firms', provenance: { kind: 'reported', source: 'L102' } },
      facts: [
        {
          label: { 'zh-CN': 'a', en: 'a' },
          value: { value: 2, unit: 'projects', provenance: { kind: 'reported', source: 'L56-L58' } },
        },
      ],
    });
    expect(sourceLines([other, startRate])).toEqual(['L52', 'L54', 'L56-L58', 'L102']);
  });
});
