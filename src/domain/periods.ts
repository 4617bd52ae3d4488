import { PERIOD_PATTERN } from '../api/common';
import type { PeriodId } from '../api/common';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'ytd' | 'toDate';

export interface ParsedPeriod {
  year: number;
  kind: PeriodKind;
  /** Half (1–2), quarter (1–4) or last month of a Jan–n cumulative period (1–12). */
  n: number;
  /** First and last month covered (1-based). */
  firstMonth: number;
  lastMonth: number;
  /** Last day covered, for a period to a date (`toDate`); otherwise the month's last day is meant. */
  lastDay?: number;
}

export function parsePeriod(id: PeriodId): ParsedPeriod | null {
  const match = PERIOD_PATTERN.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) {
    const n = Number(match[2]);
    return { year, kind: 'half', n, firstMonth: n === 1 ? 1 : 7, lastMonth: n * 6 };
  }
  if (match[3]) {
    const n = Number(match[3]);
    return { year, kind: 'quarter', n, firstMonth: n * 3 - 2, lastMonth: n * 3 };
  }
  if (match[4]) {
    const n = Number(match[4]);
    return { year, kind: 'ytd', n, firstMonth: 1, lastMonth: n };
  }
  if (match[5] && match[6]) {
    const month = Number(match[5]);
    const day = Number(match[6]);
    // 2023D0231 has the grammar of a date but is none.
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
    return { year, kind: 'toDate', n: month, firstMonth: 1, lastMonth: month, lastDay: day };
  }
  return { year, kind: 'year', n: 1, firstMonth: 1, lastMonth: 12 };
}

const DAY = 86_400_000;
const daysInYear = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY;

/** Last day of the period, as an ISO date. */
export function periodEndDate(id: PeriodId): string | null {
  const p = parsePeriod(id);
  if (!p) return null;
  const end = p.lastDay === undefined ? Date.UTC(p.year, p.lastMonth, 0) : Date.UTC(p.year, p.lastMonth - 1, p.lastDay);
  return new Date(end).toISOString().slice(0, 10);
}

/**
 * Share of the calendar year elapsed at the end of the period (序时进度): 2023H1 → 181/365
 * = 49.6 %; 2023M07 → 212/365; 2023D0826 → 238/365. For a full year, 1.
 */
export function yearElapsedShare(id: PeriodId): number | null {
  const p = parsePeriod(id);
  if (!p) return null;
  const end =
    p.lastDay === undefined ? Date.UTC(p.year, p.lastMonth, 1) : Date.UTC(p.year, p.lastMonth - 1, p.lastDay + 1);
  return (end - Date.UTC(p.year, 0, 1)) / DAY / daysInYear(p.year);
}

/**
 * Of `candidates`, the period whose end lies closest to the end of `period` (the later one on a
 * tie): what to show when `period` has nothing to show. 2023H1 → 2023M07 rather than 2022.
 */
export function nearestPeriod(period: PeriodId, candidates: readonly PeriodId[]): PeriodId | null {
  const end = periodEndDate(period);
  let best: { id: PeriodId; distance: number; end: string } | null = null;
  for (const id of candidates) {
    const e = periodEndDate(id);
    if (id === period || end === null || e === null) continue;
    const distance = Math.abs(Date.parse(e) - Date.parse(end));
    if (!best || distance < best.distance || (distance === best.distance && e > best.end)) {
      best = { id, distance, end: e };
    }
  }
  return best?.id ?? null;
}

/**
 * Periods for a chooser: by year, the latest year first; in a year the latest end first (of two
 * with the same end, the shorter: a quarter before the half-year it closes), and the year's
 * targets last. Ids that are no period are left out.
 */
export function periodsByYear<P extends { id: PeriodId; kind: 'actual' | 'target' }>(
  periods: readonly P[],
): { year: number; periods: P[] }[] {
  const rows = periods.flatMap((p) => {
    const parsed = parsePeriod(p.id);
    const end = periodEndDate(p.id);
    return parsed && end ? [{ p, year: parsed.year, end, span: parsed.lastMonth - parsed.firstMonth }] : [];
  });
  rows.sort(
    (a, b) =>
      b.year - a.year ||
      Number(a.p.kind === 'target') - Number(b.p.kind === 'target') ||
      // ISO dates order as strings; plain comparison, no collator (localeCompare sets one up on first use).
      (a.end < b.end ? 1 : a.end > b.end ? -1 : 0) ||
      a.span - b.span,
  );
  const years: { year: number; periods: P[] }[] = [];
  for (const { p, year } of rows) {
    const last = years.at(-1);
    if (last?.year === year) last.periods.push(p);
    else years.push({ year, periods: [p] });
  }
  return years;
}
