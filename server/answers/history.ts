/**
 * `/kpis/{id}/history`: every period an indicator has in a data version, with the month's own
 * value (当月), 同比 and 环比 derived where the figures allow (src/domain/derive.ts), and its
 * targets. The data service (server/routes/kpis.ts) and the mock API answer through it.
 */
import type { PeriodId, Series } from '../../src/api/common';
import type { KpiHistory, KpiHistoryPoint } from '../../src/api/history';
import { monthOnMonth, monthValue, yearOnYear } from '../../src/domain/derive';
import { parsePeriod, periodEndDate } from '../../src/domain/periods';
import type { Figures } from '../../data/dataset';
import type { KpiDefinition } from '../../data/report';
import { ServiceError } from '../errors';
import { sectorKpis } from './figures';

/** Earliest end first; on the same end the shorter period (a month before the half-year it closes). */
export function periodOrder(a: PeriodId, b: PeriodId): number {
  const [ea, eb] = [periodEndDate(a) ?? '', periodEndDate(b) ?? ''];
  if (ea !== eb) return ea < eb ? -1 : 1;
  const span = (id: PeriodId) => {
    const p = parsePeriod(id);
    return p ? p.lastMonth - p.firstMonth : 0;
  };
  return span(a) - span(b);
}

/** The indicator's history: its values in period order, with what is derived from them. */
export function historyOf(def: KpiDefinition, periods: readonly PeriodId[]): KpiHistory {
  const own = periods.filter((p) => def.values[p] !== undefined).sort(periodOrder);
  const measures = own.flatMap((period) => {
    const v = def.values[period];
    return v ? [{ period, v }] : [];
  });
  const first = measures[0]?.v.value;
  const series: Series | null = first
    ? {
        unit: first.unit,
        cumulative: def.cumulative === true,
        points: measures.map(({ period, v }) => ({ period, value: v.value.value, provenance: v.value.provenance })),
      }
    : null;
  // 当月 and 环比 only where the catalog says how the figures add up.
  const known = series !== null && def.cumulative !== undefined;
  const points = measures.map(({ period, v }): KpiHistoryPoint => {
    const month = known && series.cumulative ? monthValue(series, period) : null;
    return {
      period,
      value: v.value,
      monthValue: month && { value: month.value, unit: v.value.unit, provenance: month.provenance },
      yoy: v.yoy ?? (series && yearOnYear(series, period)),
      mom: known ? monthOnMonth(series, period) : null,
      planCompletion: v.planCompletion ?? null,
    };
  });
  return {
    id: def.id,
    group: def.group,
    label: def.label,
    sector: def.sector,
    ...(def.direction ? { direction: def.direction } : {}),
    cumulative: def.cumulative ?? null,
    points,
    targets: def.target ? [def.target] : [],
  };
}

/** The history of indicator `id` (a catalog indicator or a sector's), or a 404. */
export function kpiHistory(figures: Figures, id: string): KpiHistory {
  const def = [...figures.kpis, ...sectorKpis(figures)].find((d) => d.id === id);
  if (!def) throw new ServiceError('not_found', `no indicator ${JSON.stringify(id.slice(0, 60))}`);
  return historyOf(
    def,
    figures.meta.periods.map((p) => p.id),
  );
}
