import { describe, expect, it } from 'vitest';
import { H1, pct } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { behindSchedule } from '../../../domain/pace';
import { figuresOf, paragraphsOf, writerFor } from '../writer.fixtures';
import { behindSection } from './behind';

const withoutTask = [H1.signed, H1.arrived].map((k) => ({ ...k, periodTarget: null }));

describe('behindSection', () => {
  it('says what is behind by linear pace, the furthest behind first, as a reckoning said once', () => {
    const paragraphs = behindSection(behindSchedule(withoutTask), writerFor('zh-CN'));
    expect(paragraphsOf(paragraphs)).toEqual([
      '按全年目标的序时进度测算，签约资金完成全年目标的45.0%，慢于序时进度4.6个百分点；' +
        '到位资金完成全年目标的46.7%，慢于序时进度2.9个百分点。',
    ]);
    expect(paragraphsOf(behindSection(behindSchedule(withoutTask), writerFor('en')))).toEqual([
      'Reckoned by linear pace through the year, investment signed reached 45.0% of the annual target, 4.6 points behind schedule; ' +
        'investment arrived reached 46.7% of the annual target, 2.9 points behind schedule.',
    ]);
    // The shares are the briefing's own reckoning, each with the sum it comes from.
    expect(figuresOf(paragraphs[0]!).map((f) => [f.text, f.provenance])).toEqual([
      ['45.0%', { kind: 'derived', formula: '180亿元 ÷ 400亿元' }],
      ['4.6个百分点', { kind: 'derived', formula: '45.0% − 49.6%' }],
      ['46.7%', { kind: 'derived', formula: '70亿元 ÷ 150亿元以上' }],
      ['2.9个百分点', { kind: 'derived', formula: '46.7% − 49.6%' }],
    ]);
  });

  it('says a reported period target missed by its completion', () => {
    const missed = { ...H1.keyProjects, planCompletion: pct(87.5, 3, reported('L56')) };
    expect(paragraphsOf(behindSection(behindSchedule([missed]), writerFor('en')))).toEqual([
      'Key construction projects: investment completed reached 87.5% of the period’s target, short of it.',
    ]);
  });

  it('writes nothing when nothing is behind (the task’s 156 % is met)', () => {
    expect(behindSection(behindSchedule([H1.signed, H1.arrived]), writerFor('zh-CN'))).toEqual([]);
  });
});
