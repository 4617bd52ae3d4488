import '@testing-library/jest-dom/vitest';
import { cleanup, configure, prettyDOM } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { resetFlaky } from '../mocks/scenarios';
import { server } from '../mocks/node';

// Tests wait for what the user sees; on a busy machine that can take seconds, so every findBy…
// and waitFor waits up to 20 s (a test that passes still ends as soon as the screen is right).
configure({
  asyncUtilTimeout: 20_000,
  // A query that finds nothing prints the document in its error. findBy… and waitFor try again on
  // every change of the page and keep only the last error, so the print is made when the error is
  // read (as the test fails), not on every try: that was about a tenth of the app tests' time.
  getElementError: (message, container) => {
    const error = new Error();
    error.name = 'TestingLibraryElementError';
    let text: string | null = null;
    Object.defineProperty(error, 'message', {
      configurable: true,
      get: () => (text ??= [message, prettyDOM(container)].filter(Boolean).join('\n\n')),
    });
    return error;
  },
});

const unhandled: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetFlaky();
  localStorage.clear();
  sessionStorage.clear();
  const seen = unhandled.splice(0);
  expect(seen, 'requests without a mock handler').toEqual([]);
});

afterAll(() => server.close());

// jsdom has no layout: give Recharts' ResponsiveContainer a size and provide the observers it needs.
class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    const entry = { target, contentRect: target.getBoundingClientRect() } as unknown as ResizeObserverEntry;
    this.callback([entry], this);
  }
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.defineProperty(globalThis, 'ResizeObserver', { value: ResizeObserverStub, configurable: true });
}

const CHART_SIZE = { width: 800, height: 400 };
const isChartContainer = (el: HTMLElement) => el.classList.contains('recharts-responsive-container');
const originalRect = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect')?.value as (
  this: Element,
) => DOMRect;
Object.defineProperty(HTMLElement.prototype, 'getBoundingClientRect', {
  configurable: true,
  value(this: HTMLElement): DOMRect {
    if (!isChartContainer(this)) return originalRect.call(this);
    const { width, height } = CHART_SIZE;
    return { width, height, top: 0, left: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) };
  },
});
for (const [prop, size] of [
  ['clientWidth', 'width'],
  ['offsetWidth', 'width'],
  ['clientHeight', 'height'],
  ['offsetHeight', 'height'],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return isChartContainer(this) ? CHART_SIZE[size] : 0;
    },
  });
}

if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

window.scrollTo = () => undefined;
