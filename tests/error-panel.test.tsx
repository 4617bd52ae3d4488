/**
 * The fault matrix, what the user reads: each kind of error `apiGet` produces (made here by the
 * faults themselves, see tests/faults.ts) in the error panel's words, in zh-CN and English, with
 * its retry; and a panel that fails to render.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet } from '../src/api/client';
import { ErrorPanel } from '../src/components/ErrorPanel';
import { PanelBoundary } from '../src/components/PanelBoundary';
import type { Locale } from '../src/lib/i18n';
import { server } from '../mocks/node';
import { faultTally, payloadFault, REQUESTS, TRANSPORT_FAULTS } from './faults';
import { atAddress } from './render';
import type { PayloadFault, TransportFault } from './faults';

const tally = faultTally('what the user reads: error × language');

/** The error `apiGet` rejects with for `fault` on /kpis. */
async function errorOf(fault: TransportFault | PayloadFault | 'HTTP 409'): Promise<unknown> {
  const { path, schema, params } = REQUESTS.kpis;
  if (fault === 'HTTP 409') return new ApiError('http', path, `${path} answered HTTP 409`, { status: 409 });
  server.use(
    fault in TRANSPORT_FAULTS
      ? TRANSPORT_FAULTS[fault as TransportFault]('kpis')
      : payloadFault('kpis', fault as PayloadFault),
  );
  try {
    await apiGet(path, schema, { params, timeoutMs: fault === 'timeout' ? 1 : undefined });
  } catch (error) {
    return error;
  } finally {
    server.resetHandlers();
  }
  throw new Error(`${fault} did not fail`);
}

interface Reading {
  reason: Record<Locale, string>;
  /** A 401 offers to sign in. */
  signIn?: boolean;
}

const READINGS: Record<string, Reading> = {
  'HTTP 500': { reason: { 'zh-CN': '数据服务出错（HTTP 500）。', en: 'The data service failed (HTTP 500).' } },
  'HTTP 503 with Retry-After': {
    reason: {
      'zh-CN': '数据服务暂时不可用（HTTP 503），建议 30 秒后重试。',
      en: 'The data service is temporarily unavailable (HTTP 503); try again in 30 s.',
    },
  },
  'HTTP 404': {
    reason: { 'zh-CN': '数据服务找不到这项数据（HTTP 404）。', en: 'The data service has no such data (HTTP 404).' },
  },
  'HTTP 401': {
    reason: {
      'zh-CN': '本看板仅对已登录的用户开放（HTTP 401）。',
      en: 'This dashboard is open to signed-in users only (HTTP 401).',
    },
    signIn: true,
  },
  'HTTP 403': {
    reason: {
      'zh-CN': '没有访问这项数据的权限（HTTP 403），请联系管理员。',
      en: 'You are not allowed to see this data (HTTP 403); please contact your administrator.',
    },
  },
  'HTTP 409': {
    reason: { 'zh-CN': '数据服务拒绝了请求（HTTP 409）。', en: 'The data service refused the request (HTTP 409).' },
  },
  timeout: { reason: { 'zh-CN': '数据服务长时间未响应。', en: 'The data service did not answer in time.' } },
  'network error': {
    reason: {
      'zh-CN': '无法连接数据服务，请检查网络连接。',
      en: 'The data service cannot be reached; check the network connection.',
    },
  },
  'invalid JSON': {
    reason: {
      'zh-CN': '数据服务返回的数据格式有误（位置：(root)）。为避免显示错误数字，此处暂不显示。',
      en: 'The data service sent data in an unexpected format (at (root)). It is not shown, to avoid showing wrong figures.',
    },
  },
  '"NaN" string': {
    reason: {
      'zh-CN': '数据服务返回的数据格式有误（位置：items[0].value.value）。为避免显示错误数字，此处暂不显示。',
      en: 'The data service sent data in an unexpected format (at items[0].value.value). It is not shown, to avoid showing wrong figures.',
    },
  },
};

const LOCALES = [
  {
    locale: 'zh-CN',
    what: '重点指标',
    title: '重点指标加载失败',
    retry: '重试',
    retrying: '正在重试…',
    signIn: '登录后查看',
  },
  {
    locale: 'en',
    what: 'headline figures',
    title: 'Could not load headline figures',
    retry: 'Retry',
    retrying: 'Retrying…',
    signIn: 'Sign in to see it',
  },
] as const;

const errors: Record<string, unknown> = {};
beforeAll(async () => {
  // One at a time: each puts its own handler in front of the mock API.
  for (const fault of Object.keys(READINGS)) errors[fault] = await errorOf(fault as TransportFault);
});

describe('error panel: every kind of error, in both languages', () => {
  const cases = Object.keys(READINGS).flatMap((fault) =>
    LOCALES.map((l) => [`${fault} · ${l.locale}`, fault, l] as const),
  );
  it.each(tally.add(cases))('%s', async (_name, fault, l) => {
    const onRetry = vi.fn();
    render(<ErrorPanel what={l.what} error={errors[fault]} onRetry={onRetry} />, {
      wrapper: atAddress(`/?lang=${l.locale}`),
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(l.title)).toBeInTheDocument();
    expect(within(alert).getByText(READINGS[fault]!.reason[l.locale])).toBeInTheDocument();
    const signIn = within(alert).queryByRole('link', { name: l.signIn });
    if (READINGS[fault]!.signIn) expect(signIn).toHaveAttribute('href', '/admin');
    else expect(signIn).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: l.retry }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    tally.pass();
  });
});

describe('error panel: retrying, and without a retry', () => {
  it.each(tally.add(LOCALES.map((l) => [`retrying · ${l.locale}`, l] as const)))('%s', (_name, l) => {
    render(<ErrorPanel what={l.what} error={errors['HTTP 500']} onRetry={() => undefined} retrying />, {
      wrapper: atAddress(`/?lang=${l.locale}`),
    });
    expect(screen.getByRole('button', { name: l.retrying })).toBeDisabled();
    tally.pass();
  });

  it.each(tally.add([['no retry offered · zh-CN'] as const]))('%s', () => {
    render(<ErrorPanel what="重点指标" error={errors['HTTP 500']} />, { wrapper: atAddress('/') });
    expect(screen.getByRole('alert')).toHaveTextContent('重点指标加载失败数据服务出错（HTTP 500）。');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    tally.pass();
  });
});

describe('panel boundary: a panel that fails to render', () => {
  function Flaky({ fail }: { fail: boolean }) {
    if (fail) throw new Error('cannot read properties of undefined');
    return <p>面板内容</p>;
  }
  function Page() {
    const [fail, setFail] = useState(true);
    return (
      <>
        <button type="button" onClick={() => setFail(false)}>
          修复
        </button>
        <PanelBoundary what="产业图表">
          <Flaky fail={fail} />
        </PanelBoundary>
        <p>页面其余部分</p>
      </>
    );
  }

  it.each(tally.add(LOCALES.map((l) => [`render crash · ${l.locale}`, l] as const)))('%s', async (_name, l) => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<Page />, { wrapper: atAddress(`/?lang=${l.locale}`) });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      l.locale === 'en'
        ? 'Could not load 产业图表Something unexpected went wrong: cannot read properties of undefined'
        : '产业图表加载失败发生意外错误：cannot read properties of undefined',
    );
    expect(screen.getByText('页面其余部分')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '修复' }));
    await userEvent.click(within(alert).getByRole('button', { name: l.retry }));
    expect(await screen.findByText('面板内容')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    tally.pass();
  });
});
