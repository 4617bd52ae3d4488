import { Suspense, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import { useQueuedMount } from '../../lib/useQueuedMount';

/**
 * Where a chart's drawing goes. Until the chart comes into the window and it is its turn (one
 * chart per task, after the Recharts chunk has loaded: it is requested at once), the slot holds
 * the plot's final size, so titles, figures and tables paint first and nothing moves when the
 * drawing arrives.
 */
export function PlotSlot({
  args,
  load,
  children,
}: {
  args: ChartRenderArgs;
  /** The plot's code (a lazy chunk). */
  load: () => Promise<unknown>;
  children: ReactNode;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const state = useQueuedMount(load, slot);
  const placeholder = (
    <div
      ref={slot}
      data-plot={state === 'away' ? 'away' : 'waiting'}
      style={{ width: args.width, height: args.height }}
    />
  );
  return state === 'ready' ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
