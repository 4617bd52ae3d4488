import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../data/dataset';
import { scaleDataset } from '../../../data/scale';
import { datasetHandlers } from '../../../mocks/handlers';
import { renderWithData } from '../../../tests/render';
import IndicatorPage from './IndicatorPage';
import type { LinesPlotProps } from './LinesPlot';

// The drawing is Recharts' (browser tests look at it); here each chart's data, as its plot receives it.
vi.mock('./LinesPlot', () => ({
  LinesPlot: ({ data, lines, mark }: LinesPlotProps) => (
    <ol aria-label={`plot: ${lines.map((l) => `${l.name}${l.dashed ? ' (dashed)' : ''}`).join(', ')}`} data-mark={mark}>
      {data.map((d) => (
        <li key={String(d.name)}>{lines.map((l) => `${String(d.name)} ${l.key}=${String(d[l.key])}`).join(' ')}</li>
      ))}
    </ol>
  ),
}));

/**
 * The scale sample as the office had it in March 2024 (15 months of two years), its figures
 * imported as `npm run demo:scale` publishes them: a row of a month's workbook each.
 */
const IMPORTED = JSON.stringify({
  kind: 'imported',
  import: { file: '经济运行月报.xlsx', version: 2, sheet: '指标', row: 5 },
});
const imported: Dataset = JSON.parse(
  JSON.stringify(scaleDataset('2024M03')).replaceAll(JSON.stringify({ kind: 'illustrative' }), IMPORTED),
) as Dataset;
const handlers = datasetHandlers(() => imported);

function renderPage(path: string) {
  return renderWithData(
    <Routes>
      <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
    </Routes>,
    path,
    { handlers },
  );
}

/** A paragraph by the start of its text (its figures are spans of their own). */
const paragraph = (start: RegExp) => screen.getByText((_, el) => el?.tagName === 'P' && start.test(el.textContent));
const region = (name: RegExp) => screen.findByRole('region', { name });
const showTable = async (frame: HTMLElement) =>
  userEvent.click(within(frame).getByRole('button', { name: /^(表格|Table)$/ }));

describe('the indicator page: 规上工业总产值 over 15 months', () => {
  it('says the latest figure and the period chosen in words, with 当月 and 同比', async () => {
    renderPage('/indicators/industrial-output?period=2024M02');
    expect(await screen.findByRole('heading', { level: 1, name: '规上工业总产值' })).toBeInTheDocument();
    expect(paragraph(/^最新：/)).toHaveTextContent(
      /^最新：2024年1–3月累计 215\.8亿元；当月 86\.28亿元（推算）；同比 \+7\.3%$/,
    );
    expect(paragraph(/^所选时期：/)).toHaveTextContent(
      /^所选时期：2024年1–2月累计 129\.52亿元；当月 60\.74亿元（推算）；同比 \+7\.9%$/,
    );
    expect(paragraph(/^共 15 个/)).toHaveTextContent(
      '共 15 个时期的数据（2023年1月至2024年1–3月累计）；目标：2024年全年 1061.9亿元',
    );
  });

  it('draws the running total and the derived month’s own value, the period chosen marked', async () => {
    renderPage('/indicators/industrial-output?period=2024M02');
    const trend = await region(/规上工业总产值走势/);
    const plot = await within(trend).findByRole('list', { name: 'plot: 累计, 当月（推算） (dashed)' });
    expect(plot).toHaveAttribute('data-mark', '2024年2月');
    const points = within(plot).getAllByRole('listitem');
    expect(points).toHaveLength(15);
    expect(points[12]).toHaveTextContent('2024年1月 value=6878000000 2024年1月 month=6878000000');
    expect(points[13]).toHaveTextContent('2024年2月 value=12952000000 2024年2月 month=6074000000');
    expect(within(trend).getByText(/推算，不是统计部门公布的数字/)).toBeInTheDocument();
  });

  it('lists every month in its table: total, 当月, 同比 and 环比, the period chosen said in its row', async () => {
    renderPage('/indicators/industrial-output?period=2024M02');
    const trend = await region(/规上工业总产值走势/);
    await showTable(trend);
    const headers = within(trend)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['时期', '累计', '当月（推算）', '同比', '环比', '来源']);
    const row = within(trend)
      .getByRole('rowheader', { name: /2024年1–2月累计/ })
      .closest('tr')!;
    expect(row).toHaveTextContent('所选');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['129.52亿元', '60.74亿元', '+7.9%', '−11.7%', expect.stringMatching(/^导入数据/)]);
    const january = within(trend).getByRole('rowheader', { name: '2024年1月' }).closest('tr')!;
    expect(within(january).getAllByRole('cell')[1]).toHaveTextContent('68.78亿元');
  });

  it('compares the same months of 2023 and 2024, with 同比, in English too', async () => {
    renderPage('/indicators/industrial-output?period=2024M02&lang=en');
    const same = await region(/Above-scale industrial gross output: same months by year/);
    const plot = await within(same).findByRole('list', { name: 'plot: 2023, 2024' });
    expect(within(plot).getAllByRole('listitem')[1]).toHaveTextContent('Jan–Feb y2023=');
    await showTable(same);
    const headers = within(same)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Month', '2023', '2024', '2024 year on year']);
    const feb = within(same).getByRole('rowheader', { name: 'Jan–Feb' }).closest('tr')!;
    expect(
      within(feb)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['¥12.01B', '¥12.95B chosen', '+7.9%']);
    const dec = within(same).getByRole('rowheader', { name: 'Jan–Dec' }).closest('tr')!;
    expect(
      within(dec)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['¥98.33B', '—', '—']);
  });

  it('gives a rate’s 同比 in percentage points, the rate less the same months’ a year before', async () => {
    renderPage('/indicators/urban-unemployment?period=2024M02');
    const trend = await region(/城镇调查失业率走势/);
    await showTable(trend);
    const cellsOf = (period: string) =>
      within(
        within(trend)
          .getByRole('rowheader', { name: new RegExp(`^${period}`) })
          .closest('tr')!,
      )
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const [now = '', yoy = ''] = cellsOf('2024年1–2月累计');
    const [before = ''] = cellsOf('2023年1–2月累计');
    const number = (text: string) => Number(text.replace('−', '-').replace(/[^\d.+-]/g, ''));
    expect(yoy).toMatch(/^([+−]\d+(\.\d)?个百分点|持平)$/);
    expect(number(yoy)).toBeCloseTo(number(now) - number(before), 5);
  });

  it('names the target of a rate better lower as a ceiling', async () => {
    renderPage('/indicators/urban-unemployment');
    expect(await screen.findByRole('heading', { level: 1, name: '城镇调查失业率' })).toBeInTheDocument();
    const line = paragraph(/目标：/);
    expect(line).toHaveTextContent(/；目标：2024年全年 控制在5\.5%以内$/);
    expect(line).not.toHaveTextContent('增速目标');
  });

  it('says so when the version has no such indicator', async () => {
    renderPage('/indicators/no-such-figure');
    expect(await screen.findByRole('heading', { level: 1, name: '没有这个指标' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回经济运行总览' })).toHaveAttribute('href', '/');
  });
});

describe('the indicator page: a figure the report gives for one period', () => {
  it('lists the one period in its table and says, in the right number, why no trend is drawn', async () => {
    for (const [path, said] of [
      [
        '/indicators/investment-signed?lang=en',
        'Only 1 period with an exact value: too few to draw a trend. The table above lists it.',
      ],
      ['/indicators/investment-signed', '只有 1 个时期有确切数值，不足以画出走势线；数值见上表。'],
    ] as const) {
      const { unmount } = renderWithData(
        <Routes>
          <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
        </Routes>,
        path,
      );
      expect(await screen.findByText(said)).toBeInTheDocument();
      unmount();
    }
  });
});
