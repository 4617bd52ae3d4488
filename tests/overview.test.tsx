/**
 * The overview in the whole app: one journey, showing that the header's filters, the page, its
 * tiles and the address meet. The rules of the tiles and of the page are tested beside them
 * (src/features/kpis/).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentUrl, renderApp } from './render';

/** The tile (an article named by its label) once the figures have arrived. */
const tile = (name: string) => screen.findByRole('article', { name });

describe('/', () => {
  it('shows the headline figures, and follows the period and the sector chosen in the header', async () => {
    const { user, router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: '经济运行总览' })).toBeInTheDocument();
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.queryByRole('article', { name: '国家专精特新“小巨人”企业' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: '时期' }), '2023D0826');
    await waitFor(() => expect(currentUrl(router)).toBe('/?period=2023D0826'));
    expect(await tile('国家专精特新“小巨人”企业')).toHaveTextContent('18家');

    await user.selectOptions(screen.getByRole('combobox', { name: '产业' }), 'automotive');
    await waitFor(() => expect(currentUrl(router)).toBe('/?period=2023D0826&sector=automotive'));
    const group = await screen.findByRole('region', { name: '汽车产业' });
    expect(await within(group).findByRole('article', { name: '汽车产业规上工业企业' })).toHaveTextContent('53家');
  });
});
