import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithData } from '../../../../tests/render';
import { Pager } from './Pager';

function renderPager(page: number, pageSize: number, total: number) {
  const onPage = vi.fn<(page: number) => void>();
  const onPageSize = vi.fn<(size: number) => void>();
  const rendered = renderWithData(
    <Pager page={page} pageSize={pageSize} total={total} onPage={onPage} onPageSize={onPageSize} />,
    '/projects',
  );
  return { ...rendered, onPage, onPageSize };
}

describe('Pager', () => {
  it('says which page and which projects are shown, and moves a page either way', async () => {
    const { user, onPage } = renderPager(2, 25, 198);
    expect(screen.getByText('第 2 / 8 页，第 26–50 项，共 198 项')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    await user.click(screen.getByRole('button', { name: '上一页' }));
    expect(onPage).toHaveBeenLastCalledWith(1);
  });

  it('has no next page on the last, and no previous page on the first', () => {
    const { unmount } = renderPager(4, 50, 198);
    expect(screen.getByText('第 4 / 4 页，第 151–198 项，共 198 项')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '上一页' })).toBeEnabled();
    unmount();
    renderPager(1, 25, 198);
    expect(screen.getByText('第 1 / 8 页，第 1–25 项，共 198 项')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
  });

  it('offers the page sizes', async () => {
    const { user, onPageSize } = renderPager(2, 25, 198);
    await user.selectOptions(screen.getByRole('combobox', { name: '每页' }), '50');
    expect(onPageSize).toHaveBeenLastCalledWith(50);
  });
});
