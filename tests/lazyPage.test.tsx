import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../src/app/lazyPage';

const Hello = () => <p>page content</p>;
const module = { default: Hello };

function renderPage(Component: ComponentType) {
  return render(
    <Suspense fallback={<p>loading page</p>}>
      <Component />
    </Suspense>,
  );
}

describe('lazyPage', () => {
  it('renders a page loaded ahead of time at once, without the Suspense fallback', async () => {
    const importer = vi.fn(() => Promise.resolve(module));
    const page = lazyPage(importer);
    await page.load();
    renderPage(page.Component);
    expect(screen.getByText('page content')).toBeInTheDocument();
    expect(screen.queryByText('loading page')).not.toBeInTheDocument();
    expect(importer).toHaveBeenCalledOnce();
  });

  it('suspends like React.lazy when the code has not loaded yet, and loads it once', async () => {
    let resolve: (m: typeof module) => void = () => undefined;
    const importer = vi.fn(() => new Promise<typeof module>((r) => (resolve = r)));
    const page = lazyPage(importer);
    renderPage(page.Component);
    expect(screen.getByText('loading page')).toBeInTheDocument();
    void page.load();
    await act(() => {
      resolve(module);
      return Promise.resolve();
    });
    expect(await screen.findByText('page content')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledOnce();
  });

  it('asks again after a failed load (a preload that failed does not poison the route)', async () => {
    const importer = vi
      .fn<() => Promise<typeof module>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(module);
    const page = lazyPage(importer);
    await expect(page.load()).rejects.toThrow('chunk failed');
    renderPage(page.Component);
    expect(await screen.findByText('page content')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
