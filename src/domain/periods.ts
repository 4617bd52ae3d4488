import { PERIOD_PATTERN } from '../api/common';
import type { PeriodId } from '../api/common';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'ytd';

export interface ParsedPeriod {
  year: number;
  kind: PeriodKind;
  /** Half (1–2), quarter (1–4) or last month of a Jan–n cumulative period (1–12). */
  n: number;
  /** First and last month covered (1-based). */
  firstMonth: number;
  lastMonth: number;
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
  return { year, kind: 'year', n: 1, firstMonth: 1, lastMonth: 12 };
}

const DAY = 86_400_000;
const daysInYear = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY;

/** Last day of the period, as an ISO date. */
export function periodEndDate(id: PeriodId): string | null {
  const p = parsePeriod(id);
  if (!p) return null;
  return new Date(Date.UTC(p.year, p.lastMonth, 0)).toISOString().slice(0, 10);
}

/**
 * Share of the calendar year elapsed at the end of the period (序时进度): 2023H1 → 181/365
 * = 49.6 %; 2023M07 → 212/365. For a full year, 1.
 */
export function yearElapsedShare(id: PeriodId): number | null {
  const p = parsePeriod(id);
  if (!p) return null;
  const days = (Date.UTC(p.year, p.lastMonth, 1) - Date.UTC(p.year, 0, 1)) / DAY;
  return days / daysInYear(p.year);
}
