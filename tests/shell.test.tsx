import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentUrl, renderApp } from './render';

describe('app shell', () => {
  it('shows the district, the data date and the filters in Chinese by default', async () => {
    renderApp('/');
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('北碚区')).toBeInTheDocument();
    expect(await within(header).findByText('数据截至 2023年8月26日')).toBeInTheDocument();
    expect(within(header).getByRole('combobox', { name: '时期' })).toHaveValue('2023H1');
    expect(within(header).getByRole('combobox', { name: '产业' })).toHaveValue('');
  });

  it('writes a period chosen in the header into the address, and back restores it', async () => {
    const { user, router } = renderApp('/');
    const period = screen.getByRole('combobox', { name: '时期' });
    await screen.findByRole('option', { name: '2022年' });
    await user.selectOptions(period, '2022');
    await waitFor(() => expect(currentUrl(router)).toBe('/?period=2022'));
    expect(period).toHaveValue('2022');
    await router.navigate(-1);
    await waitFor(() => expect(period).toHaveValue('2023H1'));
  });

  it('ignores an unknown period with a notice and shows the default instead', async () => {
    const { router } = renderApp('/?period=bogus&sector=automotive');
    const notice = await screen.findByRole('status', { name: '提示' });
    expect(notice).toHaveTextContent('period=“bogus”');
    await waitFor(() => expect(currentUrl(router)).toBe('/?sector=automotive'));
    expect(screen.getByRole('combobox', { name: '时期' })).toHaveValue('2023H1');
    expect(screen.getByRole('combobox', { name: '产业' })).toHaveValue('automotive');
  });

  it('switches to English from the header and remembers it in the address', async () => {
    const { user, router } = renderApp('/');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Beibei District')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Period' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/?lang=en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches language and theme without losing the filters, and remembers them for the next visit', async () => {
    const { user, router } = renderApp('/?period=2022&sector=automotive');
    await screen.findByRole('option', { name: '2022年' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('combobox', { name: 'Period' })).toHaveValue('2022');
    expect(screen.getByRole('combobox', { name: 'Sector' })).toHaveValue('automotive');
    expect(currentUrl(router)).toBe('/?period=2022&sector=automotive&lang=en');
    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(currentUrl(router)).toBe('/?period=2022&sector=automotive&lang=en&theme=dark');
    expect(JSON.parse(localStorage.getItem('beibei.prefs') ?? '{}')).toMatchObject({
      state: { locale: 'en', theme: 'dark' },
    });
  });

  it('returns to the language of the page before on back, and to the one chosen on forward', async () => {
    const { user, router } = renderApp('/');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    await user.click(within(nav).getByRole('link', { name: '简报' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/briefing'));
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/briefing?lang=en');
    await router.navigate(-1);
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/');
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    await router.navigate(1);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('opens a bare address in the language chosen last time, written into the address', async () => {
    const { router } = renderApp('/sectors', { locale: 'en', theme: 'dark' });
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors?lang=en&theme=dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('reports a language it cannot use and keeps the one chosen last time', async () => {
    const { router } = renderApp('/?lang=xx', { locale: 'en' });
    const notice = await screen.findByRole('status', { name: 'Notice' });
    expect(notice).toHaveTextContent('lang="xx"');
    await waitFor(() => expect(currentUrl(router)).toBe('/?lang=en'));
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  });

  it('keeps the header working when the meta endpoint fails, and says why', async () => {
    const { failWith } = await import('../mocks/scenarios');
    renderApp('/', { handlers: [failWith('meta', 503, { 'Retry-After': '30' })] });
    const alert = await screen.findByText('基础信息加载失败');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('建议 30 秒后重试');
    expect(screen.getByRole('combobox', { name: '时期' })).toBeEnabled();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
  });

  it('on a dashboard closed to readers who are not signed in, says so and links to the sign-in', async () => {
    const { failWith } = await import('../mocks/scenarios');
    renderApp('/', { handlers: [failWith('meta', 401), failWith('kpis', 401)] });
    const alert = (await screen.findByText('基础信息加载失败')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('本看板仅对已登录的用户开放（HTTP 401）');
    expect(within(alert as HTMLElement).getByRole('link', { name: '登录后查看' })).toHaveAttribute('href', '/admin');
  });

  it('shows a not-found page for an unknown address with a way back', async () => {
    renderApp('/nowhere?period=2022');
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回总览' })).toHaveAttribute('href', '/?period=2022');
  });
});
