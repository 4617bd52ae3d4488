import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectSort } from '../../../api/projects';
import { renderWithData } from '../../../../tests/render';
import { SortSelect } from './SortSelect';

describe('SortSelect', () => {
  it('offers each order as one choice, in words', async () => {
    const onSort = vi.fn<(sort: ProjectSort | null) => void>();
    const { user } = renderWithData(<SortSelect sort={undefined} onSort={onSort} />);
    // Hidden but on a phone's window, where the column headers are not shown (projects.css).
    await user.selectOptions(screen.getByLabelText('排序'), '完成投资：降序');
    expect(onSort).toHaveBeenLastCalledWith('-completed');
    await user.selectOptions(screen.getByLabelText('排序'), '默认顺序');
    expect(onSort).toHaveBeenLastCalledWith(null);
  });
});
