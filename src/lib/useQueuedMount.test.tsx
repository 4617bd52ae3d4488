import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MOUNT_MARGIN, useQueuedMount } from './useQueuedMount';

/** A stand-in for the browser's IntersectionObserver that the test moves into view by hand. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  disconnect() {
    this.disconnected = true;
    this.targets.clear();
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  /** The element scrolls to within the observer's margin of the window. */
  static scrollTo(target: Element) {
    for (const o of FakeIntersectionObserver.instances) {
      if (!o.targets.has(target)) continue;
      o.callback([{ target, isIntersecting: true } as unknown as IntersectionObserverEntry], o as never);
    }
  }
}

function Chart({ name, load }: { name: string; load: () => Promise<unknown> }) {
  const slot = useRef<HTMLDivElement>(null);
  const state = useQueuedMount(load, slot);
  return state === 'ready' ? (
    <p>{`${name} drawn`}</p>
  ) : (
    <div ref={slot} data-testid={`${name} slot`} data-state={state} />
  );
}

afterEach(() => {
  FakeIntersectionObserver.instances = [];
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useQueuedMount', () => {
  it("fetches a chart's code at once and draws the chart only once it comes into the window", async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    let arrive = () => {};
    const code = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const load = vi.fn(() => code);
    render(
      <>
        <Chart name="output" load={load} />
        <Chart name="firms" load={load} />
      </>,
    );
    expect(FakeIntersectionObserver.instances.map((o) => o.options.rootMargin)).toEqual([MOUNT_MARGIN, MOUNT_MARGIN]);
    // Both charts have asked for their code (in their effects, which render() has run), so it is
    // here by the time the reader scrolls; neither is drawn, as neither is in the window.
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => {
      arrive();
      await code;
    });
    expect(screen.queryByText('output drawn')).toBeNull();
    expect(screen.getByTestId('output slot')).toHaveAttribute('data-state', 'away');

    act(() => FakeIntersectionObserver.scrollTo(screen.getByTestId('output slot')));
    expect(await screen.findByText('output drawn')).toBeInTheDocument();
    // The chart further down is still a placeholder until it is scrolled to.
    expect(screen.getByTestId('firms slot')).toHaveAttribute('data-state', 'away');

    act(() => FakeIntersectionObserver.scrollTo(screen.getByTestId('firms slot')));
    expect(await screen.findByText('firms drawn')).toBeInTheDocument();
  });

  it('draws a chart in the window only once its code has loaded', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    let arrive = () => {};
    const code = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    render(<Chart name="output" load={() => code} />);
    act(() => FakeIntersectionObserver.scrollTo(screen.getByTestId('output slot')));
    expect(screen.getByTestId('output slot')).toHaveAttribute('data-state', 'waiting');
    // Its turn waits for the code, not for a fixed time: nothing is drawn while the code is away.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText('output drawn')).toBeNull();
    act(() => arrive());
    expect(await screen.findByText('output drawn')).toBeInTheDocument();
  });

  it('a turn whose timer never fired does not hold back the components that come after it', async () => {
    // A clock that is put away with its timers (as a page's test clock is) cancels the pending turn.
    vi.useFakeTimers();
    const first = render(<Chart name="output" load={() => Promise.resolve()} />);
    expect(screen.getByTestId('output slot')).toHaveAttribute('data-state', 'waiting');
    first.unmount();
    vi.useRealTimers();

    render(<Chart name="firms" load={() => Promise.resolve()} />);
    expect(await screen.findByText('firms drawn')).toBeInTheDocument();
  });
});
