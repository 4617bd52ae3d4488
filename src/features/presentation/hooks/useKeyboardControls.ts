import { useEffect } from 'react';

export type KeyboardAction = 'toggle' | 'next' | 'previous' | 'fullscreen' | 'leave';

/** Space pause/resume, ←/→ previous/next, F full screen, Esc leave. */
const ACTIONS: Readonly<Partial<Record<string, KeyboardAction>>> = {
  ' ': 'toggle',
  Spacebar: 'toggle',
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  f: 'fullscreen',
  F: 'fullscreen',
  Escape: 'leave',
};

/** The wall screen's keys, each calling its handler; keys with a modifier are left to the browser. */
export function useKeyboardControls(handlers: Readonly<Record<KeyboardAction, () => void>>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      // A focused button handles its own Space and Enter.
      if (e.target instanceof Element && e.target.closest('button') && (e.key === ' ' || e.key === 'Enter')) return;
      const action = ACTIONS[e.key];
      if (!action) return;
      e.preventDefault();
      handlers[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
