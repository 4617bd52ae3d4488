import { act, render, screen } from '@testing-library/react';
import { Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../src/app/lazyPage';
import { lazyComponent } from '../src/lib/lazyComponent';

let mounts = 0;
function Hello({ name }: { name: string }) {
  useEffect(() => {
    mounts++;
  }, []);
  return <p>{`hello ${name}`}</p>;
}

const inSuspense = (node: ReactNode) => <Suspense fallback={<p>loading</p>}>{node}</Suspense>;

describe('lazyComponent', () => {
  it('renders a component loaded ahead of time at once, with its props, without the Suspense fallback', async () => {
    const importer = vi.fn(() => Promise.resolve(Hello));
    const { load, Component } = lazyComponent(importer);
    await load();
    render(inSuspense(<Component name="output" />));
    expect(screen.getByText('hello output')).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
    expect(importer).toHaveBeenCalledOnce();
  });

  it('suspends like React.lazy when the code has not loaded yet, loads it once, then takes new props without remounting', async () => {
    let resolve: (c: typeof Hello) => void = () => undefined;
    const importer = vi.fn(() => new Promise<typeof Hello>((r) => (resolve = r)));
    const { load, Component } = lazyComponent(importer);
    mounts = 0;
    const view = render(inSuspense(<Component name="output" />));
    expect(screen.getByText('loading')).toBeInTheDocument();
    void load();
    await act(() => {
      resolve(Hello);
      return Promise.resolve();
    });
    expect(await screen.findByText('hello output')).toBeInTheDocument();
    // New props reach the component it mounted (a chart keeps its state through a change of theme).
    view.rerender(inSuspense(<Component name="growth" />));
    expect(screen.getByText('hello growth')).toBeInTheDocument();
    expect(mounts).toBe(1);
    expect(importer).toHaveBeenCalledOnce();
  });

  it('asks again after a failed load (a preload that failed does not poison the component)', async () => {
    const importer = vi
      .fn<() => Promise<typeof Hello>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(Hello);
    const { load, Component } = lazyComponent(importer);
    await expect(load()).rejects.toThrow('chunk failed');
    render(inSuspense(<Component name="output" />));
    expect(await screen.findByText('hello output')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(2);
  });
});

describe('lazyPage', () => {
  it("renders a preloaded page module's default export at once", async () => {
    const Page = () => <p>page content</p>;
    const page = lazyPage(() => Promise.resolve({ default: Page }));
    await page.load();
    render(inSuspense(<page.Component />));
    expect(screen.getByText('page content')).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
  });
});
