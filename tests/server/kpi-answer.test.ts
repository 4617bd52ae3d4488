/**
 * `/kpis` as sent: each set of periods and each trend point's source listed once per answer and
 * named by index (three years of months made every tile repeat its 37 periods and every point its
 * provenance: half of a 127 KB answer). What the app reads after parsing is what the server
 * computed, tile for tile, and the sources dialog lists the same provenance.
 */
import { describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Figures } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import type { KpiDefinition } from '../../data/report';
import { compactKpiList, kpiList } from '../../server/answers/figures';
import type { Provenance } from '../../src/api/common';
import { KpiListSchema } from '../../src/api/kpis';
import type { KpiList, KpiListSent } from '../../src/api/kpis';
import { sourceRows } from '../../src/features/kpis/model';

const MONTHS = ['2024M01', '2024M02', '2024M03'];
const FILE = '经济运行月报-2024M03.xlsx';
const imported = (row: number, file = FILE): Provenance => ({
  kind: 'imported',
  import: { file, version: 4, sheet: '指标', row },
});

/** A monthly figure whose trend the March workbook gives, one row a month, and a second one from the same sheet. */
const monthly = (id: string, firstRow: number): KpiDefinition => ({
  id,
  group: 'industry',
  label: { 'zh-CN': id, en: id },
  sector: null,
  headline: false,
  values: Object.fromEntries(
    MONTHS.map((period, i) => [
      period,
      {
        value: { value: 10 + i, unit: 'cny', provenance: imported(firstRow + i, `经济运行月报-${period}.xlsx`) },
        series: {
          unit: 'cny',
          cumulative: true,
          points: MONTHS.slice(0, i + 1).map((p, j) => ({
            period: p,
            value: 10 + j,
            provenance: imported(firstRow + j),
          })),
        },
      },
    ]),
  ),
});

const months: Figures = {
  ...reportDataset,
  meta: {
    ...reportDataset.meta,
    periods: [...reportDataset.meta.periods, ...MONTHS.map((id) => ({ id, kind: 'actual' as const }))],
  },
  kpis: [...reportDataset.kpis, monthly('retail', 5), monthly('exports', 20)],
};

/** The answer as a server or the mock API sends it. */
const sent = (list: KpiList) => JSON.parse(JSON.stringify(compactKpiList(list))) as KpiListSent;
/** The answer as computed, without its way of being sent. */
const computed = (list: KpiList) => ({ ...list });

describe('/kpis as sent', () => {
  it('says which way an indicator is better where its catalog says so, and nothing where it does not', () => {
    const said: Figures = {
      ...months,
      kpis: months.kpis.map((k) => (k.id === 'retail' ? { ...k, direction: 'lower' as const } : k)),
    };
    const items = KpiListSchema.parse(sent(kpiList(said, '2024M03', null))).items;
    expect(items.find((k) => k.id === 'retail')?.direction).toBe('lower');
    expect(items.find((k) => k.id === 'exports')).not.toHaveProperty('direction');
  });

  it('lists each set of periods once; a tile names its own by index', () => {
    const list = kpiList(months, '2024M03', 'electronics');
    const body = sent(list);
    const sets = body.periodSets ?? [];
    expect(new Set(sets.map((s) => s.join())).size).toBe(sets.length);
    expect(sets.length).toBeLessThan(body.items.length / 2);
    body.items.forEach((kpi, i) => {
      expect(kpi.availablePeriods).toBeUndefined();
      expect(sets[kpi.periods!]).toEqual(list.items[i]?.availablePeriods);
    });
  });

  it('lists each source of the trend points once; a point from another row of its sheet names its row', () => {
    const body = sent(kpiList(months, '2024M03', null));
    expect(body.sources).toEqual([imported(5)]);
    const points = (id: string) => body.items.find((k) => k.id === id)?.series?.points;
    expect(points('retail')).toEqual([
      { period: '2024M01', value: 10, source: 0 },
      { period: '2024M02', value: 11, source: 0, row: 6 },
      { period: '2024M03', value: 12, source: 0, row: 7 },
    ]);
    expect(points('exports')?.map((p) => [p.source, p.row])).toEqual([
      [0, 20],
      [0, 21],
      [0, 22],
    ]);
  });

  it('is read by the app as computed, tile for tile, with the same sources in the sources dialog', () => {
    for (const period of ['2024M02', '2024M03', '2023H1']) {
      const list = kpiList(months, period, 'automotive');
      const read = KpiListSchema.parse(sent(list));
      expect(read).toEqual(computed(list));
      expect(sourceRows(read.items).map((r) => [r.kpi.id, r.role, r.period, r.provenance])).toEqual(
        sourceRows(list.items).map((r) => [r.kpi.id, r.role, r.period, r.provenance]),
      );
    }
    const march = KpiListSchema.parse(sent(kpiList(months, '2024M03', null)));
    const trend = sourceRows(march.items).filter((r) => r.kpi.id === 'retail' && r.role === 'trend');
    expect(trend.map((r) => [r.period, r.provenance])).toEqual([
      ['2024M01', imported(5)],
      ['2024M02', imported(6)],
    ]);
  });

  it('is read as computed for every period and sector of the report and of the sample', () => {
    for (const dataset of [reportDataset, demoDataset]) {
      for (const { id: period } of dataset.meta.periods) {
        for (const sector of [null, ...dataset.meta.sectors.map((s) => s.id)]) {
          const list = kpiList(dataset, period, sector);
          expect(KpiListSchema.parse(sent(list))).toEqual(computed(list));
        }
      }
    }
  });

  it('may still come whole (as the wall screen saved it)', () => {
    const list = computed(kpiList(months, '2024M03', null));
    expect(KpiListSchema.parse(JSON.parse(JSON.stringify(list)))).toEqual(list);
  });

  it('is refused, naming where, when a tile or trend point names no entry of the answer', () => {
    const body = sent(kpiList(months, '2024M03', null));
    const retail = body.items.findIndex((k) => k.id === 'retail');
    const noSet = structuredClone(body);
    noSet.items[0]!.periods = body.periodSets!.length;
    const noSource = structuredClone(body);
    noSource.items[retail]!.series!.points[1]!.source = body.sources!.length;
    const neither = structuredClone(body);
    delete neither.items[retail]!.series!.points[1]!.source;
    const where = (broken: KpiListSent) =>
      KpiListSchema.safeParse(broken).error?.issues.map((i) => [i.path, i.message]);
    expect(where(noSet)).toEqual([[['items', 0, 'periods'], 'names no entry of the answer']]);
    const point = ['items', retail, 'series', 'points', 1, 'source'];
    expect(where(noSource)).toEqual([[point, 'names no entry of the answer']]);
    expect(where(neither)).toEqual([[point, 'names no entry of the answer']]);
  });
});
