import { describe, expect, it } from 'vitest';
import { PeriodIdSchema } from '../api/common';
import { nearestPeriod, parsePeriod, periodEndDate, periodsByYear, yearElapsedShare } from './periods';

describe('periods to a date (YYYYDmmdd)', () => {
  it('reads 2023D0826 as 1 January to 26 August 2023', () => {
    expect(PeriodIdSchema.safeParse('2023D0826').success).toBe(true);
    expect(parsePeriod('2023D0826')).toMatchObject({ year: 2023, kind: 'toDate', lastMonth: 8, lastDay: 26 });
    expect(periodEndDate('2023D0826')).toBe('2023-08-26');
    expect(yearElapsedShare('2023D0826')).toBeCloseTo(238 / 365, 10);
  });

  it('refuses what is not a day', () => {
    expect(PeriodIdSchema.safeParse('2023D1301').success).toBe(false);
    expect(PeriodIdSchema.safeParse('2023D0832').success).toBe(false);
    expect(parsePeriod('2023D0231')).toBeNull();
  });

  it('keeps the old ids: 2023 is still the full year', () => {
    expect(parsePeriod('2023')).toMatchObject({ kind: 'year', lastMonth: 12 });
    expect(periodEndDate('2023H1')).toBe('2023-06-30');
  });
});

describe('nearestPeriod', () => {
  it('picks the period ending closest to the one asked for, the later one on a tie', () => {
    const all = ['2022', '2023H1', '2023M07', '2023D0826', '2023'];
    expect(nearestPeriod('2023H1', all)).toBe('2023M07');
    expect(nearestPeriod('2023H1', ['2022', '2023D0826'])).toBe('2023D0826');
    expect(nearestPeriod('2023M07', ['2023M06', '2023M08'])).toBe('2023M08');
    expect(nearestPeriod('2023H1', ['2023H1'])).toBeNull();
  });
});

describe('periodsByYear', () => {
  const actual = (id: string) => ({ id, kind: 'actual' as const });
  const ids = (groups: ReturnType<typeof periodsByYear>) => groups.map((g) => [g.year, g.periods.map((p) => p.id)]);

  it("groups the report's periods by year, latest first, the year's targets last", () => {
    const periods = [
      actual('2022'),
      actual('2023H1'),
      actual('2023M07'),
      actual('2023D0826'),
      { id: '2023', kind: 'target' as const },
    ];
    expect(ids(periodsByYear(periods))).toEqual([
      [2023, ['2023D0826', '2023M07', '2023H1', '2023']],
      [2022, ['2022']],
    ]);
  });

  it('orders three years of months latest first, a quarter before the half-year it closes', () => {
    const months = [2023, 2024, 2025].flatMap((y) =>
      Array.from({ length: 12 }, (_, m) => actual(`${y}M${String(m + 1).padStart(2, '0')}`)),
    );
    const groups = periodsByYear([...months, actual('2024H1'), actual('2024Q2'), actual('2023')]);
    expect(groups.map((g) => g.year)).toEqual([2025, 2024, 2023]);
    expect(groups[0]?.periods.map((p) => p.id)).toEqual(
      months
        .slice(24)
        .reverse()
        .map((p) => p.id),
    );
    expect(groups[1]?.periods.slice(5, 9).map((p) => p.id)).toEqual(['2024M07', '2024Q2', '2024M06', '2024H1']);
    // The full year 2023 ends with December: it comes before the months it sums up.
    expect(groups[2]?.periods.slice(0, 2).map((p) => p.id)).toEqual(['2023M12', '2023']);
  });

  it('leaves out what is no period', () => {
    expect(ids(periodsByYear([actual('2023D0231'), actual('2023M07')]))).toEqual([[2023, ['2023M07']]]);
  });
});
