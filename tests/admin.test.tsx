/**
 * The admin area in the whole app: one journey, from the footer's link to a published update and
 * back to the overview. What the page does at each step is tested beside it
 * (src/features/admin/AdminPage.test.tsx) against the same fake admin API.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeAdmin, signIn, WAIT, xlsx } from './adminApi';
import { currentUrl, renderApp } from './render';

describe('/admin', () => {
  it('opens from the footer, signs in, checks and publishes a file, and leads back to the overview', async () => {
    const fake = fakeAdmin({ signedIn: false });
    const { user, router } = renderApp('/', { handlers: fake.handlers });
    const footer = screen.getAllByRole('contentinfo').at(-1) as HTMLElement;
    await user.click(within(footer).getByRole('link', { name: '数据管理' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin'));
    expect(await screen.findByRole('heading', { level: 1, name: '数据管理' }, WAIT)).toBeInTheDocument();

    await signIn(user, 'li.na');
    expect(await screen.findByText('已登录：li.na', {}, WAIT)).toBeInTheDocument();

    await user.upload(screen.getByLabelText(/^选择文件/), xlsx());
    await user.click(screen.getByRole('button', { name: '上传并检查' }));
    expect(await screen.findByRole('heading', { name: '检查结果' }, WAIT)).toBeInTheDocument();
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    expect(await within(publishStep).findByText('已发布第 2 版。', {}, WAIT)).toBeInTheDocument();

    await user.click(within(publishStep).getByRole('link', { name: '查看总览' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/'));
    expect(await screen.findByRole('heading', { level: 1, name: '经济运行总览' }, WAIT)).toBeInTheDocument();
  });
});
