import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reportDataset } from '../../../data/dataset';
import type { Dataset } from '../../../data/dataset';
import { datasetHandlers } from '../../../mocks/handlers';
import { MOCK_VERSION } from '../../../mocks/handlers/common';
import { firstVersion } from '../../../mocks/handlers/versions';
import { renderWithData } from '../../../tests/render';
import ChangesPage from './ChangesPage';

/** Version 2 (made up for the test): the report with 签约资金 of 2023H1 corrected from 180 to 185亿元. */
const revised: Dataset = {
  ...reportDataset,
  kpis: reportDataset.kpis.map((k) => {
    const value = k.values['2023H1'];
    if (k.id !== 'investment-signed' || !value) return k;
    return { ...k, values: { ...k.values, '2023H1': { ...value, value: { ...value.value, value: 185e8 } } } };
  }),
};
const SECOND = { id: 2, publishedAt: '2023-09-20T02:00:00.000Z' };
const handlers = datasetHandlers(
  () => revised,
  SECOND,
  () => [
    ...firstVersion(() => reportDataset, MOCK_VERSION),
    { version: SECOND, dataset: () => revised, basedOn: 1, note: 'Imported: 0 added, 1 changed, 0 removed' },
  ],
);

const versionList = () => screen.findByRole('navigation', { name: /已发布的版本|Published versions/ });

describe('the page of what each version changed', () => {
  it('shows the current version’s changes by default: the corrected figure before and after, and the versions', async () => {
    renderWithData(<ChangesPage />, '/changes', { handlers });
    expect(await screen.findByRole('heading', { level: 1, name: '数据更新记录' })).toBeInTheDocument();
    const detail = await screen.findByRole('region', { name: '第 2 版改动了什么' });
    expect(await within(detail).findByText('与第 1 版相比')).toBeInTheDocument();
    expect(within(detail).getByText('修改 1 项')).toBeInTheDocument();
    expect(within(detail).getByText('签约资金（2023年上半年）')).toBeInTheDocument();
    const row = within(detail).getByRole('rowheader', { name: '签约资金 · 2023H1' }).closest('tr')!;
    expect(row).toHaveTextContent('修改');
    expect(row).toHaveTextContent('数值');
    expect(within(row).getByRole('deletion')).toHaveTextContent('180亿元');
    expect(within(row).getByRole('insertion')).toHaveTextContent('185亿元');

    const list = await versionList();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('link').textContent)).toEqual(['第 2 版', '第 1 版']);
    expect(within(items[0]!).getByText('当前')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('aria-current', 'page');
    expect(items[0]).not.toHaveTextContent('seed');
  });

  it('says it in English, with the field and unit in English', async () => {
    renderWithData(<ChangesPage />, '/changes?version=2&lang=en', { handlers });
    const detail = await screen.findByRole('region', { name: 'What version 2 changed' });
    expect(await within(detail).findByText('Compared with version 1')).toBeInTheDocument();
    expect(within(detail).getByText('1 changed')).toBeInTheDocument();
    const row = within(detail).getByRole('rowheader', { name: 'Investment signed · 2023H1' }).closest('tr')!;
    expect(row).toHaveTextContent('Value');
    expect(within(row).getByRole('deletion')).toHaveTextContent('180 × 100m yuan');
    expect(within(row).getByRole('insertion')).toHaveTextContent('185 × 100m yuan');
    expect(within(await versionList()).getByRole('link', { name: 'Version 1' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/changes\?.*version=1/),
    );
  });

  it('says the first version has nothing before it, in both languages', async () => {
    renderWithData(<ChangesPage />, '/changes?version=1', { handlers });
    const detail = await screen.findByRole('region', { name: '第 1 版改动了什么' });
    expect(await within(detail).findByText(/这是第一个版本/)).toBeInTheDocument();
    expect(within(detail).queryByRole('table')).toBeNull();
  });

  it('says so in English on a new database, whose only version is the first', async () => {
    renderWithData(<ChangesPage />, '/changes?version=1&lang=en');
    expect(await screen.findByText(/This is the first version/)).toBeInTheDocument();
    const list = await versionList();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('Current')).toBeInTheDocument();
  });

  it('names a version that does not exist', async () => {
    renderWithData(<ChangesPage />, '/changes?version=9');
    expect(await screen.findByText('没有第 9 版。请从版本列表中选择。')).toBeInTheDocument();
  });
});
