import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoProjects } from '../data/projects';
import { server } from '../mocks/node';
import { failWith, malformed, scenarioHandlers } from '../mocks/scenarios';
import { formatPeriod } from '../src/lib/format';
import { currentUrl, renderApp } from './render';

/** The report's "to date" period, as the period filter names it. */
const TO_DATE = { zh: formatPeriod('2023D0826', 'zh-CN'), en: formatPeriod('2023D0826', 'en') };

/** Blobs handed to URL.createObjectURL, i.e. what the download buttons save. */
let saved: Blob[] = [];
const original = {
  create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
  revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
};
const restore = (name: 'createObjectURL' | 'revokeObjectURL', descriptor: PropertyDescriptor | undefined) => {
  if (descriptor) Object.defineProperty(URL, name, descriptor);
  else Reflect.deleteProperty(URL, name);
};
beforeEach(() => {
  saved = [];
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      saved.push(blob);
      return 'blob:test';
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  // jsdom cannot follow a download link; the Blob is what we check.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  restore('createObjectURL', original.create);
  restore('revokeObjectURL', original.revoke);
});

/** A chart's frame (a region named by its title), switched to its table view. */
async function chartTable(user: ReturnType<typeof renderApp>['user'], title: string, tableButton = '表格') {
  const frame = await screen.findByRole('region', { name: title }, SLOW);
  await user.click(within(frame).getByRole('button', { name: tableButton }));
  return { frame, table: within(frame).getByRole('table') };
}

/** The first page of a run loads its chunk and Recharts lazily; give it time once. */
const SLOW = { timeout: 10_000 };

const row = (table: HTMLElement, name: string | RegExp) => within(table).getByRole('row', { name });
/** The value cell of a sector's row (after its group), as the table shows it. */
const value = (table: HTMLElement, name: string | RegExp) =>
  within(row(table, name)).getAllByRole('cell')[1]?.textContent;

describe('/sectors', () => {
  it('shows every reported figure of Jan–Jul 2023 in the chart tables, and the others as not reported', async () => {
    const { user } = renderApp('/sectors?period=2023M07');
    expect(await screen.findByRole('heading', { level: 1, name: '产业结构' }, SLOW)).toBeInTheDocument();

    const output = (await chartTable(user, '分产业规上工业产值')).table;
    // Money in one unit, named once in the column's header.
    expect(within(output).getByRole('columnheader', { name: '规上工业产值（亿元）' })).toBeInTheDocument();
    await waitFor(() => expect(value(output, /汽车/)).toBe('56.67'));
    expect(value(output, /装备/)).toBe('54.66');
    expect(value(output, /医药/)).toBe('38.62');
    expect(value(output, /材料/)).toBe('27.36');
    expect(value(output, /能源/)).toBe('36.25');
    for (const name of [/电子信息/, /摩托车/, /消费品/]) expect(row(output, name)).toHaveTextContent('未公布');
    expect(row(output, /汽车/)).toHaveTextContent('主导产业');
    expect(row(output, /材料/)).toHaveTextContent('多点发展');

    const growth = (await chartTable(user, '分产业产值同比增速')).table;
    expect(row(growth, /汽车/)).toHaveTextContent('+10.8%');
    expect(row(growth, /装备/)).toHaveTextContent('+7.4%');
    expect(row(growth, /医药/)).toHaveTextContent('+12.8%');
    expect(row(growth, /材料/)).toHaveTextContent('+54.9%');
    expect(row(growth, /能源/)).toHaveTextContent('+8.9%');
    expect(row(growth, /电子信息/)).toHaveTextContent('未公布');

    // The firm counts are "目前" (L36–L40): as of the report, not for Jan–Jul. A figure no sector has
    // for the period gets no empty chart: one line names it, with the periods that have it.
    expect(screen.queryByRole('region', { name: '分产业规上工业企业数' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '占全区规上工业产值比重' })).not.toBeInTheDocument();
    const missing = await screen.findByText(/^2023年1–7月累计未公布：/);
    expect(missing).toHaveTextContent(
      `2023年1–7月累计未公布：各产业占全区比重、分产业企业数。有数据的时期：各产业占全区比重 2022年；分产业企业数 ${TO_DATE.zh}`,
    );
    expect(within(missing).getByRole('link', { name: TO_DATE.zh })).toHaveAttribute(
      'href',
      '/sectors?period=2023D0826',
    );
  });

  it('shows the firm counts as of the report’s date (目前, L36–L40), under a period that says so', async () => {
    const { user } = renderApp('/sectors?period=2023D0826');
    expect(
      await screen.findByText(`${TO_DATE.zh}各产业规上工业产值、增速、占比和企业数。点击产业查看详情。`, {}, SLOW),
    ).toBeInTheDocument();
    const firms = (await chartTable(user, '分产业规上工业企业数')).table;
    await waitFor(() => expect(row(firms, /电子信息/)).toHaveTextContent('81家'));
    expect(row(firms, /汽车/)).toHaveTextContent('53家');
    expect(row(firms, /装备/)).toHaveTextContent('76家');
    expect(row(firms, /医药/)).toHaveTextContent('未公布');
  });

  it('shows 2022 electronics output and share, the derived rest, and says what is not reported', async () => {
    const { user } = renderApp('/sectors?period=2022');
    const output = (await chartTable(user, '分产业规上工业产值')).table;
    await waitFor(() => expect(value(output, /电子信息/)).toBe('550.29'));
    expect(row(output, /汽车/)).toHaveTextContent('未公布');

    const share = (await chartTable(user, '占全区规上工业产值比重')).table;
    expect(row(share, /电子信息/)).toHaveTextContent('59.9%');
    expect(row(share, /其他产业（推算）/)).toHaveTextContent('40.1%');
    expect(within(row(share, /其他产业（推算）/)).getByRole('button', { name: '数据来源：推算数据' })).toBeVisible();

    expect(screen.queryByRole('region', { name: '分产业产值同比增速' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '分产业规上工业企业数' })).not.toBeInTheDocument();
    expect(screen.getByText(/^2022年未公布：/)).toHaveTextContent(/^2022年未公布：分产业增速、分产业企业数。/);
    // No chart frame on the page is an empty box.
    for (const frame of document.querySelectorAll('.chart-frame')) {
      expect(frame.querySelector('.chart-frame__empty')).toBeNull();
    }
  });

  it('lists the firms the report names without a sector apart, filed under none', async () => {
    renderApp('/sectors?period=2023M07');
    const other = await screen.findByRole('region', { name: '报告提到的其他企业' }, SLOW);
    for (const name of ['川仪', '四联', '颜宏齿轮', '华虹仪表', '重庆川仪十七厂有限公司', '重庆联航科技有限公司']) {
      expect(within(other).getByText(name)).toBeInTheDocument();
    }
    expect(within(other).getAllByRole('button', { name: '数据来源：报告第44段' })).toHaveLength(4);
  });

  it('groups sectors into leading industries and diversified growth (多点发展)', async () => {
    renderApp('/sectors?period=2023M07');
    const leading = await screen.findByRole('heading', { level: 3, name: '主导产业' });
    const multipoint = screen.getByRole('heading', { level: 3, name: '多点发展' });
    const list = (h: HTMLElement) =>
      within(h.parentElement as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.textContent);
    expect(list(leading)).toEqual(['电子信息', '汽车', '装备']);
    expect(list(multipoint)).toEqual(['摩托车', '材料', '医药', '消费品', '能源']);
  });

  it('opens on the nearest period with sector figures when the default period has none, says so, and goes back in one click', async () => {
    const { user, router } = renderApp('/sectors');
    const notice = await screen.findByText(
      /2023年上半年报告未公布分产业数据，这里显示时间最近、有数据的2023年1–7月累计。/,
      {},
      SLOW,
    );
    expect(currentUrl(router)).toBe('/sectors?period=2023M07');
    expect(screen.getByRole('combobox', { name: '时期' })).toHaveValue('2023M07');
    const output = (await chartTable(user, '分产业规上工业产值')).table;
    await waitFor(() => expect(value(output, /汽车/)).toBe('56.67'));
    await user.click(within(notice).getByRole('link', { name: '查看2023年上半年' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023H1'));
    expect(await screen.findByText('2023年上半年报告未公布任何分产业数据。')).toBeInTheDocument();
    expect(screen.queryByText(/这里显示时间最近/)).not.toBeInTheDocument();
  });

  it('keeps saying it moved to the nearest period through a change of theme or language, not of period', async () => {
    const { user, router } = renderApp('/sectors');
    const moved = /这里显示时间最近、有数据的2023年1–7月累计/;
    expect(await screen.findByText(moved, {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '切换到深色主题' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023M07&theme=dark'));
    expect(screen.getByText(moved)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText(/shown here is the nearest period that has them/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '2022');
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2022&theme=dark&lang=en'));
    expect(screen.queryByText(/shown here is the nearest period that has them/)).not.toBeInTheDocument();
  });

  it('points to the periods that have figures when the chosen one has none', async () => {
    renderApp('/sectors?period=2023H1');
    expect(await screen.findByText('2023年上半年报告未公布任何分产业数据。', {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2022年' })).toHaveAttribute('href', '/sectors?period=2022');
    expect(screen.getByRole('link', { name: '2023年1–7月累计' })).toHaveAttribute('href', '/sectors?period=2023M07');
  });

  it('opens a sector from the legend, shown in the sector filter, keeping the other parameters', async () => {
    const { user, router } = renderApp('/sectors?period=2023M07&lang=zh-CN');
    const frame = await screen.findByRole('region', { name: '分产业规上工业产值' });
    await user.click(await within(frame).findByRole('button', { name: '汽车', description: '打开汽车产业详情' }, SLOW));
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' }, SLOW)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors/automotive?period=2023M07&lang=zh-CN');
    await waitFor(() => expect(screen.getByRole('combobox', { name: '产业' })).toHaveValue('automotive'));
  });

  it('opens a sector from a table row', async () => {
    const { user, router } = renderApp('/sectors?period=2023M07');
    const { table } = await chartTable(user, '分产业产值同比增速');
    await user.click(await within(table).findByRole('link', { name: '材料' }));
    expect(await screen.findByRole('heading', { level: 1, name: '材料' }, SLOW)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors/materials?period=2023M07');
  });

  it('downloads the shown data as CSV with a BOM, headers in the UI language and the values', async () => {
    const { user } = renderApp('/sectors?period=2023M07');
    await screen.findAllByRole('button', { name: '汽车', description: '打开汽车产业详情' }, SLOW);
    await user.click(screen.getByRole('button', { name: '下载 CSV：分产业规上工业产值' }));
    // The CSV code loads on the first download: wait for the file, as the user does.
    await waitFor(() => expect(saved).toHaveLength(1));
    const blob = saved[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('产业,类别,规上工业产值（亿元）,出处');
    expect(lines).toContain('汽车,主导产业,56.67,L38');
    expect(lines).toContain('装备,主导产业,54.66,L40');
    expect(lines).toContain('医药,多点发展,38.62,L42');
    expect(lines).toContain('材料,多点发展,27.36,L42');
    expect(lines).toContain('能源,多点发展,36.25,L42');
    expect(lines).toContain('电子信息,主导产业,未公布,');
    expect(lines).toContain('摩托车,多点发展,未公布,');
  });

  it('writes English CSV headers when the UI is in English', async () => {
    const { user } = renderApp('/sectors?period=2023M07&lang=en', { locale: 'en' });
    await screen.findAllByRole('button', { name: 'Automotive', description: 'Open the Automotive sector' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Download CSV: Output growth by sector, year on year' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const text = new TextDecoder().decode(new Uint8Array(await (saved[0] as Blob).arrayBuffer()));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Sector,Group,Growth year on year (%),Source');
    expect(lines).toContain('Automotive,Leading industries,10.8,L38');
    expect(lines).toContain('Materials,Diversified growth,54.9,L42');
    expect(lines).toContain('Motorcycles,Diversified growth,not reported,');
  });

  it('draws a shrinking sector to the left of zero, with its value clear of the sector names', async () => {
    const shrink: Record<string, number> = { automotive: -12.5, equipment: -3.1 };
    const handlers = [
      malformed('sectors', (body) => ({
        ...body,
        items: (body.items as { id: string; growth: { value: number } | null }[]).map((s) =>
          s.growth && s.id in shrink ? { ...s, growth: { ...s.growth, value: shrink[s.id] } } : s,
        ),
      })),
    ];
    renderApp('/sectors?period=2023M07', { handlers });
    const frame = await screen.findByRole('region', { name: '分产业产值同比增速' }, SLOW);
    // Wait for the drawn chart (its entry animation over), then read where each value is written.
    await within(frame).findByText('+54.9%', { selector: 'text.sector-bar__label' }, SLOW);
    const zero = () => Number(frame.querySelector('line.sector-zero-line')?.getAttribute('x1'));
    const label = (text: string) => {
      const found = within(frame).getByText(text, { selector: 'text.sector-bar__label' });
      return {
        side: Number(found.getAttribute('x')) < zero() ? 'left' : 'right',
        anchor: found.getAttribute('text-anchor'),
      };
    };
    // −3.1 % has room left of its bar; −12.5 % would run into the names, so it stands right of zero.
    await waitFor(() => expect(label('−3.1%')).toEqual({ side: 'left', anchor: 'end' }), SLOW);
    expect(label('−12.5%')).toEqual({ side: 'right', anchor: 'start' });
    expect(label('+54.9%')).toEqual({ side: 'right', anchor: 'start' });
    // The value axis runs from −20 % in round steps that include zero, its unit said once, above the chart.
    expect(within(frame).getByText('单位：% · 时期：2023年1–7月累计')).toBeInTheDocument();
    const ticks = within(frame).getAllByText(/^[−+]?\d+$/, { selector: '.recharts-cartesian-axis-tick-labels *' });
    expect(ticks.map((t) => t.textContent)).toEqual(['−20', '0', '20', '40', '60']);
  });

  it('shows the error in each chart with a retry that loads the figures', async () => {
    const { user } = renderApp('/sectors?period=2023M07', { handlers: [failWith('sectors', 500)] });
    const frame = await screen.findByRole('region', { name: '分产业规上工业产值' });
    const alert = await within(frame).findByRole('alert');
    expect(alert).toHaveTextContent('分产业规上工业产值加载失败');
    expect(alert).toHaveTextContent('数据服务出错（HTTP 500）');
    expect(screen.getAllByRole('alert')).toHaveLength(4);
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryAllByRole('alert')).toHaveLength(0));
    const { table } = await chartTable(user, '分产业规上工业产值');
    expect(value(table, /汽车/)).toBe('56.67');
  });
});

describe('/sectors/:sectorId', () => {
  it('shows what the report says of a sector’s firms and the figures it gives about them, each with its line', async () => {
    renderApp('/sectors/electronics?period=2022');
    const firms = await screen.findByRole('region', { name: '重点企业' }, SLOW);
    const item = (name: string) => within(firms).getByText(name).closest('li') as HTMLElement;
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('今年3月落户后投产用时90天');
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('目前产值580万余元');
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('年内有望实现产值1500万元');
    expect(within(item('斯太宝科技有限公司')).getByRole('button', { name: '数据来源：第68段' })).toBeInTheDocument();
    expect(item('斯太宝科技有限公司')).toHaveTextContent('“嘉陵创客科技创业种子投资基金”投资40万元');
  });

  it('on the report’s own data counts the projects the report names, with nothing marked illustrative', async () => {
    renderApp('/sectors/automotive?period=2023M07');
    const projects = await screen.findByRole('region', { name: '重大项目' }, SLOW);
    expect(within(projects).getByText('报告点名的重大项目中，汽车产业有 1 个。')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/示意/);
  });

  it('shows the sector figures with provenance, firms and projects, without a trend from illustrative months (sample data)', async () => {
    server.use(...scenarioHandlers('demo'));
    const { router } = renderApp('/sectors/automotive?period=2023M07');
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' }, SLOW)).toBeInTheDocument();
    // The path names the sector: the address is not rewritten to repeat it (…&sector=automotive),
    // and the header's sector filter shows it.
    expect(await screen.findByRole('combobox', { name: '产业' })).toHaveValue('automotive');
    expect(currentUrl(router)).toBe('/sectors/automotive?period=2023M07');

    const figures = await screen.findByRole('region', { name: '主要数据' });
    expect(await within(figures).findByText('56.67亿元')).toBeInTheDocument();
    expect(within(figures).getByText('+10.8%')).toBeInTheDocument();
    expect(within(figures).getAllByRole('button', { name: /^数据来源：报告第/ })[0]).toHaveTextContent('报告第38段');
    // What the period lacks is one line, not cards saying 未公布; the firm count is offered under its own period.
    expect(within(figures).queryByText('未公布')).not.toBeInTheDocument();
    expect(within(figures).getByText(/^2023年1–7月累计未公布：/)).toHaveTextContent(
      `2023年1–7月累计未公布：规上工业企业、占全区规上工业产值比重。有数据的时期：规上工业企业 ${TO_DATE.zh}：53家`,
    );
    // One known month (Jan–Jul, the output above) is no trend: nothing is drawn.
    expect(screen.queryByRole('region', { name: '汽车产业规上工业产值月度累计' })).not.toBeInTheDocument();

    const firms = screen.getByRole('region', { name: '重点企业' });
    expect(within(firms).getByText('重庆睿蓝汽车')).toBeInTheDocument();
    expect(within(firms).getByText('华众汽车饰件')).toBeInTheDocument();
    expect(within(firms).getByText('报告第79段')).toBeInTheDocument();

    const projects = screen.getByRole('region', { name: '重大项目' });
    const count = demoProjects.filter((p) => p.sector === 'automotive').length;
    // The report gives no project count by sector: the list's count is marked illustrative where it is shown.
    const line = within(projects).getByText(`项目库中汽车产业有 ${count} 个重大项目。`);
    expect(within(line).getByRole('button', { name: '数据来源：示意数据' })).toBeInTheDocument();
    expect(within(projects).getByRole('link', { name: '在重大项目跟踪中查看汽车产业项目' })).toHaveAttribute(
      'href',
      '/projects?period=2023M07&sector=automotive',
    );
  });

  it('carries the page’s sector on through the header’s links, though the address names it only in the path', async () => {
    renderApp('/sectors/automotive?period=2023M07');
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' }, SLOW)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: '总览' })).toHaveAttribute(
        'href',
        '/?period=2023M07&sector=automotive',
      ),
    );
  });

  it('opens another sector when the header sector filter changes', async () => {
    const { user, router } = renderApp('/sectors/automotive?period=2023M07&sector=automotive');
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' }, SLOW)).toBeInTheDocument();
    await screen.findByRole('option', { name: '装备' });
    await user.selectOptions(screen.getByRole('combobox', { name: '产业' }), 'equipment');
    expect(await screen.findByRole('heading', { level: 1, name: '装备' }, SLOW)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors/equipment?period=2023M07');
  });

  it('draws the trend from known months only, and writes fewer than three as text', async () => {
    const reported = { kind: 'reported', source: 'L38' } as const;
    const imported = {
      kind: 'imported',
      import: { file: '2023年8月.xlsx', version: 2, sheet: '产业', row: 5 },
    } as const;
    const month = (m: number, yi: number, provenance: object) => ({
      period: `2023M0${m}`,
      value: yi * 1e8,
      provenance,
    });
    const withSeries = (points: ReturnType<typeof month>[]) =>
      malformed('sector', (body) => ({ ...body, series: { unit: 'cny', cumulative: true, points } }));
    const illustrative = [1, 2, 3, 4, 5, 6].map((m) => month(m, m * 8, { kind: 'illustrative' }));

    const { user, unmount } = renderApp('/sectors/automotive?period=2023M07', {
      handlers: [withSeries([...illustrative, month(7, 56.67, reported), month(8, 65.02, imported)])],
    });
    // One paragraph (its figures are spans of their own, kept on one line each).
    expect(
      await screen.findByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent === '汽车产业规上工业产值走势：2023年1–7月累计 56.67亿元 → 2023年1–8月累计 65.02亿元',
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '汽车产业规上工业产值月度累计' })).not.toBeInTheDocument();
    unmount();

    renderApp('/sectors/automotive?period=2023M07', {
      handlers: [
        withSeries([
          month(5, 41, imported),
          month(6, 48, { kind: 'illustrative' }),
          month(7, 56.67, reported),
          month(8, 65.02, imported),
        ]),
      ],
    });
    const { table } = await chartTable(user, '汽车产业规上工业产值月度累计');
    // The months' totals in one unit, named in the column's header, each to the same 0.01亿.
    expect(within(table).getByRole('columnheader', { name: '累计产值（亿元）' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1–5月41\.00/),
      expect.stringMatching(/^1–7月56\.67/),
      expect.stringMatching(/^1–8月65\.02/),
    ]);
    expect(within(table).queryByRole('button', { name: '数据来源：示意数据' })).not.toBeInTheDocument();
  });

  it('says in one line that the report has no figures for a sector, and links to the sectors that have', async () => {
    const { user } = renderApp('/sectors/motorcycle?period=2023H1');
    const line = await screen.findByText(/^报告未公布摩托车产业的任何数据。/, {}, SLOW);
    expect(line).toHaveTextContent(
      '报告未公布摩托车产业的任何数据。有数据的产业：电子信息、汽车、装备、材料、医药、能源',
    );
    expect(screen.queryByText('未公布')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '摩托车产业规上工业产值月度累计' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '在重大项目跟踪中查看摩托车产业项目' })).not.toBeInTheDocument();
    await user.click(within(line).getByRole('link', { name: '汽车' }));
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' }, SLOW)).toBeInTheDocument();
  });

  it('says when the chosen period has no figures for the sector and links to one that has', async () => {
    renderApp('/sectors/pharma?period=2023H1');
    expect(await screen.findByText('2023年上半年报告未公布医药产业的数据。', {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2023年1–7月累计' })).toHaveAttribute(
      'href',
      '/sectors/pharma?period=2023M07',
    );
  });

  it('opens on the nearest period with the sector’s chart when the default period has none, and says so', async () => {
    const { user, router } = renderApp('/sectors/pharma');
    const notice = await screen.findByText(
      /2023年上半年报告未公布医药产业的数据，这里显示时间最近、有数据的2023年1–7月累计。/,
      {},
      SLOW,
    );
    // The address says what is shown.
    expect(currentUrl(router)).toMatch(/^\/sectors\/pharma\?period=2023M07$/);
    expect(await screen.findByText('38.62亿元')).toBeInTheDocument();
    await user.click(within(notice).getByRole('link', { name: '查看2023年上半年' }));
    await waitFor(() => expect(currentUrl(router)).toMatch(/^\/sectors\/pharma\?period=2023H1$/));
    expect(await screen.findByText('2023年上半年报告未公布医药产业的数据。')).toBeInTheDocument();
  });

  it('opens electronics on 2022, the nearest period with its output, and points to its firm count to date', async () => {
    const { router } = renderApp('/sectors/electronics', { locale: 'en' });
    const figures = await screen.findByRole('region', { name: 'Key figures' }, SLOW);
    expect(await within(figures).findByText('¥55.03B')).toBeInTheDocument();
    expect(currentUrl(router)).toMatch(/^\/sectors\/electronics\?lang=en&period=2022$/);
    expect(await within(figures).findByRole('link', { name: `${TO_DATE.en}: 81 firms` })).toHaveAttribute(
      'href',
      expect.stringContaining('period=2023D0826'),
    );
  });

  it('shows a clear page with a way back for an unknown sector', async () => {
    renderApp('/sectors/rockets?period=2022');
    expect(await screen.findByRole('heading', { level: 1, name: '没有这个产业' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('地址中的“rockets”不是本平台统计的产业。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回产业总览' })).toHaveAttribute('href', '/sectors?period=2022');
  });
});
