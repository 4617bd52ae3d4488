import { Suspense, useRef } from 'react';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import type { LazyComponent } from '../../lib/lazyComponent';
import { useQueuedMount } from '../../lib/useQueuedMount';

/**
 * Where a chart's drawing goes. Until the chart comes into the window and it is its turn (one
 * chart per task, after the plot's code has loaded: it is requested at once), the slot holds the
 * plot's final size, so titles, figures and tables paint first and nothing moves when the drawing
 * arrives. The plot is drawn with `props` once its code is here (through Suspense only if that
 * code failed to load and is asked for again).
 */
export function PlotSlot<P extends object>({
  args,
  plot,
  props,
}: {
  args: ChartRenderArgs;
  /** The plot: a lazy chunk (Recharts). */
  plot: LazyComponent<P>;
  props: P;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const state = useQueuedMount(plot.load, slot);
  const placeholder = (
    <div
      ref={slot}
      data-plot={state === 'away' ? 'away' : 'waiting'}
      style={{ width: args.width, height: args.height }}
    />
  );
  return state === 'ready' ? (
    <Suspense fallback={placeholder}>
      <plot.Component {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}
