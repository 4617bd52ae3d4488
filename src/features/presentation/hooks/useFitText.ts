import { useLayoutEffect, useRef } from 'react';

/** The smallest share of its size a fitted line of text shrinks to, unless told otherwise; below it, it is cut. */
const FIT_MIN = 0.6;

/**
 * Shrinks one line of text to fit its box: sets `--fit` (1 when it fits, down to FIT_MIN) on
 * the element, which its CSS multiplies into its font size. It runs before paint, on every
 * change of the text and whenever the box's container resizes, so a long title never spills
 * or wraps and the header's columns can keep fixed widths.
 */
export function useFitText<T extends HTMLElement>(text: string, min = FIT_MIN) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.setProperty('--fit', '1');
      const { clientWidth, scrollWidth } = el;
      const ratio = clientWidth > 0 && scrollWidth > clientWidth ? clientWidth / scrollWidth : 1;
      // Rounded down, so the rounded size still fits.
      if (ratio < 1) el.style.setProperty('--fit', String(Math.max(min, Math.floor(ratio * 1000) / 1000)));
    };
    fit();
    // The parent's size does not depend on the text's, so fitting cannot feed back into it.
    const container = el.parentElement;
    if (!container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [text, min]);
  return ref;
}
