import { describe, expect, it } from 'vitest';
import { annualProgress } from '../../../domain/briefingSections';
import { H1, yi } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import type { Locale } from '../../../lib/i18n';
import { textOf, writerFor } from '../writer.fixtures';
import { progressParagraph } from './progress';

const signedAt = (v: number, task = false) => ({
  ...H1.signed,
  value: yi(v, 3, reported('L52')),
  ...(task ? {} : { periodTarget: null }),
});
const written = (items: Parameters<typeof annualProgress>[0], locale: Locale = 'zh-CN') =>
  textOf(progressParagraph(annualProgress(items, '2023H1'), writerFor(locale)));

describe('progressParagraph', () => {
  it('says only how far the year’s targets are reached beside the task’s own verdict (L52)', () => {
    expect(written([H1.signed, H1.arrived])).toBe(
      '签约资金完成全年目标（400亿元）的45.0%；到位资金完成全年目标（150亿元以上）的46.7%。',
    );
    expect(written([H1.signed, H1.arrived], 'en')).toBe(
      'Investment signed reached 45.0% of the annual target (¥40.0B); investment arrived reached 46.7% of the annual target (≥ ¥15.0B).',
    );
  });

  it('reckons by 序时进度 for a figure without a reported verdict: ahead, or level with the calendar', () => {
    expect(written([signedAt(260)])).toBe(
      '按全年目标的序时进度测算，签约资金完成全年目标（400亿元）的65.0%，快于序时进度15.4个百分点。',
    );
    expect(written([signedAt(198.4)])).toBe(
      '按全年目标的序时进度测算，签约资金完成全年目标（400亿元）的49.6%，与序时进度持平。',
    );
  });

  it('says a run of reckonings is one once, and again after a clause that is not', () => {
    const arrivedAt = (v: number) => ({ ...H1.arrived, value: yi(v, 3, reported('L53')), periodTarget: null });
    expect(written([signedAt(260), arrivedAt(80)])).toBe(
      '按全年目标的序时进度测算，签约资金完成全年目标（400亿元）的65.0%，快于序时进度15.4个百分点；' +
        '到位资金完成全年目标（150亿元以上）的53.3%，快于序时进度3.7个百分点。',
    );
    expect(written([signedAt(420), arrivedAt(80)], 'en')).toBe(
      'Investment signed reached 105.0% of the annual target (¥40.0B), already beyond the annual target; ' +
        'reckoned by linear pace through the year, investment arrived reached 53.3% of the annual target (≥ ¥15.0B), 3.7 points ahead of schedule.',
    );
    expect(written([signedAt(260), { ...H1.arrived, value: yi(200, 3, reported('L53')), periodTarget: null }])).toBe(
      '按全年目标的序时进度测算，签约资金完成全年目标（400亿元）的65.0%，快于序时进度15.4个百分点；' +
        '到位资金完成全年目标（150亿元以上）的133.3%，已超额完成全年目标。',
    );
  });

  it('says the year’s target met at exactly 100 %, as the tile does, and exceeded above it', () => {
    expect(written([signedAt(400)])).toBe('签约资金完成全年目标（400亿元）的100.0%，已完成全年目标。');
    expect(written([signedAt(400)], 'en')).toBe(
      'Investment signed reached 100.0% of the annual target (¥40.0B), the annual target met.',
    );
    expect(written([signedAt(420, true)])).toBe('签约资金完成全年目标（400亿元）的105.0%，已超额完成全年目标。');
    expect(written([signedAt(420)], 'en')).toBe(
      'Investment signed reached 105.0% of the annual target (¥40.0B), already beyond the annual target.',
    );
  });

  it('writes nothing without a figure with an annual target', () => {
    expect(written([H1.gdpShare])).toBeNull();
  });
});
