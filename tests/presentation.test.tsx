import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSIST_PREFIX } from '../src/features/presentation/wallSaved';
import { failWith, malformed, networkError, scenarioHandlers, slow } from '../mocks/scenarios';
import { kpiKeys, kpiListOptions } from '../src/api/kpis';
import type { KpiList } from '../src/api/kpis';
import { createQueryClient } from '../src/api/queryClient';
import { server } from '../mocks/node';
import { currentUrl, loadPageCode, renderApp } from './render';
import { advance, saveAndLeave, savedAnswers, savedAnything, onFakeClock } from './wall';

const title = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const ALL_ENDPOINTS = ['meta', 'kpis', 'sectors', 'sector', 'projects', 'project'] as const;
const offline = () => ALL_ENDPOINTS.map((e) => networkError(e));

// The wall screen's code is loaded before it is rendered, as at start (main.tsx): rendered through
// React.lazy instead (the first test of a run), its first paint came before its listeners were
// attached, and a mouse move or key right after its title appeared went unheard.
beforeAll(() => loadPageCode('/present'));
onFakeClock();

describe('presentation mode', () => {
  it('shows the headline figures with pace against the target, the clock and the data date', async () => {
    renderApp('/present');
    await title('主要经济指标');
    expect(await screen.findByRole('heading', { level: 2, name: '签约资金' })).toBeInTheDocument();
    expect(screen.getByText('180')).toBeInTheDocument();
    expect(screen.getByText('年度目标 400亿元')).toBeInTheDocument();
    // L52: the 招商引资 task at 156 % of its period target is the verdict, not linear 序时进度.
    const signed = screen.getByRole('heading', { level: 2, name: '签约资金' }).closest('li') as HTMLElement;
    expect(signed).toHaveTextContent('完成当期目标任务的 156%，已完成当期目标');
    expect(signed).not.toHaveTextContent('慢于序时进度');
    expect(screen.getByText('数据截至 2023年8月26日')).toBeInTheDocument();
    expect(screen.getByLabelText('当前时间')).toHaveTextContent(/^\d{2}:\d{2}$/);
    expect(screen.getByText('1 / 5')).toBeInTheDocument();
    // Chrome-less: no navigation, no filter bar.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('says an annual target reached as a fact, as the tiles and the briefing do, not as a reckoning', async () => {
    const reached = malformed('kpis', (body) => ({
      ...body,
      items: (body.items as KpiList['items']).map((k) =>
        k.id === 'investment-signed' ? { ...k, periodTarget: null, value: { ...k.value, value: 420e8 } } : k,
      ),
    }));
    renderApp('/present', { handlers: [reached] });
    const heading = await screen.findByRole('heading', { level: 2, name: '签约资金' });
    const signed = heading.closest('li') as HTMLElement;
    expect(signed).toHaveTextContent('已完成 105.0%');
    expect(signed).toHaveTextContent('已完成全年目标');
    expect(signed).not.toHaveTextContent('序时进度测算');
  });

  it('starts from the headline figures the app already has, while its own request is still out', async () => {
    const dashboard = createQueryClient({ retry: false });
    const figures = await dashboard.query(kpiListOptions({ period: '2023H1', sector: null }));
    renderApp('/present', {
      handlers: [slow('kpis', 60_000)],
      seed: (client) => client.setQueryData(kpiKeys.list({ period: '2023H1', sector: null }), figures),
    });
    await title('主要经济指标');
    expect(await screen.findByText('180')).toBeInTheDocument();
    // Signed and arrived, both judged by their task's 156 %.
    expect(screen.getAllByText('完成当期目标任务的 156%，已完成当期目标')).toHaveLength(2);
  });

  it('marks every change with ▲ or ▼ and says the direction in words, not in colour alone', async () => {
    renderApp('/present');
    await title('主要经济指标');
    const arrived = (await screen.findByRole('heading', { level: 2, name: '到位资金' })).closest('li') as HTMLElement;
    expect(within(arrived).getByText('同比 +41%')).toHaveTextContent('▲上升同比 +41%');
    const entities = screen.getByRole('heading', { level: 2, name: '民营经济市场主体' }).closest('li') as HTMLElement;
    expect(entities).toHaveTextContent('▲上升同比 +10.0%');
  });

  it('shows progress towards this year’s targets only from this year’s figures', async () => {
    renderApp('/present?slides=attraction&period=2023H1');
    await title('招商引资与目标进度');
    expect(await screen.findByRole('heading', { level: 3, name: '签约资金' })).toBeInTheDocument();
    // 2022's (derived) 918.7亿元 is no progress towards 2023's 1000亿元.
    expect(screen.queryByText('918.7')).toBeNull();
    expect(screen.getByText('规上工业总产值')).toBeInTheDocument();
  });

  it('marks each sector’s growth ▲/▼ and says which sector figures the report gives no period for', async () => {
    renderApp('/present?slides=sectors&period=2023M07');
    await title('产业结构');
    // The output bars (the growth ranking beside them names the sectors too).
    const output = await screen.findByRole('region', { name: '规上工业产值（2023年1–7月累计）' });
    const pharma = within(output).getByText('医药').closest('li') as HTMLElement;
    expect(pharma).toHaveTextContent('▲上升增速 +12.8% · 报告未注明时期');
    const automotive = within(output).getByText('汽车').closest('li') as HTMLElement;
    expect(automotive).not.toHaveTextContent('未注明时期');
  });

  it('says whose a latest figure is when it is an earlier period’s', async () => {
    renderApp('/present?period=2023D0826');
    await title('主要经济指标');
    const signed = (await screen.findByRole('heading', { level: 2, name: '签约资金' })).closest('li') as HTMLElement;
    expect(signed).toHaveTextContent('2023年上半年数据');
  });

  it('gives a named project the stage it had at the end of the period: the hospital had not broken ground in June', async () => {
    renderApp('/present?slides=projects&period=2023H1');
    await title('重点项目一览');
    const hospital = (await screen.findAllByText('广州中医药大学第一附属医院重庆医院（一期）'))[0]!.closest('li');
    expect(hospital).toHaveTextContent('未开工');
    expect(hospital).not.toHaveTextContent('在建');
    const bridge = screen.getAllByText('渝武高速公路复线')[0]!.closest('li');
    expect(bridge).toHaveTextContent('在建');
  });

  it('asks for the long project list only after the headline figures have answered', async () => {
    const events: string[] = [];
    const log =
      (what: string) =>
      ({ request }: { request: Request }) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/kpis') || path.endsWith('/projects')) events.push(`${what} ${path.split('/').pop() ?? ''}`);
      };
    const onStart = log('ask');
    const onEnd = log('answer');
    server.events.on('request:start', onStart);
    server.events.on('response:mocked', onEnd);
    try {
      renderApp('/present');
      await title('主要经济指标');
      await waitFor(() => expect(events).toContain('answer projects'));
      expect(events.indexOf('ask projects')).toBeGreaterThan(events.indexOf('answer kpis'));
    } finally {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onEnd);
    }
  });

  it('plays the slides in the order of the address, one per interval, and loops', async () => {
    renderApp('/present?slides=pipeline,kpis,projects&interval=10');
    await title('重大项目进展');
    expect(await screen.findByText('13 个')).toBeInTheDocument();
    await advance(9_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('重大项目进展');
    await advance(1_100);
    await title('主要经济指标');
    await advance(10_000);
    await title('重点项目一览');
    expect(screen.getByRole('heading', { name: '报告点名的重点项目（23 个）' })).toBeInTheDocument();
    expect(screen.getAllByText('宝山大桥西延段').length).toBeGreaterThan(0);
    await advance(10_000);
    await title('重大项目进展');
  });

  it('gives each sector its own slide with slides=sectors:each', async () => {
    renderApp('/present?slides=sectors:each&interval=5');
    await title('电子信息产业');
    // Found, not held: the slide redraws when the sector figures fall back to the latest period that has them.
    await screen.findByText('中科光智(重庆)科技有限公司');
    expect(screen.getByText('1 / 8')).toBeInTheDocument();
    await advance(5_000);
    await title('汽车产业');
    expect(await screen.findByText('56.67')).toBeInTheDocument();
    // The report gives no project count by sector: the wall counts the projects it names, and says so.
    const projects = (await screen.findByRole('heading', { name: '报告点名的重点项目' })).closest('li') as HTMLElement;
    expect(projects).toHaveTextContent('推算数据 · 算法：报告点名的本产业项目计数');
    expect(projects).not.toHaveTextContent('示意数据');
  });

  it('falls back to defaults for bad address values, says so, and does not crash', async () => {
    renderApp('/present?slides=bogus,sectors&interval=abc&refresh=-1');
    await title('产业结构');
    expect(screen.getByText('1 / 1')).toBeInTheDocument();
    expect(
      screen.getByText('已忽略无效参数：slides=bogus, interval=abc, refresh=-1（已使用默认值）'),
    ).toBeInTheDocument();
    // The sector list of 2023H1 is empty; the slide shows the latest period that has figures, and says which.
    expect(await screen.findByRole('heading', { name: '规上工业产值（2023年1–7月累计）' })).toBeInTheDocument();
    expect(screen.getByText('56.67')).toBeInTheDocument();
  });

  it('is driven by the keyboard: arrows move, Space pauses and resumes, F asks for full screen, Esc leaves', async () => {
    const requestFullscreen = vi.fn(() => Promise.resolve());
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
    document.documentElement.requestFullscreen = requestFullscreen;
    const { user, router } = renderApp('/present?slides=kpis,sectors,pipeline&interval=10&period=2023H1&lang=zh-CN');
    await title('主要经济指标');

    await user.keyboard('{ArrowRight}');
    await title('产业结构');
    await user.keyboard('{ArrowLeft}');
    await title('主要经济指标');
    await user.keyboard('{ArrowLeft}');
    await title('重大项目进展');

    await user.keyboard(' ');
    expect(screen.getByText('已暂停')).toBeInTheDocument();
    await advance(35_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('重大项目进展');
    await user.keyboard(' ');
    expect(screen.queryByText('已暂停')).toBeNull();
    await advance(10_500);
    await title('主要经济指标');

    await user.keyboard('f');
    expect(requestFullscreen).toHaveBeenCalledTimes(1);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(currentUrl(router)).toBe('/?period=2023H1&lang=zh-CN');
  });

  it('keeps the time left on a slide while paused', async () => {
    renderApp('/present?slides=kpis,sectors&interval=10');
    await title('主要经济指标');
    await advance(6_000);
    fireEvent.keyDown(window, { key: ' ' });
    await advance(60_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('主要经济指标');
    fireEvent.keyDown(window, { key: ' ' });
    await advance(3_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('主要经济指标');
    await advance(1_500);
    await title('产业结构');
  });

  it('holds the slide while someone scrolls down to read it, goes on at the top, and starts a slide changed by hand at its top', async () => {
    const scrollTo = vi.fn((options: ScrollToOptions) => scrollToY(options.top ?? 0));
    const scrollToY = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      fireEvent.scroll(window);
    };
    vi.spyOn(window, 'scrollTo').mockImplementation(scrollTo as unknown as typeof window.scrollTo);
    try {
      renderApp('/present?slides=kpis,sectors,pipeline&interval=10');
      await title('主要经济指标');
      await advance(6_000);
      scrollToY(400);
      expect(await screen.findByText('阅读中，轮播暂停')).toBeInTheDocument();
      await advance(60_000);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('主要经济指标');
      // Back at the top, the slide gets the time it had left.
      scrollToY(0);
      expect(screen.queryByText('阅读中，轮播暂停')).toBeNull();
      await advance(3_000);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('主要经济指标');
      await advance(1_500);
      await title('产业结构');
      // Reading further down and moving on by hand: the next slide starts at its top, and plays on.
      scrollToY(300);
      fireEvent.keyDown(window, { key: 'ArrowRight' });
      await title('重大项目进展');
      expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
      expect(window.scrollY).toBe(0);
      expect(screen.queryByText('阅读中，轮播暂停')).toBeNull();
      await advance(10_500);
      await title('主要经济指标');
    } finally {
      scrollToY(0);
      vi.restoreAllMocks();
    }
  });

  it('shows the controls on mouse move and hides them, and the cursor, after 3 s idle', async () => {
    const { user } = renderApp('/present?slides=kpis,sectors&interval=30');
    await title('主要经济指标');
    expect(screen.queryByRole('toolbar')).toBeNull();
    fireEvent.mouseMove(document.body);
    const toolbar = screen.getByRole('toolbar', { name: '放映控制' });
    await user.click(within(toolbar).getByRole('button', { name: '下一张（→）' }));
    await title('产业结构');
    await user.click(within(toolbar).getByRole('button', { name: '暂停（空格）' }));
    expect(within(toolbar).getByRole('button', { name: '继续（空格）' })).toBeInTheDocument();
    // The click moved focus into the toolbar; leaving it lets the idle timer hide the controls.
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.mouseMove(document.body);
    await advance(2_900);
    expect(screen.getByRole('toolbar')).toBeInTheDocument();
    await advance(200);
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('keeps the last good data with a stale badge when refreshes fail, and recovers by itself', async () => {
    renderApp('/present?slides=kpis&refresh=2');
    await title('主要经济指标');
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();

    server.use(failWith('kpis', 503), networkError('meta'), networkError('projects'), networkError('sectors'));
    await advance(2_100);
    const badge = await screen.findByRole('status');
    expect(badge).toHaveTextContent(/^数据更新于 \d{2}:\d{2} · 连接中断$/);
    // Still the figures, never an error page or an empty slide.
    expect(screen.getByText('45.3')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();

    server.resetHandlers();
    await advance(2_100);
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.getByText('45.3')).toBeInTheDocument();
  });

  it('shows a calm waiting slide, never an error page, when there has never been data', async () => {
    renderApp('/present?slides=kpis,pipeline&refresh=2', { handlers: scenarioHandlers('offline') });
    expect(await screen.findByText('正在等待数据')).toBeInTheDocument();
    expect(screen.getByText(/数据服务暂时无法连接/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('连接中断 · 正在重试');
    expect(screen.queryByRole('alert')).toBeNull();
    // The service comes back: the next refresh fills the slide.
    server.resetHandlers();
    await advance(2_100);
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('shows the persisted data after a reload while the API is down', async () => {
    await saveAndLeave('/present?slides=kpis,pipeline&interval=5', 4);

    // A new page load: a fresh query client, and every endpoint unreachable.
    renderApp('/present?slides=kpis,pipeline&interval=5', { handlers: offline() });
    await title('主要经济指标');
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(screen.getByText('180')).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent(/^数据更新于 \d{2}:\d{2} · 连接中断$/);
    await advance(5_000);
    await title('重大项目进展');
    expect(screen.getByText('13 个')).toBeInTheDocument();
  });

  it('does not restore data saved under another contract version', async () => {
    await saveAndLeave('/present?slides=kpis', 4);
    const header = JSON.parse(localStorage.getItem(PERSIST_PREFIX) ?? '{}') as { buster: string };
    localStorage.setItem(PERSIST_PREFIX, JSON.stringify({ ...header, buster: 'v0-old' }));
    renderApp('/present?slides=kpis', { handlers: offline() });
    expect(await screen.findByText('正在等待数据')).toBeInTheDocument();
    expect(screen.queryByText('45.3')).toBeNull();
    expect(savedAnything()).toEqual([]);
  });

  it('does not show saved figures more than a week old', async () => {
    await saveAndLeave('/present?slides=kpis', 4);
    vi.setSystemTime(Date.now() + 8 * 24 * 60 * 60 * 1000);
    renderApp('/present?slides=kpis', { handlers: offline() });
    expect(await screen.findByText('正在等待数据')).toBeInTheDocument();
    expect(screen.queryByText('45.3')).toBeNull();
  });

  it('parses saved figures again before showing them: a damaged entry waits for the API, the others show', async () => {
    await saveAndLeave('/present?slides=kpis,pipeline&interval=5', 4);
    const saved = savedAnswers();
    const kpis = saved.find((k) => k.includes('"kpis"'));
    const other = saved.find((k) => k.includes('"meta"'));
    expect(kpis).toBeDefined();
    expect(other).toBeDefined();
    // One entry no longer the contract's shape, another not even JSON.
    const entry = JSON.parse(localStorage.getItem(kpis!) ?? '{}') as { data: { items: unknown[] } };
    localStorage.setItem(kpis!, JSON.stringify({ ...entry, data: { ...entry.data, items: [{ id: 42 }] } }));
    localStorage.setItem(other!, '{"queryKey":');

    renderApp('/present?slides=kpis,pipeline&interval=5', { handlers: offline() });
    expect(await screen.findByText('正在等待数据')).toBeInTheDocument();
    expect(screen.queryByText('45.3')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem(kpis!)).toBeNull();
    expect(localStorage.getItem(other!)).toBeNull();
    // The project list was saved intact: the next slide shows it.
    await advance(5_000);
    await title('重大项目进展');
    expect(await screen.findByText('13 个')).toBeInTheDocument();
  });

  it('keeps the screen awake while it shows, and lets go when it leaves', async () => {
    const release = vi.fn(() => Promise.resolve());
    const request = vi.fn(() => Promise.resolve({ released: false, release }));
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
    try {
      const { unmount } = renderApp('/present?slides=kpis');
      await title('主要经济指标');
      expect(request).toHaveBeenCalledWith('screen');
      unmount();
      await waitFor(() => expect(release).toHaveBeenCalled());
    } finally {
      Reflect.deleteProperty(navigator, 'wakeLock');
    }
  });

  it('with reduced motion, steps through the named projects a page at a time instead of scrolling', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({
          matches: query.includes('reduce'),
          media: query,
          onchange: null,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
          dispatchEvent: () => false,
        }) as unknown as MediaQueryList,
    );
    renderApp('/present?slides=projects&interval=3600');
    const caption = await screen.findByRole('heading', { name: '报告点名的重点项目（23 个）' });
    const panel = caption.closest('section') as HTMLElement;
    const rows = () =>
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    const page1 = rows();
    expect(page1).toHaveLength(6);
    // One copy only: the looping duplicate exists only while scrolling.
    expect(within(panel).getAllByText('低轨导航增强星座建设')).toHaveLength(1);
    await advance(6_000);
    await waitFor(() => expect(rows()[0]).not.toBe(page1[0]));
    expect(rows()).toHaveLength(6);
  });

  it('shrinks a slide title too long for its column until it fits, and leaves short ones at full size', async () => {
    // jsdom has no layout: the title column is 900 px wide and a character takes 34 px at full size.
    const COLUMN = 900;
    const CHAR = 34;
    const isTitle = (el: HTMLElement) => el.classList.contains('wall-header__title');
    const fit = (el: HTMLElement) => Number(el.style.getPropertyValue('--fit') || '1');
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return isTitle(this) ? COLUMN : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return isTitle(this) ? Math.ceil(this.textContent.length * CHAR * fit(this)) : 0;
    });
    try {
      renderApp('/present?slides=kpis,attraction&interval=3600&lang=en', { locale: 'en' });
      const short = await title('Headline figures');
      expect(fit(short)).toBe(1);
      fireEvent.keyDown(window, { key: 'ArrowRight' });
      const long = await title('Investment attraction and targets');
      const natural = long.textContent.length * CHAR; // 1122 px
      expect(fit(long)).toBeLessThan(1);
      expect(natural * fit(long)).toBeLessThanOrEqual(COLUMN);
      expect(natural * fit(long)).toBeGreaterThan(COLUMN - 2);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('follows the language of the address', async () => {
    renderApp('/present?slides=kpis&lang=en&theme=light', { locale: 'en' });
    await title('Headline figures');
    expect(screen.getByText('Data as of Aug 26, 2023')).toBeInTheDocument();
  });
});
