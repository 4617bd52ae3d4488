/**
 * The sample dataset (`npm run demo`): the report's figures with illustrative volume around them,
 * so the trends, the tracker and the period selector have something to show. Monthly figures
 * lead up to each reported cumulative total and add up to it exactly; the 198 key projects carry
 * illustrative money that sums to the reported 139.73亿元. Never part of the default dataset:
 * `meta.sample` is set, and every screen and export of it says 演示数据 · 非正式统计.
 *
 * The demo database is loaded from it through the monthly import (the workbooks in data/demo/,
 * written by `npm run demo:workbooks`); the mock API serves it as the `demo` scenario.
 */
import type { Measure, PeriodId, Series, SeriesPoint } from '../src/api/common';
import type { PeriodInfo } from '../src/api/meta';
import { periodEndDate } from '../src/domain/periods';
import { reportDataset } from './dataset';
import type { Dataset, SectorFigureRow } from './dataset';
import { apportion, illustrative } from './measure';
import { demoProjects } from './projects';
import type { KpiDefinition, KpiPeriodValue } from './report';

const MONTH_WEIGHTS = [0.8, 0.7, 1.0, 1.0, 1.05, 1.1, 1.05, 1.0, 1.05, 1.1, 1.1, 1.2];

const monthId = (year: string, month: number): PeriodId => `${year}M${String(month).padStart(2, '0')}`;

/**
 * Monthly cumulative points whose last point is the reported total; the months before it are
 * illustrative and add up to exactly that total.
 */
export function cumulativeSeries(year: string, months: number, total: Measure, weights = MONTH_WEIGHTS): Series {
  const monthly = apportion(Math.round(total.value), weights.slice(0, months), total.unit === 'cny' ? 1e6 : 1);
  let running = 0;
  const points: SeriesPoint[] = monthly.map((v, i) => {
    running += v;
    const last = i === months - 1;
    return {
      period: monthId(year, i + 1),
      value: last ? total.value : running,
      provenance: last ? total.provenance : illustrative,
    };
  });
  return { unit: total.unit, cumulative: true, points };
}

/** Monthly levels (not totals) ending at a reported value, e.g. market entities at the end of each month. */
function levelSeries(year: string, values: readonly number[], last: Measure): Series {
  return {
    unit: last.unit,
    cumulative: false,
    points: values.map((v, i) => {
      const isLast = i === values.length - 1;
      return {
        period: monthId(year, i + 1),
        value: isLast ? last.value : v,
        provenance: isLast ? last.provenance : illustrative,
      };
    }),
  };
}

/** The series each headline figure of 2023 H1 gets in the sample. */
const KPI_SERIES: Record<string, (value: Measure) => Series> = {
  'investment-signed': (v) => cumulativeSeries('2023', 6, v),
  'investment-arrived': (v) => cumulativeSeries('2023', 6, v),
  'key-projects': (v) => cumulativeSeries('2023', 6, v),
  'private-entities': (v) => levelSeries('2023', [80_300, 81_500, 82_800, 84_100, 85_500, 87_100], v),
};

/** The months before a series' last point, as figures of their own (what an office imports month by month). */
const earlierMonths = (series: Series): [PeriodId, Measure][] =>
  series.points.slice(0, -1).map((p) => [p.period, { value: p.value, unit: series.unit, provenance: p.provenance }]);

function demoKpis(kpis: readonly KpiDefinition[]): KpiDefinition[] {
  return kpis.map((k) => {
    const h1 = k.values['2023H1'];
    const make = KPI_SERIES[k.id];
    if (!h1 || !make) return k;
    const series = make(h1.value);
    const values: Partial<Record<PeriodId, KpiPeriodValue>> = { ...k.values, '2023H1': { ...h1, series } };
    for (const [period, value] of earlierMonths(series)) values[period] = { value };
    return { ...k, values };
  });
}

/** Monthly output of the sectors whose output the report gives for 2022 and for January–July 2023. */
function demoSectorFigures(rows: readonly SectorFigureRow[]): SectorFigureRow[] {
  const out: SectorFigureRow[] = [];
  for (const row of rows) {
    const months = row.period === '2022' ? 12 : row.period === '2023M07' ? 7 : 0;
    if (!row.output || months === 0) {
      out.push(row);
      continue;
    }
    const series = cumulativeSeries(row.period.slice(0, 4), months, row.output);
    for (const [period, output] of earlierMonths(series)) {
      out.push({ sector: row.sector, period, output, series: null });
    }
    out.push({ ...row, series });
  }
  return out;
}

/** The report's periods and the sample's months, in time order (the report's own order on a tie). */
function demoPeriods(dataset: Omit<Dataset, 'meta'>, base: readonly PeriodInfo[]): PeriodInfo[] {
  const used = new Set<PeriodId>([
    ...dataset.kpis.flatMap((k) => Object.keys(k.values)),
    ...dataset.sectorFigures.map((f) => f.period),
  ]);
  const order = new Map(base.map((p, i) => [p.id, i]));
  const added = [...used].filter((id) => !order.has(id)).map((id): PeriodInfo => ({ id, kind: 'actual' }));
  const end = (id: PeriodId) => periodEndDate(id) ?? '';
  return [...base, ...added].sort(
    (a, b) =>
      (end(a.id) < end(b.id) ? -1 : end(a.id) > end(b.id) ? 1 : 0) ||
      (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) ||
      (a.id < b.id ? -1 : 1),
  );
}

function buildDemo(): Dataset {
  const kpis = demoKpis(reportDataset.kpis);
  const sectorFigures = demoSectorFigures(reportDataset.sectorFigures);
  const rest = { kpis, sectorFigures, namedFirms: reportDataset.namedFirms, projects: demoProjects };
  return {
    meta: { ...reportDataset.meta, periods: demoPeriods(rest, reportDataset.meta.periods), sample: true },
    ...rest,
  };
}

/** The sample dataset: never the default, always labelled. */
export const demoDataset: Dataset = buildDemo();
