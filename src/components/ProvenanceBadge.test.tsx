import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { metaKeys } from '../api/meta';
import { atAddress, testAddress } from '../../tests/render';
import { ProvenanceBadge, quoteOf, useProvenanceText } from './ProvenanceBadge';

const L52 = '抓项目，要抓好源头。数据显示，今年1月-6月，北碚实现签约资金180亿元，到位资金70亿元。';
const source = {
  title: { 'zh-CN': '报告', en: 'Report' },
  byline: { 'zh-CN': '记者', en: 'Reporters' },
  paragraphs: [
    { line: 52, text: L52 },
    { line: 56, text: '上半年，北碚区198个重点建设项目完成投资139.73亿元。环缙云山生' },
    { line: 58, text: '态建设及生态产业化项目等48个项目纳入市级重点项目清单。' },
  ],
};

describe('useProvenanceText', () => {
  // The tracker's rows are memoised on it: a new function on every render re-rendered every row
  // of the page on every keystroke.
  it('gives the same function from render to render, and a new one when the language changes', async () => {
    const address = testAddress('/');
    const { result, rerender } = renderHook(() => useProvenanceText(), { wrapper: address.wrapper });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first({ kind: 'reported', source: 'L56-L58' })).toEqual(['报告数据', '出处：报告第56–58段']);

    await address.go('/?lang=en');
    expect(result.current).not.toBe(first);
    expect(result.current({ kind: 'reported', source: 'L56' })).toEqual([
      'Reported',
      'Source: the report, paragraph 56',
    ]);
  });
});

describe('ProvenanceBadge', () => {
  const withMeta = (ui: React.ReactNode, path = '/') => {
    const client = new QueryClient();
    client.setQueryData(metaKeys.all, { source });
    return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>, { wrapper: atAddress(path) });
  };

  it('says where a reported figure comes from in words, and quotes the report’s own sentence on focus', () => {
    withMeta(<ProvenanceBadge provenance={{ kind: 'reported', source: 'L52' }} />);
    const badge = screen.getByRole('button', { name: '数据来源：报告第52段' });
    expect(badge).toHaveTextContent(/^报告第52段$/);
    act(() => badge.focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent(`报告数据；出处：报告第52段原文：“${L52}”`);
    expect(badge).toHaveAccessibleDescription(/签约资金180亿元/);
  });

  it('speaks English, and joins a paragraph the printed report breaks across lines', () => {
    withMeta(<ProvenanceBadge provenance={{ kind: 'reported', source: 'L56-L58' }} compact />, '/?lang=en');
    const badge = screen.getByRole('button', { name: 'Data source: Paras. 56–58' });
    act(() => badge.focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent('环缙云山生态建设及生态产业化项目等48个项目');
  });

  it('names a derived figure as derived, with its formula, and quotes nothing it cannot find', () => {
    render(<ProvenanceBadge provenance={{ kind: 'derived', formula: '2.4 − 7.8 (L81)' }} />, {
      wrapper: atAddress('/'),
    });
    expect(screen.getByRole('button', { name: '数据来源：推算数据' })).toHaveAccessibleDescription(
      '推算数据；算法：2.4 − 7.8 (L81)',
    );
    expect(quoteOf(undefined, 'L52')).toBeNull();
    expect(quoteOf({ source }, 'L99')).toBeNull();
  });
});

describe('a figure the report gives without its period (L42)', () => {
  it('says on the badge itself that its period is assumed', () => {
    render(<ProvenanceBadge provenance={{ kind: 'reported', source: 'L42', assumedPeriod: true }} />, {
      wrapper: atAddress('/'),
    });
    const badge = screen.getByRole('button', { name: '数据来源：报告第42段 · 时期推定' });
    expect(badge).toHaveAccessibleDescription(/报告未注明时期，所列时期为推定/);
  });
});
