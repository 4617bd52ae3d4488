import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kpi } from '../../../../tests/factories';
import { translate } from '../../../lib/i18n';
import { presentationMessages } from '../messages';
import type { PresentationKey } from '../messages';
import { KpiSlide, tilePages } from './KpiSlide';

const t = (key: PresentationKey, vars?: Record<string, string | number>) =>
  translate(presentationMessages, 'zh-CN', key, vars);
const figures = (n: number) => Array.from({ length: n }, (_, i) => kpi(`figure-${i + 1}`));

afterEach(() => vi.useRealTimers());

describe('the headline figures on a wall screen', () => {
  it('are one page of up to six, and more in pages of up to four of about equal size', () => {
    const sizes = (n: number) => tilePages(figures(n)).map((page) => page.length);
    expect(sizes(3)).toEqual([3]);
    expect(sizes(6)).toEqual([6]);
    expect(sizes(7)).toEqual([4, 3]);
    expect(sizes(8)).toEqual([4, 4]);
  });

  it('turn their pages within the slide’s interval, saying which page shows', () => {
    vi.useFakeTimers();
    render(<KpiSlide items={figures(8)} period="2023H1" intervalMs={20_000} paused={false} locale="zh-CN" t={t} />, {
      wrapper: MemoryRouter,
    });
    const shown = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(screen.getByText('第 1/2 页')).toBeInTheDocument();
    expect(shown()).toEqual(['figure-1', 'figure-2', 'figure-3', 'figure-4']);
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByText('第 2/2 页')).toBeInTheDocument();
    expect(shown()).toEqual(['figure-5', 'figure-6', 'figure-7', 'figure-8']);
  });

  it('stay on their page while the screen is paused', () => {
    vi.useFakeTimers();
    render(<KpiSlide items={figures(8)} period="2023H1" intervalMs={20_000} paused locale="zh-CN" t={t} />, {
      wrapper: MemoryRouter,
    });
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('第 1/2 页')).toBeInTheDocument();
  });
});
