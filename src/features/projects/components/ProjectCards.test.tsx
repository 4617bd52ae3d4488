import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectPage, ProjectSort } from '../../../api/projects';
import { projectPage } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { ProjectList } from '../ProjectsPage';
import { SortSelect } from './SortSelect';

/** The first cards of a page of the sample, with the whole list's totals (they choose the money's unit). */
function renderCards(page: ProjectPage, linkSearch = '') {
  renderWithData(
    <ProjectList
      rows={page.items.slice(0, 3)}
      totals={page.totals}
      sort={null}
      onSort={() => undefined}
      linkSearch={linkSearch}
      busy={false}
    />,
    '/projects',
  );
  return within(cardList()).getAllByRole('listitem', { hidden: true });
}

/**
 * The cards: hidden but on a phone's window, where the stylesheet shows them instead of the table
 * (jsdom applies no stylesheet, and names no hidden element: found by its label).
 */
function cardList() {
  const list = screen.getAllByRole('list', { hidden: true }).find((l) => l.getAttribute('aria-label') === '项目列表');
  expect(list).toHaveAttribute('hidden');
  return list as HTMLElement;
}

describe('ProjectCards', () => {
  it('shows each project as a card: its link, its step of the pipeline, its money in the list’s unit', () => {
    const cards = renderCards(projectPage('sample', { pageSize: 25 }), '?pageSize=25');
    const card = cards.find((c) => within(c).queryByText('渝武高速公路复线')) as HTMLElement;
    expect(within(card).getByRole('link', { hidden: true })).toHaveTextContent('渝武高速公路复线');
    expect(within(card).getByRole('link', { hidden: true })).toHaveAttribute(
      'href',
      '/projects/yuwu-expressway-second-line?pageSize=25',
    );
    expect(card).toHaveTextContent('在建（推进阶段第4步，共5步）');
    expect(card).toHaveTextContent('完成 / 计划投资5454万元 / 5015万元 108.8%');
  });

  it('keeps the largest amounts in the list’s unit', () => {
    const [first] = renderCards(projectPage('sample', { sort: '-completed', pageSize: 25 }));
    expect(first).toHaveTextContent(/完成 \/ 计划投资[\d,]+万元 \/ [\d,]+万元/);
  });
});

describe('SortSelect', () => {
  it('offers each order as one choice, in words', async () => {
    const onSort = vi.fn<(sort: ProjectSort | null) => void>();
    const { user } = renderWithData(<SortSelect sort={undefined} onSort={onSort} />);
    // Hidden but with the cards (see cardList).
    await user.selectOptions(screen.getByLabelText('排序'), '完成投资：降序');
    expect(onSort).toHaveBeenLastCalledWith('-completed');
    await user.selectOptions(screen.getByLabelText('排序'), '默认顺序');
    expect(onSort).toHaveBeenLastCalledWith(null);
  });
});
