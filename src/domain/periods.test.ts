import { describe, expect, it } from 'vitest';
import { PeriodIdSchema } from '../api/common';
import { nearestPeriod, parsePeriod, periodEndDate, yearElapsedShare } from './periods';

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
