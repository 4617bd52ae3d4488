import { describe, expect, it } from 'vitest';
import type { Measure } from '../api/common';
import {
  formatDate,
  formatDateAt,
  formatMeasure,
  formatMoney,
  formatMeasureParts,
  formatMonthShort,
  formatPeriod,
  formatShare,
  formatTime,
  splitFigures,
} from './format';

const src = { kind: 'reported', source: 'L1' } as const;
const m = (value: number, unit: Measure['unit'], digits?: number, qualifier?: Measure['qualifier']): Measure => ({
  value,
  unit,
  provenance: src,
  ...(digits === undefined ? {} : { digits }),
  ...(qualifier ? { qualifier } : {}),
});

describe('formatMeasure', () => {
  it.each([
    ['139.73亿元 (at most two decimals of B)', m(139.73e8, 'cny', 5), '139.73亿元', '¥13.97B'],
    ['180亿元 (to the 亿: a tenth of a billion, kept)', m(180e8, 'cny', 3), '180亿元', '¥18.0B'],
    ['1000亿元 target', m(1000e8, 'cny', 4), '1000亿元', '¥100.0B'],
    ['1023万元', m(1023e4, 'cny', 4), '1023万元', '¥10.23M'],
    ['150亿元以上', m(150e8, 'cny', 3, 'atLeast'), '150亿元以上', '≥ ¥15.0B'],
    ['近亿元', m(1e8, 'cny', 1, 'nearly'), '近1亿元', 'nearly ¥100M'],
    ['5500万元 (no zeros after the point in M)', m(5500e4, 'cny', 4), '5500万元', '¥55M'],
    ['580万余元 (the whole amount qualified)', m(580e4, 'cny', 3, 'over'), '580万余元', '¥5.8M+'],
    ['120万元', m(120e4, 'cny', 3), '120万元', '¥1.2M'],
    ['40万元', m(40e4, 'cny', 2), '40万元', '¥400K'],
    ['550.29亿元', m(550.29e8, 'cny', 5), '550.29亿元', '¥55.03B'],
    ['19.23亿元', m(19.23e8, 'cny', 4), '19.23亿元', '¥1.92B'],
    ['70亿元', m(70e8, 'cny', 2), '70亿元', '¥7.0B'],
    // Chinese money as it was given: in 元 where 万 would need more than two decimals, in 万 where 亿 would.
    ['34939元 (per capita income: not 3.4939万元)', m(34_939, 'cny', 5), '34,939元', '¥34.94K'],
    ['80000万元 as written (not 8.0000亿元)', m(8e8, 'cny', 5), '80,000万元', '¥800M'],
    ['2.5万元 (one decimal of 万)', m(2.5e4, 'cny', 2), '2.5万元', '¥25K'],
    ['5131.25万元 (two decimals of 万)', m(5131.25e4, 'cny', 6), '5131.25万元', '¥51.31M'],
    ['8.71万户', m(87_100, 'entities', 3), '8.71万户', '87,100 entities'],
    ['8000余户', m(8000, 'entities', 4, 'over'), '8000余户', '8,000+ entities'],
    ['1100余件', m(1100, 'cases', 4, 'over'), '1100余件', '1,100+ cases'],
    ['45.3%', m(45.3, 'percent', 3), '45.3%', '45.3%'],
    ['198个项目', m(198, 'projects', 3), '198个', '198 projects'],
    ['81家', m(81, 'firms', 2), '81家', '81 firms'],
    ['第4', m(4, 'rank', 1), '第4', '4th'],
    // English plural rules: one firm, one project, one entity, one case, one day.
    ['1家', m(1, 'firms', 1), '1家', '1 firm'],
    ['1个项目', m(1, 'projects', 1), '1个', '1 project'],
    ['1户', m(1, 'entities', 1), '1户', '1 entity'],
    ['1件', m(1, 'cases', 1), '1件', '1 case'],
    ['90天', m(90, 'days', 2), '90天', '90 days'],
    ['1天', m(1, 'days', 1), '1天', '1 day'],
    ['446米', m(446, 'metres', 3), '446米', '446 m'],
  ])('%s', (_name, measure, zh, en) => {
    expect(formatMeasure(measure, 'zh-CN')).toBe(zh);
    expect(formatMeasure(measure, 'en')).toBe(en);
  });

  it('signs changes with + and a true minus sign, keeping the reported precision', () => {
    expect(formatMeasure(m(10.0, 'percent', 3), 'zh-CN', { signed: true })).toBe('+10.0%');
    expect(formatMeasure(m(-5.4, 'percent', 2), 'en', { signed: true })).toBe('\u22125.4%');
    expect(formatMeasure(m(7.8, 'pp', 2), 'zh-CN', { signed: true })).toBe('+7.8个百分点');
    expect(formatMeasure(m(7.8, 'pp', 2), 'en', { signed: true })).toBe('+7.8 pp');
  });

  it('formats money without a reported precision with at most two decimals', () => {
    expect(formatMeasure({ value: 123_456_789, unit: 'cny', provenance: src }, 'zh-CN')).toBe('1.23亿元');
    expect(formatMeasure({ value: 123_456_789, unit: 'cny', provenance: src }, 'en')).toBe('¥123.46M');
  });

  it('splits number and unit for large display', () => {
    expect(formatMeasureParts(m(139.73e8, 'cny', 5), 'zh-CN')).toEqual([
      { text: '139.73', kind: 'number' },
      { text: '亿元', kind: 'unit' },
    ]);
  });
});

describe('periods and dates', () => {
  it.each([
    ['2022', '2022年', '2022'],
    ['2023H1', '2023年上半年', 'H1 2023'],
    ['2023H2', '2023年下半年', 'H2 2023'],
    ['2023Q3', '2023年第3季度', 'Q3 2023'],
    ['2023M07', '2023年1–7月累计', 'Jan–Jul 2023 (cumulative)'],
    ['2023M01', '2023年1月', 'Jan 2023'],
    // "截至目前": to the report's date, never called the full year.
    ['2023D0826', '截至报告发布（2023年8月26日）', 'As of the report (26 Aug 2023)'],
  ])('%s', (id, zh, en) => {
    expect(formatPeriod(id, 'zh-CN')).toBe(zh);
    expect(formatPeriod(id, 'en')).toBe(en);
  });

  it('names the target year as a full year', () => {
    expect(formatPeriod('2023', 'zh-CN', { target: true })).toBe('2023年全年');
    expect(formatPeriod('2023', 'en', { target: true })).toBe('2023 (full year)');
  });

  it('prints a date at the precision its source gives, never a made-up day', () => {
    expect(formatDateAt('2024-12-31', 'zh-CN', 'year')).toBe('2024年');
    expect(formatDateAt('2024-12-31', 'en', 'year')).toBe('2024');
    expect(formatDateAt('2026-01-01', 'zh-CN', 'year', '2028-12-31')).toBe('2026–2028年');
    expect(formatDateAt('2023-08-15', 'en', 'month')).toBe('Aug 2023');
    expect(formatDateAt('2023-08-26', 'zh-CN', 'before')).toBe('2023年8月26日前');
    expect(formatDateAt('2023-08-26', 'en', 'before')).toBe('by Aug 26, 2023');
    expect(formatDateAt('2023-08-26', 'en')).toBe('Aug 26, 2023');
  });

  it('labels monthly series points', () => {
    expect(formatMonthShort('2023M03', 'zh-CN', true)).toBe('1–3月');
    expect(formatMonthShort('2023M03', 'en', false)).toBe('Mar');
  });

  it('prints calendar dates without shifting them across time zones', () => {
    expect(formatDate('2023-08-26', 'zh-CN')).toBe('2023年8月26日');
    expect(formatDate('2023-08-26', 'en')).toBe('Aug 26, 2023');
  });

  it('prints every day of 2020–2030 as Intl.DateTimeFormat does, in both languages', () => {
    const intl = (locale: 'zh-CN' | 'en') =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: locale === 'en' ? 'short' : 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
    const formats = { 'zh-CN': intl('zh-CN'), en: intl('en') };
    let days = 0;
    for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000, days++) {
      const iso = new Date(t).toISOString().slice(0, 10);
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(formatDate(iso, locale)).toBe(formats[locale].format(new Date(t)));
      }
    }
    expect(days).toBe(4018);
  });

  it('returns anything that is not a calendar date as given', () => {
    for (const bad of ['2023-02-29', '2023-13-01', '2023-00-10', '2023-8-26', '2023-08-26T10:00', '', '<b>x</b>']) {
      expect(formatDate(bad, 'zh-CN')).toBe(bad);
    }
    expect(formatDate('2024-02-29', 'en')).toBe('Feb 29, 2024');
  });

  it('prints times of day as 24-hour hh:mm in local time, as Intl does', () => {
    for (const [h, m] of [
      [0, 0],
      [9, 5],
      [14, 5],
      [23, 59],
    ] as const) {
      const date = new Date(2023, 7, 26, h, m, 30);
      for (const locale of ['zh-CN', 'en'] as const) {
        const intl = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        expect(formatTime(date)).toBe(intl.format(date));
      }
    }
  });

  it('prints shares with one decimal', () => {
    expect(formatShare(181 / 365, 'zh-CN')).toBe('49.6%');
    expect(formatShare(0.45, 'en')).toBe('45.0%');
  });
});

describe('English money from a reported Chinese figure', () => {
  const en = (yuan: number, digits: number, options?: { signed?: boolean }) =>
    formatMeasure(m(yuan, 'cny', digits), 'en', options);

  it('never shows more than two decimals of its unit', () => {
    expect(en(139.73e8, 5)).toBe('¥13.97B');
    expect(en(56.67e8, 4)).toBe('¥5.67B');
    expect(en(1.1172e8, 5)).toBe('¥111.72M');
    expect(en(123_456, 6)).toBe('¥123.46K');
  });

  it('keeps the tenth of a billion of a figure reported to the 亿, and drops zeros of millions', () => {
    expect([en(180e8, 3), en(1000e8, 4), en(150e8, 3)]).toEqual(['¥18.0B', '¥100.0B', '¥15.0B']);
    expect([en(180e8, 5), en(180.5e8, 4)]).toEqual(['¥18.0B', '¥18.05B']);
    expect([en(5500e4, 4), en(1500e4, 4), en(5015e4, 4), en(3000e4, 4)]).toEqual(['¥55M', '¥15M', '¥50.15M', '¥30M']);
    expect([en(5e8, 1), en(4500, 2)]).toEqual(['¥500M', '¥4.5K']);
  });

  it('keeps fewer digits where fewer were reported, and rounds into the next unit', () => {
    expect(en(56.67e8, 2)).toBe('¥5.7B');
    expect(en(999.996e6, 6)).toBe('¥1B');
    expect(en(0, 1)).toBe('¥0');
  });

  it('signs changes and qualifies the whole amount', () => {
    expect(en(-12.5e8, 3, { signed: true })).toBe('\u2212¥1.25B');
    expect(en(5e6, 2, { signed: true })).toBe('+¥5M');
    expect(formatMeasure(m(580e4, 'cny', 3, 'over'), 'en')).toBe('¥5.8M+');
    expect(formatMeasure(m(150e8, 'cny', 3, 'atLeast'), 'en')).toBe('≥ ¥15.0B');
    expect(formatMeasureParts(m(580e4, 'cny', 3, 'over'), 'en')).toEqual([
      { text: '¥', kind: 'unit' },
      { text: '5.8', kind: 'number' },
      { text: 'M+', kind: 'unit' },
    ]);
  });
});

describe('formatMoney with exact precision', () => {
  it('keeps 0.01亿 precision in Chinese, and what English money makes of it', () => {
    expect(formatMoney(13_973_000_000, 'zh-CN', { exact: true })).toBe('139.73亿元');
    expect(formatMoney(13_973_000_000, 'en', { exact: true })).toBe('¥13.97B');
    expect(formatMoney(1_923_000_000, 'en', { exact: true })).toBe('¥1.92B');
    expect(formatMoney(51_310_000, 'en', { exact: true })).toBe('¥51.31M');
    expect(formatMoney(51_310_000, 'zh-CN', { exact: true })).toBe('5131万元');
    expect(formatMoney(0, 'zh-CN', { exact: true })).toBe('0元');
  });
});

describe('formatMoney without a reported precision (chart ticks, sums)', () => {
  it('prints up to two decimals in both languages, without trailing zeros', () => {
    const both = (yuan: number) => [formatMoney(yuan, 'zh-CN'), formatMoney(yuan, 'en')];
    expect(both(0)).toEqual(['0元', '¥0']);
    expect(both(3e9)).toEqual(['30亿元', '¥3B']);
    expect(both(4.5e9)).toEqual(['45亿元', '¥4.5B']);
    expect(both(1.234e9)).toEqual(['12.34亿元', '¥1.23B']);
    expect(both(5e7)).toEqual(['5000万元', '¥50M']);
    expect(both(-2.5e4)).toEqual(['−2.5万元', '−¥25K']);
  });
});

describe('splitFigures: the figures of a text, each with its unit', () => {
  const figures = (text: string) => splitFigures(text).flatMap((p) => (p.figure ? [p.text] : []));

  it('finds what the formatters write, with qualifiers, signs and unit words', () => {
    expect(figures('2023年全年目标：400亿元')).toEqual(['400亿元']);
    expect(figures('民营经济市场主体8.71万户，新发展8000余户')).toEqual(['8.71万户', '8000余户']);
    expect(figures('150亿元以上；近1亿元；580万余元')).toEqual(['150亿元以上', '近1亿元', '580万余元']);
    expect(figures('比全市平均（58%）高 7 个百分点')).toEqual(['58%', '7 个百分点']);
    expect(figures('同比 +41%，▼ −5.4%')).toEqual(['+41%', '−5.4%']);
    expect(figures('Target 2023 (full year): ≥ ¥15.0B')).toEqual(['≥ ¥15.0B']);
    expect(figures('87,100 entities, 8,000+ entities, ¥5.8M+ and nearly ¥100M')).toEqual([
      '87,100 entities',
      '8,000+ entities',
      '¥5.8M+',
      'nearly ¥100M',
    ]);
    expect(figures('behind schedule by 4.6 points; +7.8 pp; 1 firm; 446 m')).toEqual([
      '4.6 points',
      '+7.8 pp',
      '1 firm',
      '446 m',
    ]);
  });

  it('leaves bare numbers, dates and ordinals in the text', () => {
    expect(figures('2023年1–7月累计，报告第62段，第4，A26地块，5G+工业互联网')).toEqual([]);
    expect(figures('Jan–Jul 2023, line 38, 3 months')).toEqual([]);
  });

  it('gives back the whole text, in order', () => {
    const text = '签约资金180亿元，完成 45.0% · 序时 49.6%';
    expect(splitFigures(text)).toEqual([
      { text: '签约资金', figure: false },
      { text: '180亿元', figure: true },
      { text: '，完成 ', figure: false },
      { text: '45.0%', figure: true },
      { text: ' · 序时 ', figure: false },
      { text: '49.6%', figure: true },
    ]);
  });
});
