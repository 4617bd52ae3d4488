import { describe, expect, it } from 'vitest';
import { derivedFrom, pct, yi } from '../../domain/briefing.fixtures';
import { reported } from '../../../tests/factories';
import { figuresOf, textOf, writerFor } from './writer.fixtures';

describe('the briefing writer', () => {
  const zh = writerFor('zh-CN');
  const en = writerFor('en');

  it('fills a template with figures as the tiles print them, each with its label, period and source', () => {
    const sentence = zh.sentence('attraction.arrived', {
      value: zh.figure(yi(70, 2, reported('L52')), '到位资金'),
      dir: zh.direction(pct(41, 2, reported('L52'))),
      yoy: zh.change(pct(41, 2, reported('L52')), '到位资金'),
    });
    expect(textOf(sentence)).toBe('到位资金70亿元，同比增长41%');
    expect(figuresOf(sentence)).toEqual([
      { kind: 'figure', text: '70亿元', label: '到位资金', period: '2023H1', provenance: reported('L52') },
      { kind: 'figure', text: '41%', label: '到位资金', period: '2023H1', provenance: reported('L52'), change: 41 },
    ]);
  });

  it('writes a fall as 下降 and its size without a sign, the change kept for the ▼', () => {
    const fall = pct(-3.5, 2, reported('L52'));
    const s = zh.sentence('overall.outputGrowth', { dir: zh.direction(fall), value: zh.change(fall, 'x') });
    expect(textOf(s)).toBe('规上工业总产值同比下降3.5%');
    expect(figuresOf(s)[0]).toMatchObject({ text: '3.5%', change: -3.5 });
  });

  it('makes no sentence when a figure is missing or only illustrative', () => {
    expect(zh.sentence('attraction.arrivedNoYoy', { value: zh.figure(null, '到位资金') })).toBeNull();
    const illustrative = { ...yi(70, 2, reported('L52')), provenance: { kind: 'illustrative' as const } };
    expect(zh.figure(illustrative, '到位资金')).toBeNull();
  });

  it('says a derived figure is an estimate in the words: 约, an estimated, about', () => {
    const rate = pct(-5.4, 2, derivedFrom('2.4 − 7.8 (L81)'));
    const amount = yi(918.7, 4, derivedFrom('550.29亿元 ÷ 59.9% (L36)'));
    expect(textOf(zh.sentence('overall.outputGrowth', { dir: zh.direction(rate), value: zh.change(rate, 'x') }))).toBe(
      '规上工业总产值同比下降约5.4%',
    );
    expect(textOf(en.sentence('overall.outputGrowth', { dir: en.direction(rate), value: en.change(rate, 'x') }))).toBe(
      'above-scale industrial output was down an estimated 5.4% year on year',
    );
    expect(textOf(en.sentence('sme.loans', { value: en.figure(amount, 'x') }))).toBe(
      'tech firms received loans of about ¥91.87B',
    );
  });

  it('joins clauses with commas into one sentence, leaving out the missing ones, capitalised in English', () => {
    const clause = (w: typeof zh, v: number) =>
      w.sentence('sme.loans', { value: w.figure(yi(v, 2, reported('L104')), 'x') });
    expect(textOf(zh.paragraph([clause(zh, 1), null, clause(zh, 2)]))).toBe(
      '科技型企业获得贷款1.0亿元，科技型企业获得贷款2.0亿元。',
    );
    expect(textOf(en.paragraph([clause(en, 1), clause(en, 2)]))).toBe(
      'Tech firms received loans of ¥100M, tech firms received loans of ¥200M.',
    );
    expect(zh.paragraph([null, null])).toBeNull();
  });

  it('lists items with 、 or ；, and nothing when there are none', () => {
    const items = [[zh.text('甲')], [zh.text('乙')]];
    expect(textOf(zh.list(items))).toBe('甲、乙');
    expect(textOf(zh.list(items, 'join'))).toBe('甲；乙');
    expect(zh.list([])).toBeNull();
  });

  it('writes an indicator’s English name in lower case inside a sentence, but not an acronym', () => {
    expect(en.inSentence('Investment signed')).toBe('investment signed');
    expect(en.inSentence('GDP growth')).toBe('GDP growth');
    expect(zh.inSentence('签约资金')).toBe('签约资金');
    expect(en.label(undefined)).toBe('');
  });

  it('opens a sentence with the period, and a period to a date as its label reads', () => {
    expect(zh.opener.text).toBe('2023年上半年');
    expect(en.opener.text).toBe('In H1 2023');
    expect(writerFor('en', '2023D0826').opener.text).toBe('As of the report (26 Aug 2023)');
  });
});
