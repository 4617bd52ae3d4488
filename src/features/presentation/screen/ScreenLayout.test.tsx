import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../api/common';
import { translate } from '../../../lib/i18n';
import { renderApp } from '../../../../tests/render';
import { screenMessages } from './messages';
import type { ScreenTranslate } from './messages';
import { TrendPanel } from './TrendPanel';
import type { ScreenTrend } from './screenData';

const region = (name: string) => screen.findByRole('region', { name });

describe('the one-screen layout (layout=screen)', () => {
  it('shows every topic at once: title band, headline figures, structure, targets, trend, stages and projects', async () => {
    renderApp('/present?layout=screen');
    expect(await screen.findByRole('heading', { level: 1, name: '北碚区经济运行监测' })).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('统计期2023年上半年');
    expect(within(header).getByLabelText('当前时间')).toHaveTextContent(/^\d{2}:\d{2}$/);
    expect(header).toHaveTextContent('数据截至 2023年8月26日');
    // The report's data is no sample: no sample label.
    expect(within(header).queryByRole('note')).toBeNull();

    const headline = await region('主要经济指标');
    const arrived = (await within(headline).findByRole('heading', { level: 3, name: '到位资金' })).closest('li');
    expect(arrived).toHaveTextContent('70亿元');
    expect(arrived).toHaveTextContent('▲上升同比 +41%');
    expect(arrived).toHaveTextContent('完成年度目标 46.7%');
    expect(arrived).toHaveTextContent('报告第52段');

    // L52's 156 % is the verdict on both attraction targets, not linear 序时进度.
    const targets = await region('年度目标进度');
    expect(await within(targets).findAllByText('完成当期目标任务的 156%，已完成当期目标')).toHaveLength(2);
    expect(targets).toHaveTextContent('尚无当期完成数：');
    expect(targets).toHaveTextContent('制造业投资 150亿元');

    // H1 has no sector figures: the latest period that has them, said so.
    const structure = await region('产业结构');
    expect(await within(structure).findByText('规上工业产值 · 2023年1–7月累计')).toBeInTheDocument();
    const automotive = within(structure).getByText('汽车').closest('li');
    expect(automotive).toHaveTextContent('56.67亿元');
    expect(automotive).toHaveTextContent('占比 26.5%');
    expect(automotive).toHaveTextContent('▲上升同比 +10.8%');
    expect(structure).toHaveTextContent('占所列 5 个产业合计 213.56亿元 的比重');
    expect(structure).toHaveTextContent('报告未注明时期');

    // The report has no monthly points: what it knows of direction, never an invented line.
    const trend = await region('走势');
    expect(within(trend).queryByRole('img')).toBeNull();
    expect(trend).toHaveTextContent('尚无月度数据，以下为同比变化');
    expect(within(trend).getByText('规上工业总产值增速').closest('li')).toHaveTextContent('▼下降−5.4%');

    const stages = await region('重点项目阶段');
    expect(within(stages).getByText('在建').closest('li')).toHaveTextContent('13 个');
    expect(stages).toHaveTextContent('共 23 个项目 · 按各项目最新阶段');
    expect(stages).not.toHaveTextContent('示意');

    const projects = await region('重点项目一览');
    expect(projects).toHaveTextContent('报告点名的 23 个项目');
    expect(within(projects).getByText('广州中医药大学第一附属医院重庆医院（一期）')).toBeInTheDocument();

    // Chrome-less, like the slides.
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('in English', async () => {
    renderApp('/present?layout=screen&lang=en', { locale: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Beibei District economic monitor' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('PeriodH1 2023');
    expect(await region('Progress towards annual targets')).toBeInTheDocument();
    expect(await region('Key projects')).toHaveTextContent('23 projects named in the report');
  });

  it('shows the slides for an unknown layout, and says the value was ignored', async () => {
    renderApp('/present?layout=grid');
    expect(await screen.findByRole('heading', { level: 1, name: '主要经济指标' })).toBeInTheDocument();
    expect(await screen.findByText(/已忽略无效参数：layout=grid/)).toBeInTheDocument();
  });
});

describe('the trend panel', () => {
  const t: ScreenTranslate = (key, vars) => translate(screenMessages, 'zh-CN', key, vars);
  const imported: Provenance = { kind: 'imported', import: { file: 'm.xlsx', version: 2, sheet: '指标', row: 3 } };
  const reported: Provenance = { kind: 'reported', source: 'L52' };

  it('draws a line of the known points, named in words for a screen reader', () => {
    const series = {
      unit: 'cny' as const,
      cumulative: true,
      points: [
        { period: '2023M01', value: 2.548e9, provenance: imported },
        { period: '2023M02', value: 4.778e9, provenance: imported },
        { period: '2023M03', value: 7.963e9, provenance: reported },
      ],
    };
    const kpi = { id: 'investment-signed', label: { 'zh-CN': '签约资金', en: 'Investment signed' } };
    const trend = { kind: 'line', kpi, series } as ScreenTrend;
    render(<TrendPanel trend={trend} locale="zh-CN" t={t} />);
    expect(screen.getByText('签约资金 · 逐月累计')).toBeInTheDocument();
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName(/^签约资金 · 逐月累计: 2023年1月.*25\.48亿元 → .* → .*79\.63亿元$/);
    // The first and last values are written at their points; a month label under each point.
    expect(within(chart).getByText('25.48亿元')).toBeInTheDocument();
    expect(within(chart).getByText('79.63亿元')).toBeInTheDocument();
    expect(within(chart).getByText('1–3月')).toBeInTheDocument();
  });

  it('says when there is nothing to show', () => {
    render(<TrendPanel trend={null} locale="zh-CN" t={t} />);
    expect(screen.getByText('尚无月度数据或同比变化。')).toBeInTheDocument();
  });
});
