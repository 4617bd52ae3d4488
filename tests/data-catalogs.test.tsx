/**
 * The app takes its sectors and indicator groups from /meta, not from lists compiled into it: a
 * sector an office added by import is in the header's filter, read from the address, and drawn in
 * the colour the catalog gives it; an indicator it added is on the overview in its group. The
 * sector and the indicator are made up for the test.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import { datasetHandlers } from '../mocks/handlers';
import type { SectorInfo } from '../src/api/meta';
import { Header } from '../src/app/Header';
import OverviewPage from '../src/features/kpis/OverviewPage';
import { sectorColors, useSectorColor } from '../src/lib/sectorColors';
import { renderWithData } from './render';

const NEV: SectorInfo = {
  id: 'new-energy-vehicles',
  label: { 'zh-CN': '新能源汽车', en: 'New energy vehicles' },
  group: 'leading',
  color: { light: '#00607A', dark: '#4FC3D9' },
};
const withNev: Dataset = {
  ...reportDataset,
  meta: { ...reportDataset.meta, sectors: [...reportDataset.meta.sectors, NEV] },
};
const handlers = datasetHandlers(() => withNev);

describe('a sector only /meta knows', () => {
  it('is in the header’s sector filter, and the address choosing it is read', async () => {
    renderWithData(<Header />, `/projects?sector=${NEV.id}`, { handlers });
    const filter = screen.getByRole('combobox', { name: '产业' });
    expect(await within(filter).findByRole('option', { name: '新能源汽车' })).toBeInTheDocument();
    expect(filter).toHaveValue(NEV.id);
  });

  it('is not read from the address while the published catalog does not have it', async () => {
    renderWithData(<Header />, `/projects?sector=${NEV.id}`);
    const filter = screen.getByRole('combobox', { name: '产业' });
    await within(filter).findByRole('option', { name: '汽车' });
    await waitFor(() => expect(filter).toHaveValue(''));
    expect(within(filter).queryByRole('option', { name: '新能源汽车' })).toBeNull();
  });

  it('is drawn in the catalog’s colour for the theme', async () => {
    function Swatch() {
      const color = useSectorColor();
      return <span role="img" aria-label="swatch" style={{ background: color(NEV.id, 'dark') }} />;
    }
    renderWithData(<Swatch />, '/', { handlers });
    await waitFor(() => expect(screen.getByRole('img', { name: 'swatch' })).toHaveStyle({ background: '#4FC3D9' }));
  });

  it('without a colour (a version published before sectors had one) takes the palette’s by its place', () => {
    const { color: _none, ...plain } = NEV;
    const colorOf = sectorColors([...reportDataset.meta.sectors.map(({ color: _c, ...s }) => s), plain]);
    // The report's eight sectors keep the colours they always had; the ninth starts the palette again.
    expect(reportDataset.meta.sectors.map((s) => colorOf(s.id, 'light'))).toEqual(
      reportDataset.meta.sectors.map((s) => s.color?.light),
    );
    expect(colorOf(NEV.id, 'light')).toBe(colorOf('electronics', 'light'));
    expect(sectorColors(withNev.meta.sectors)(NEV.id, 'light')).toBe('#00607A');
  });
});

describe('an indicator only /meta’s groups know', () => {
  it('shows an indicator an office added, in the group it added, after the report’s groups', async () => {
    // 社会消费品零售总额 in a group 消费, made up for the test as an import would publish them.
    const imported = { kind: 'imported', import: { file: '8月.xlsx', version: 2, sheet: '指标', row: 30 } } as const;
    const withRetail: Dataset = {
      ...reportDataset,
      meta: {
        ...reportDataset.meta,
        kpiGroups: [
          ...reportDataset.meta.kpiGroups,
          { id: 'consumption', label: { 'zh-CN': '消费', en: 'Consumption' } },
        ],
      },
      kpis: [
        ...reportDataset.kpis,
        {
          id: 'retail-sales',
          group: 'consumption',
          label: { 'zh-CN': '社会消费品零售总额', en: 'Retail sales of consumer goods' },
          sector: null,
          headline: false,
          values: { '2023H1': { value: { value: 412.6e8, unit: 'cny', digits: 4, provenance: imported } } },
        },
      ],
    };
    renderWithData(<OverviewPage />, '/', { handlers: datasetHandlers(() => withRetail) });
    const group = await screen.findByRole('region', { name: '消费' });
    expect(await within(group).findByRole('article', { name: '社会消费品零售总额' })).toHaveTextContent('412.6亿元');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(headings.indexOf('专精特新'), headings.indexOf('专精特新') + 2)).toEqual([
      '专精特新',
      '消费',
    ]);
  });
});
