import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithData } from '../../../../tests/render';
import { SEARCH_DEBOUNCE_MS, SearchBox } from './SearchBox';

afterEach(() => {
  vi.useRealTimers();
});

function renderBox(value = '') {
  const onChange = vi.fn<(q: string) => void>();
  const rendered = renderWithData(
    <SearchBox label="搜索项目" placeholder="" value={value} onChange={onChange} />,
    '/projects',
  );
  return { ...rendered, onChange, box: screen.getByRole('searchbox', { name: '搜索项目' }) };
}

describe('SearchBox', () => {
  it('searches for what is typed, trimmed, after a short pause', async () => {
    const { user, onChange, box } = renderBox();
    await user.type(box, ' 高铁 ');
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('高铁'));
  });

  it('shows the search the address holds', () => {
    expect(renderBox('高铁').box).toHaveValue('高铁');
  });

  it('waits for an input method to finish composing before it searches', async () => {
    const { onChange, box } = renderBox();
    // The box's pause runs on a clock the test moves past it, instead of sleeping.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'gaotie' } });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: '高铁' } });
    fireEvent.compositionEnd(box);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    // The composed text was searched for; the letters typed on the way to it never were.
    expect(onChange.mock.calls).toEqual([['高铁']]);
  });
});
