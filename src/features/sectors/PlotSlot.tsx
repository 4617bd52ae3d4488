import { Suspense } from 'react';
import type { ReactNode } from 'react';
import type { ChartRenderArgs } from '../../components/ChartFrame';

/**
 * Where a chart's drawing goes while Recharts loads (SectorPlots.tsx and TrendPlot.tsx are
 * chunks of their own, so titles, figures and tables paint first): it holds the plot's final
 * size, so nothing moves when the drawing arrives.
 */
export function PlotSlot({ args, children }: { args: ChartRenderArgs; children: ReactNode }) {
  return <Suspense fallback={<div style={{ width: args.width, height: args.height }} />}>{children}</Suspense>;
}
