import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A system colour scheme the test can switch, counting the lists asked for. */
function systemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    media: '(prefers-color-scheme: dark)',
    get matches() {
      return dark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation(() => list as unknown as MediaQueryList);
  const switchTo = (next: boolean) => {
    dark = next;
    for (const listener of listeners) listener();
  };
  return { matchMedia, switchTo, listeners };
}

// Each test imports a fresh module (its list is made on first use and kept): files before this one
// in the same worker may have imported it already.
beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('the system theme', () => {
  it('is followed live by every reader through one media query list', async () => {
    const system = systemScheme(false);
    // A fresh module: the list is made on first use and kept.
    const { useResolvedTheme } = await import('./prefs');
    function Theme({ name }: { name: string }) {
      return <p>{`${name}: ${useResolvedTheme()}`}</p>;
    }
    const { unmount } = render(
      <MemoryRouter initialEntries={['/']}>
        {['header', 'chart', 'table'].map((name) => (
          <Theme key={name} name={name} />
        ))}
      </MemoryRouter>,
    );
    expect(screen.getByText('chart: light')).toBeInTheDocument();

    act(() => system.switchTo(true));
    for (const name of ['header', 'chart', 'table']) expect(screen.getByText(`${name}: dark`)).toBeInTheDocument();
    expect(system.matchMedia).toHaveBeenCalledTimes(1);

    unmount();
    expect(system.listeners.size).toBe(0);
  });

  it('gives way to the theme the address asks for', async () => {
    systemScheme(true);
    const { useResolvedTheme } = await import('./prefs');
    function Theme() {
      return <p>{`theme: ${useResolvedTheme()}`}</p>;
    }
    render(
      <MemoryRouter initialEntries={['/?theme=light']}>
        <Theme />
      </MemoryRouter>,
    );
    expect(screen.getByText('theme: light')).toBeInTheDocument();
  });
});
