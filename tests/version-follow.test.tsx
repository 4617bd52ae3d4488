/**
 * An open page follows a newly published data version without a reload: every figure moves to
 * it in the same render (never one figure of the old version beside one of the new), and a
 * polite notice says which version is shown now. The mock API publishes a version by answering
 * as it (every answer names its version in X-Data-Version, as the data service's do).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import { m, reported } from '../data/measure';
import { datasetHandlers } from '../mocks/handlers';
import { failWith, scenarioHandlers, slow } from '../mocks/scenarios';
import { server } from '../mocks/node';
import { DATA_VERSION_HEADER } from '../src/api/client';
import { PERSIST_PREFIX } from '../src/features/presentation/wallSaved';
import { VERSION_POLL_MS } from '../src/api/versions';
import { renderApp } from './render';

/**
 * Version 2 moves the as-of date on (the header, from /meta) and changes a figure of each other
 * endpoint: 签约资金 (/kpis), the automotive output of Jan–Jul (/sectors/automotive) and the
 * first project's name (/projects/{id}).
 */
const PROJECT = reportDataset.projects[0]!;
const revised: Dataset = {
  ...reportDataset,
  meta: { ...reportDataset.meta, asOf: '2023-09-15' },
  kpis: reportDataset.kpis.map((k) =>
    k.id === 'investment-signed'
      ? {
          ...k,
          values: { ...k.values, '2023H1': { ...k.values['2023H1'], value: m('190', 'cny', reported('L52'), 'yi') } },
        }
      : k,
  ),
  sectorFigures: reportDataset.sectorFigures.map((r) =>
    r.sector === 'automotive' && r.period === '2023M07'
      ? { ...r, output: m('58.02', 'cny', reported('L38'), 'yi') }
      : r,
  ),
  projects: reportDataset.projects.map((p) => (p.id === PROJECT.id ? { ...p, name: `${p.name}（二期）` } : p)),
};
const publish = (id: number, dataset: Dataset) =>
  server.use(...datasetHandlers(() => dataset, { id, publishedAt: `2023-09-${10 + id}T02:00:00.000Z` }));

const AS_OF = { old: '数据截至 2023年8月26日', new: '数据截至 2023年9月15日' };

/** The app's header (the page's first banner: a tile's header is one too in jsdom). */
const header = () => screen.getAllByRole('banner')[0]!;

/**
 * Watches the page after every change of the document: the header's as-of date and a figure
 * elsewhere on the page (`figure` reads which of its two versions shows, or null).
 */
function watchFigures(figure: () => 'old' | 'new' | null, dated: () => HTMLElement | undefined = header) {
  const seen: { figure: 'old' | 'new' | null; asOf: 'old' | 'new' | null }[] = [];
  const read = () => {
    const text = dated()?.textContent ?? '';
    const asOf = text.includes(AS_OF.old) ? 'old' : text.includes(AS_OF.new) ? 'new' : null;
    seen.push({ figure: figure(), asOf });
  };
  const observer = new MutationObserver(read);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    /** Every state of the page that showed one version's figure beside the other's date. */
    mixed: () => {
      if (observer.takeRecords().length > 0) read();
      observer.disconnect();
      const both = seen.filter((s) => s.figure !== null && s.asOf !== null);
      expect(both.length).toBeGreaterThan(0);
      return both.filter((s) => s.figure !== s.asOf);
    },
  };
}

const poll = () => act(() => vi.advanceTimersByTimeAsync(VERSION_POLL_MS));
const signed = () => screen.findByRole('article', { name: '签约资金' });

/** The versions the API answered with, in order. */
function answeredVersions() {
  const versions: string[] = [];
  const onResponse = ({ response }: { response: Response }) => {
    const version = response.headers.get(DATA_VERSION_HEADER);
    if (version) versions.push(version);
  };
  server.events.on('response:mocked', onResponse);
  return { versions, stop: () => server.events.removeListener('response:mocked', onResponse) };
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('following a new data version', () => {
  it('moves an open page to a published version at the next poll, all its figures in one render, and says so', async () => {
    const { user } = renderApp('/sectors/automotive?period=2023M07');
    const figures = await screen.findByRole('region', { name: '主要数据' });
    expect(await within(figures).findByText('56.67亿元')).toBeInTheDocument();
    expect(header()).toHaveTextContent(AS_OF.old);
    // The reader is working on the page: following a version must not take their place away.
    const period = within(header()).getByRole('combobox', { name: '时期' });
    await user.click(period);
    const watch = watchFigures(() => {
      const text = screen.queryByRole('region', { name: '主要数据' })?.textContent ?? '';
      // The source badge quotes the report's line (56.67亿元) whatever the value: the new value is looked for first.
      return text.includes('58.02亿元') ? 'new' : text.includes('56.67亿元') ? 'old' : null;
    });

    publish(2, revised);
    // Until the poll, the page stays on the version it has.
    await act(() => vi.advanceTimersByTimeAsync(VERSION_POLL_MS / 2));
    expect(screen.getByRole('region', { name: '主要数据' })).toHaveTextContent('56.67亿元');
    const answered = answeredVersions();
    await poll();
    await waitFor(() => expect(screen.getByRole('region', { name: '主要数据' })).toHaveTextContent('58.02亿元'));
    expect(header()).toHaveTextContent(AS_OF.new);
    answered.stop();
    expect(new Set(answered.versions)).toEqual(new Set(['2']));
    expect(watch.mixed()).toEqual([]);

    const notice = await screen.findByRole('status', { name: '数据更新' });
    await waitFor(() => expect(notice).toHaveTextContent('数据已更新至第 2 版。'));
    expect(within(notice).getByRole('link', { name: '查看变化' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/changes\?.*version=2/),
    );
    expect(period).toHaveFocus();
    await user.click(within(notice).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('status', { name: '数据更新' })).toBeNull();
  });

  it('switches when any answer is of a newer version, and holds that answer until the whole page has moved', async () => {
    const other = reportDataset.projects[1]!;
    const { router } = renderApp(`/projects/${other.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: other.name })).toBeInTheDocument();
    expect(header()).toHaveTextContent(AS_OF.old);
    const watch = watchFigures(() => {
      const heading = screen.queryByRole('heading', { level: 1 })?.textContent ?? '';
      return heading === PROJECT.name ? 'old' : heading === `${PROJECT.name}（二期）` ? 'new' : null;
    });
    publish(2, revised);
    // Version 2's /meta is slow to come: the project must wait for it, not show beside version 1's date.
    server.use(slow('meta', 1500));
    // No poll: opening another project brings the first answer of version 2.
    await router.navigate(`/projects/${PROJECT.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: `${PROJECT.name}（二期）` })).toBeInTheDocument();
    expect(header()).toHaveTextContent(AS_OF.new);
    expect(watch.mixed()).toEqual([]);
    expect(await screen.findByRole('status', { name: '数据更新' })).toBeInTheDocument();
    // On the overview, the figures are version 2's: none of version 1 was kept.
    await router.navigate('/?period=2023H1');
    expect(await signed()).toHaveTextContent('190亿元');
  });

  it('follows a rollback: another version with the old content is a new version too', async () => {
    renderApp('/');
    expect(await signed()).toHaveTextContent('180亿元');
    // The tiles move with the header, both ways: 180亿元 is the date of version 1 (and 3), 190亿元 of 2.
    const watch = watchFigures(() => {
      const text = screen.queryByRole('article', { name: '签约资金' })?.textContent ?? '';
      return text.includes('190亿元') ? 'new' : text.includes('180亿元') ? 'old' : null;
    });
    publish(2, revised);
    await poll();
    await waitFor(() => expect(screen.getByRole('article', { name: '签约资金' })).toHaveTextContent('190亿元'));
    expect(header()).toHaveTextContent(AS_OF.new);
    publish(3, reportDataset);
    await poll();
    await waitFor(() => expect(screen.getByRole('article', { name: '签约资金' })).toHaveTextContent('180亿元'));
    expect(header()).toHaveTextContent(AS_OF.old);
    const notice = screen.getByRole('status', { name: '数据更新' });
    await waitFor(() => expect(notice).toHaveTextContent('数据已更新至第 3 版。'));
    expect(watch.mixed()).toEqual([]);
  });

  it('moves the tracker’s rows with the header in one render', async () => {
    renderApp('/projects');
    expect(await screen.findByRole('link', { name: PROJECT.name })).toBeInTheDocument();
    const watch = watchFigures(() => {
      const names = screen.queryAllByRole('link').map((a) => a.textContent);
      return names.includes(`${PROJECT.name}（二期）`) ? 'new' : names.includes(PROJECT.name) ? 'old' : null;
    });
    publish(2, revised);
    await poll();
    expect(await screen.findByRole('link', { name: `${PROJECT.name}（二期）` })).toBeInTheDocument();
    expect(header()).toHaveTextContent(AS_OF.new);
    expect(watch.mixed()).toEqual([]);
  });

  it('keeps showing the version it has while the new one cannot be read, and moves once it can', async () => {
    renderApp('/');
    expect(await signed()).toHaveTextContent('180亿元');
    publish(2, revised);
    server.use(failWith('kpis', 503));
    await poll();
    // The switch asks again, then waits for the next poll: the page stays whole on version 1.
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(screen.getByRole('article', { name: '签约资金' })).toHaveTextContent('180亿元');
    expect(header()).toHaveTextContent(AS_OF.old);
    expect(screen.queryByRole('status', { name: '数据更新' })).toBeNull();

    server.resetHandlers();
    publish(2, revised);
    await poll();
    await waitFor(() => expect(screen.getByRole('article', { name: '签约资金' })).toHaveTextContent('190亿元'));
    expect(header()).toHaveTextContent(AS_OF.new);
  });

  it('says it in English', async () => {
    renderApp('/?lang=en');
    await screen.findByRole('article', { name: 'Investment signed' });
    publish(2, revised);
    await poll();
    const notice = await screen.findByRole('status', { name: 'Data update' });
    await waitFor(() => expect(notice).toHaveTextContent('Figures updated to version 2.'));
    expect(within(notice).getByRole('link', { name: 'What changed' })).toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });

  it('moves a wall screen too, saves its figures with their version, and a restart goes from them to the API’s as a whole', async () => {
    const wallSigned = () =>
      screen.queryByRole('heading', { level: 2, name: '签约资金' })?.closest('li')?.textContent ?? '';
    const signedOn = () => (wallSigned().includes('190') ? 'new' : wallSigned().includes('180') ? 'old' : null);
    const wall = () => document.querySelector<HTMLElement>('main') ?? undefined;
    const savedVersions = () =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(`${PERSIST_PREFIX}:`))
        .map((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { version?: string }).version);

    const first = renderApp('/present?slides=kpis');
    await screen.findByRole('heading', { level: 2, name: '签约资金' });
    await waitFor(() => expect(signedOn()).toBe('old'));
    const moving = watchFigures(signedOn, wall);
    publish(2, revised);
    await poll();
    await waitFor(() => expect(signedOn()).toBe('new'));
    expect(wall()).toHaveTextContent(AS_OF.new);
    expect(moving.mixed()).toEqual([]);
    const notice = await screen.findByRole('status', { name: '数据更新' });
    await waitFor(() => expect(notice).toHaveTextContent('数据已更新至第 2 版。'));
    // A wall has no one to click a link or a button: the notice says it and goes after a minute.
    expect(within(notice).queryByRole('link')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.queryByRole('status', { name: '数据更新' })).toBeNull();
    await waitFor(() => expect(new Set(savedVersions())).toEqual(new Set(['2'])));
    first.unmount();
    first.queryClient.clear();

    // Restarted while the API cannot be reached, after a rollback (version 1's figures published
    // again as version 3): the saved version 2, whole; once the API answers, version 3, whole.
    server.use(...scenarioHandlers('offline'));
    renderApp('/present?slides=kpis');
    await waitFor(() => expect(signedOn()).toBe('new'));
    expect(wall()).toHaveTextContent(AS_OF.new);
    const restarted = watchFigures(signedOn, wall);
    server.resetHandlers();
    publish(3, reportDataset);
    await poll();
    await waitFor(() => expect(signedOn()).toBe('old'));
    expect(wall()).toHaveTextContent(AS_OF.old);
    expect(restarted.mixed()).toEqual([]);
    expect(await screen.findByRole('status', { name: '数据更新' })).toBeInTheDocument();
  });
});
