/**
 * A dashboard closed to readers who are not signed in (the server's READ_ACCESS=login): what a
 * signed-in reader saw does not outlive the session. The wall screen keeps nothing in the
 * browser under login access; a sign-out or a refusal (401) erases what the browser holds, in
 * memory and in localStorage, and the screen says to sign in instead of showing old figures as
 * "connection lost". Under public access an outage still shows the saved figures.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema } from '../src/api/admin';
import { failWith, loginAccess, networkError, signedOut } from '../mocks/scenarios';
import { server } from '../mocks/node';
import { loadPageCode, renderApp } from './render';
import { advance, saveAndLeave, savedAnswers, savedAnything, onFakeClock } from './wall';

const ENDPOINTS = ['meta', 'kpis', 'sectors', 'sector', 'projects', 'project'] as const;

// The wall screen's code is loaded before it is rendered, as at start (main.tsx; see presentation.test.tsx).
beforeAll(() => loadPageCode('/present'));
onFakeClock();

describe('the wall screen refused for want of a session', () => {
  it('says to sign in, shows none of the figures it saved, and erases them', async () => {
    await saveAndLeave('/present?slides=kpis,pipeline', 3);

    const { user } = renderApp('/present?slides=kpis,pipeline', { handlers: [signedOut()] });
    const prompt = await screen.findByRole('alert');
    expect(prompt).toHaveTextContent('此大屏的数据仅对已登录的用户开放。登录后，大屏会在下次刷新时显示数据。');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请先登录');
    const link = within(prompt).getByRole('link', { name: '登录后查看' });
    expect(link).toHaveAttribute('href', '/admin');
    await user.tab();
    expect(link).toHaveFocus();

    expect(screen.queryByText('45.3')).toBeNull();
    expect(screen.queryByText('180')).toBeNull();
    expect(screen.queryByText(/连接中断/)).toBeNull();
    expect(savedAnything()).toEqual([]);
  });

  it('says so in English too', async () => {
    renderApp('/present?lang=en', { handlers: [signedOut()], locale: 'en' });
    const prompt = await screen.findByRole('alert');
    expect(prompt).toHaveTextContent(
      "This screen's figures are open to signed-in users only. Once you have signed in, they appear at the next refresh.",
    );
    expect(within(prompt).getByRole('link', { name: 'Sign in to see it' })).toHaveAttribute('href', '/admin');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Please sign in');
    expect(screen.queryByText(/connection lost/i)).toBeNull();
  });

  it('drops the figures it is showing when a refresh is refused, and erases its saved copy', async () => {
    renderApp('/present?slides=kpis&refresh=2');
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    await waitFor(() => expect(savedAnswers().length).toBeGreaterThanOrEqual(2));

    server.use(signedOut());
    await advance(2_100);
    expect(await screen.findByRole('alert')).toHaveTextContent('此大屏的数据仅对已登录的用户开放');
    expect(screen.queryByText('45.3')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(savedAnything()).toEqual([]);

    // Signed in again: the next refresh shows the figures.
    server.resetHandlers();
    await advance(2_100);
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the wall screen under login access', () => {
  it('keeps none of the figures in the browser, and erases what an earlier visit saved', async () => {
    await saveAndLeave('/present?slides=kpis', 3);
    expect(savedAnswers().length).toBeGreaterThan(0);

    renderApp('/present?slides=kpis', { handlers: [loginAccess()] });
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(screen.getByText('180')).toBeInTheDocument();
    await advance(1_000);
    expect(savedAnything()).toEqual([]);
  });
});

describe('the wall screen under public access', () => {
  it('shows the saved figures through a server error after a reload, and keeps them', async () => {
    await saveAndLeave('/present?slides=kpis', 3);
    const saved = savedAnswers();

    renderApp('/present?slides=kpis', { handlers: ENDPOINTS.map((e) => failWith(e, 503)) });
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent(/^数据更新于 \d{2}:\d{2} · 连接中断$/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(savedAnswers()).toEqual(saved);
  });

  it('shows the saved figures through a network outage after a reload', async () => {
    await saveAndLeave('/present?slides=kpis', 3);
    renderApp('/present?slides=kpis', { handlers: ENDPOINTS.map((e) => networkError(e)) });
    expect(await screen.findByText('45.3')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('signing out', () => {
  const CSRF = 'csrf-token-0123456789abcdef';
  /** The admin area of a server with READ_ACCESS=login, an editor signed in until they sign out. */
  function editorSession() {
    const state = { signedIn: true };
    const handlers = [
      http.get('*/api/v1/admin/session', () =>
        state.signedIn
          ? HttpResponse.json(
              SessionSchema.parse({ user: 'zhang.wei', csrfToken: CSRF, expiresAt: '2099-01-01T08:00:00Z' }),
            )
          : HttpResponse.json({ error: 'signed_out', message: 'not signed in' }, { status: 401 }),
      ),
      http.get('*/api/v1/admin/versions', () => HttpResponse.json({ versions: [] })),
      http.post('*/api/v1/admin/logout', () => {
        state.signedIn = false;
        // From now on the figures are refused as well.
        server.use(signedOut());
        return new HttpResponse(null, { status: 204 });
      }),
    ];
    return handlers;
  }

  const figure = () => screen.findByRole('article', { name: '工业占GDP比重' });

  it('erases the figures the browser holds: the dashboard asks to sign in, the wall screen saved nothing', async () => {
    await saveAndLeave('/present?slides=kpis', 3);
    const { user, router } = renderApp('/', { handlers: [...editorSession(), loginAccess()] });
    expect(await figure()).toHaveTextContent('45.3');

    await act(() => router.navigate('/admin'));
    await user.click(await screen.findByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已退出登录。');
    expect(savedAnything()).toEqual([]);

    await act(() => router.navigate('/'));
    const [reason] = await screen.findAllByText('本看板仅对已登录的用户开放（HTTP 401）。');
    const alert = reason?.closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: '登录后查看' })).toHaveAttribute('href', '/admin');
    expect(screen.queryByRole('article', { name: '工业占GDP比重' })).toBeNull();
  });
});
