import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../lib/format';
import { breakers, failingUntilHealed, malformed, slow } from '../../../tests/fixtures';
import { currentUrl, renderWithData } from '../../../tests/render';
import OverviewPage from './OverviewPage';

/** The report's "to date" period (2023D0826), as the app names it. */
const TO_DATE = formatPeriod('2023D0826', 'zh-CN');

const renderOverview = (path = '/', options: Parameters<typeof renderWithData>[2] = {}) =>
  renderWithData(<OverviewPage />, path, options);

/** The tile (an article named by its label) once the figures have arrived. */
const tile = (name: string) => screen.findByRole('article', { name });

describe('the overview (the page)', () => {
  it('puts six headline figures in a row of larger tiles, each tagged with its group, then the groups', async () => {
    renderOverview();
    const row = await screen.findByRole('region', { name: '核心指标' });
    const tiles = await within(row).findAllByRole('article');
    expect(tiles.map((t) => within(t).getByRole('heading').textContent)).toEqual([
      '工业占GDP比重',
      '签约资金',
      '到位资金',
      '落地开工率',
      '重点建设项目完成投资',
      '民营经济市场主体',
    ]);
    expect(tiles[1]).toHaveTextContent('招商引资');
    for (const group of ['工业', '招商引资', '重点项目', '民营经济', '专精特新']) {
      expect(screen.getByRole('region', { name: group })).toBeInTheDocument();
    }
  });

  it('lists the provenance of every figure in the sources dialog', async () => {
    const { user } = renderOverview();
    await tile('签约资金');
    await user.click(screen.getByRole('button', { name: '数据来源' }));
    const dialog = await screen.findByRole('dialog', { name: '全部数据来源' });
    const rows = within(dialog).getAllByRole('row');
    const row = (figure: string, value: string) =>
      rows.find((r) => r.textContent.includes(figure) && r.textContent.includes(value));
    expect(row('落地开工率', '58%')).toHaveTextContent('推算数据算法：65 − 7 (L52)');
    expect(row('签约资金', '400亿元')).toHaveTextContent('全年目标400亿元2023年全年报告数据报告第54段');
    expect(row('重点建设项目完成投资', '139.73亿元')).toHaveTextContent('报告第56段');
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('at the default period draws no empty tile: targets in one row, what is not yet published in one line', async () => {
    const { user, router } = renderOverview();
    await tile('签约资金');
    expect(screen.queryByText(/本期无数据/)).not.toBeInTheDocument();
    for (const article of screen.getAllByRole('article')) {
      expect(within(article).getByText(/\d/, { selector: '.kpi-tile__value .figure__number' })).toBeInTheDocument();
    }
    const targets = screen.getByRole('region', { name: '2023年全年目标' });
    expect(targets).toHaveTextContent('规上工业增加值增速 8%（增速目标）');
    expect(targets).toHaveTextContent('制造业投资 150亿元');
    expect(screen.queryByRole('article', { name: '制造业投资' })).not.toBeInTheDocument();
    const pending = screen.getByText('尚未公布：').parentElement as HTMLElement;
    expect(pending).toHaveTextContent(
      `尚未公布：政策资金惠及民营企业、国家专精特新“小巨人”企业、市级“专精特新”企业以后时期有数据：${TO_DATE}`,
    );
    await user.click(within(pending).getByRole('link', { name: TO_DATE }));
    await waitFor(() => expect(currentUrl(router)).toBe('/?period=2023D0826'));
    expect(await tile('国家专精特新“小巨人”企业')).toHaveTextContent('18家');
  });

  it('shows each figure’s latest value up to the period, never a tile without one', async () => {
    renderOverview('/?period=2023M07');
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.queryByText(/本期无数据/)).not.toBeInTheDocument();
  });

  it('opens an old link to the full year 2023 on the latest figures, each with its period, and the targets', async () => {
    renderOverview('/?period=2023');
    const giants = await tile('国家专精特新“小巨人”企业');
    expect(giants).toHaveTextContent('18家');
    expect(within(giants).getByText(TO_DATE, { exact: true })).toBeInTheDocument();
    const signed = await tile('签约资金');
    expect(within(signed).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    expect(signed).toHaveTextContent('2023年全年目标：400亿元');
    expect(screen.queryByText('尚未公布：')).not.toBeInTheDocument();
  });

  it('shows the chosen sector first and dims the district-wide figures with an explanation', async () => {
    renderOverview('/?period=2023M07&sector=automotive');
    const group = await screen.findByRole('region', { name: '汽车产业' });
    const output = await within(group).findByRole('article', { name: '汽车产业规上工业产值' });
    expect(output).toHaveTextContent('56.67亿元');
    expect(output).toHaveTextContent('同比 +10.8%');
    // "目前…53家" is a count as of the report: after Jan–Jul, so not yet published for it.
    expect(within(group).queryByRole('article', { name: '汽车产业规上工业企业' })).not.toBeInTheDocument();
    const pending = within(group).getByText('尚未公布：').parentElement as HTMLElement;
    expect(pending).toHaveTextContent('尚未公布：汽车产业规上工业企业');
    expect(within(pending).getByRole('link', { name: TO_DATE })).toBeInTheDocument();
    expect(
      screen.getByText('以下为全区指标，不按产业细分，与所选的“汽车”产业无直接对应，仅供参考。'),
    ).toBeInTheDocument();
    expect(within(group).queryByRole('article', { name: '签约资金' })).not.toBeInTheDocument();
    expect(screen.queryByRole('article', { name: /装备/ })).not.toBeInTheDocument();
  });

  it('says so when the report has no figures for the chosen sector', async () => {
    renderOverview('/?sector=motorcycle&lang=en');
    const group = await screen.findByRole('region', { name: 'Motorcycles sector' });
    expect(
      await within(group).findByText('The report gives no separate figures for the Motorcycles sector.'),
    ).toBeInTheDocument();
    expect(await tile('Investment signed')).toHaveTextContent('¥18.0B');
  });

  it('holds the final layout, every group with its heading, while the figures load', async () => {
    renderOverview('/', { handlers: [slow('kpis', 500)] });
    expect(await screen.findByText('正在加载指标…')).toBeInTheDocument();
    // The groups are /meta's (which the page's HTML preloads): named as soon as it has answered.
    await screen.findByRole('region', { name: '工业' });
    for (const group of ['核心指标', '工业', '招商引资', '重点项目', '民营经济', '专精特新']) {
      expect(screen.getByRole('region', { name: group })).toBeInTheDocument();
    }
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.getAllByRole('article')).toHaveLength(13);
    expect(screen.queryByText('正在加载指标…')).not.toBeInTheDocument();
  });

  it('shows per group which figures failed, why, and a retry that loads them', async () => {
    const { handler, heal } = failingUntilHealed('kpis');
    const { user } = renderOverview('/', { handlers: [handler] });
    const industry = await screen.findByRole('region', { name: '工业' });
    const alert = await within(industry).findByRole('alert');
    expect(alert).toHaveTextContent('工业指标加载失败');
    expect(alert).toHaveTextContent('数据服务出错（HTTP 500）。');
    expect(within(screen.getByRole('region', { name: '专精特新' })).getByRole('alert')).toHaveTextContent(
      '专精特新指标加载失败',
    );
    // The headline row names its figures once (not 核心指标指标).
    expect(within(screen.getByRole('region', { name: '核心指标' })).getByRole('alert')).toHaveTextContent(
      /^主要指标加载失败/,
    );
    heal();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the error panel, not wrong numbers, for a schema-violating payload', async () => {
    renderOverview('/?lang=en', { handlers: [malformed('kpis', breakers.kpis)] });
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Could not load headline figures');
    expect(alerts[0]).toHaveTextContent('The data service sent data in an unexpected format (at items[0].value.value)');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Economic overview' })).toBeInTheDocument();
  });
});
