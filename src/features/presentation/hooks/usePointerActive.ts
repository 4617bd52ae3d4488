import { useCallback, useEffect, useRef, useState } from 'react';

export const IDLE_MS = 3000;

/** True while the pointer has moved within the last `idleMs`; the controls and the cursor follow it. */
export function usePointerActive(idleMs = IDLE_MS): [boolean, () => void] {
  const [active, setActive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const poke = useCallback(() => {
    setActive(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setActive(false), idleMs);
  }, [idleMs]);
  useEffect(() => {
    // Tab brings the controls up for keyboard users too.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') poke();
    };
    window.addEventListener('mousemove', poke);
    window.addEventListener('pointerdown', poke);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousemove', poke);
      window.removeEventListener('pointerdown', poke);
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer.current);
    };
  }, [poke]);
  return [active, poke];
}
