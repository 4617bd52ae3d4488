import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePrefs } from '../stores/prefs';
import { useProvenanceText } from './ProvenanceBadge';

describe('useProvenanceText', () => {
  // The tracker's rows are memoised on it: a new function on every render re-rendered every row
  // of the page on every keystroke.
  it('gives the same function from render to render, and a new one when the language changes', () => {
    usePrefs.setState({ locale: 'zh-CN' });
    const { result, rerender } = renderHook(() => useProvenanceText());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first({ kind: 'reported', source: 'L56-L58' })).toEqual(['报告数据', '出处：报告第 56–58 行']);

    act(() => usePrefs.setState({ locale: 'en' }));
    expect(result.current).not.toBe(first);
    expect(result.current({ kind: 'reported', source: 'L56' })[0]).toBe('Reported');
  });
});
