/**
 * The scale sample (data/scale.ts) as an office would have published it: on top of the report's
 * version, one workbook per month from 2023M01 to 2025M12, each the template filled as the office
 * had it that month, checked and published through the monthly import exactly as the demo's are
 * (import/demo.ts loadDemo). `npm run demo:scale` and `npm run bench:scale` load it; the test
 * loads a few months.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALE_MONTHS, scaleDataset } from '../../data/scale';
import type { PeriodId } from '../../src/api/common';
import type { Db } from '../db/client';
import { loadDemo } from './demo';
import type { DemoStep } from './demo';
import { templateXlsx } from './export';

/** The workbook's file name, as the office names its monthly report: 经济运行月报-2024M05.xlsx. */
export const scaleWorkbookName = (month: PeriodId) => `经济运行月报-${month}.xlsx`;

/** The template filled with the sample as the office had it in `month`. */
export const scaleWorkbook = (month: PeriodId) => templateXlsx(scaleDataset(month), SCALE_MONTHS.indexOf(month) + 2);

export interface ScaleStep extends DemoStep {
  month: PeriodId;
  /** Writing the workbook, then checking and publishing it (ms). */
  writeMs: number;
  loadMs: number;
}

/**
 * Publishes the sample's workbooks for `months` (all 36 by default), in order, each on top of
 * the published version; `onStep` hears of each as it is published. Stops at the first workbook
 * with errors (there are none: tests/server/scale.test.ts).
 */
export async function loadScale(
  db: Db,
  { months = SCALE_MONTHS, onStep }: { months?: readonly PeriodId[]; onStep?: (step: ScaleStep) => void } = {},
): Promise<ScaleStep[]> {
  const dir = mkdtempSync(join(tmpdir(), 'beibei-scale-'));
  const steps: ScaleStep[] = [];
  try {
    for (const month of months) {
      const started = performance.now();
      const file = join(dir, scaleWorkbookName(month));
      writeFileSync(file, await scaleWorkbook(month));
      const written = performance.now();
      const [published] = await loadDemo(db, [file], 'sample');
      if (!published) throw new Error(`${scaleWorkbookName(month)} changed nothing`);
      const step = { ...published, month, writeMs: written - started, loadMs: performance.now() - written };
      steps.push(step);
      onStep?.(step);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}
