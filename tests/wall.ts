/** What the wall screen's tests share: its saved answers, and a clock the tests move. */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { PERSIST_PREFIX } from '../src/features/presentation/wallSaved';
import { renderApp } from './render';

/** The answers the wall screen saved in localStorage. */
export const savedAnswers = () => Object.keys(localStorage).filter((k) => k.startsWith(`${PERSIST_PREFIX}:`));
/** Anything the wall screen keeps in localStorage (its answers and their header). */
export const savedAnything = () => Object.keys(localStorage).filter((k) => k.startsWith(PERSIST_PREFIX));

/** Renders the wall screen until it has shown its figures and saved at least `answers` answers, then leaves it. */
export async function saveAndLeave(path: string, answers: number) {
  const first = renderApp(path);
  expect(await screen.findByText('45.3')).toBeInTheDocument();
  await waitFor(() => expect(savedAnswers().length).toBeGreaterThanOrEqual(answers));
  first.unmount();
  first.queryClient.clear();
}

/** Every test of the file on a fake clock that also runs on its own; `advance` moves it on. */
export function onFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

export const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
