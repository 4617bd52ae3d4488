/**
 * The sample dataset (`npm run demo`) as an office would have published it: the report as the
 * first version, then the workbooks in data/demo/, in order, each checked and published through
 * the monthly import. The same checks an office's upload passes; the warnings they raise (a new
 * month, the database becoming sample data) are accepted as the office would accept them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import type { Db } from '../db/client';
import { publish, publishedDataset } from '../db/publish';
import { templateXlsx } from './export';
import { officeToday, prepareImport, publishRefusal } from './prepare';

export const DEMO_DIR = 'data/demo';

/** The demo's workbooks in the order they are published. */
export const demoWorkbooks = (dir = DEMO_DIR) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(dir, f));

/** The sample as the office had it by `lastMonth`: the report's periods and the sample's months up to it. */
function sampleUpTo(lastMonth: string | null): Dataset {
  const reported = new Set(reportDataset.meta.periods.map((p) => p.id));
  const keep = (period: string) => reported.has(period) || (lastMonth !== null && period <= lastMonth);
  return {
    ...demoDataset,
    kpis: demoDataset.kpis.map((k) => ({
      ...k,
      values: Object.fromEntries(Object.entries(k.values).filter(([p]) => keep(p))),
    })),
    sectorFigures: demoDataset.sectorFigures.filter((f) => keep(f.period)),
  };
}

/**
 * The demo's workbooks, by file name: the sample's projects and the months of 2022 first, then
 * one workbook per month of 2023, each the template filled as the office had it that month.
 */
export async function demoWorkbookFiles(): Promise<[string, Buffer][]> {
  const months2023 = [
    ...new Set(demoDataset.meta.periods.map((p) => p.id).filter((id) => /^2023M0[1-6]$/.test(id))),
  ].sort();
  const steps: [string, string | null][] = [
    ['01-项目与2022年各月.xlsx', '2022M12'],
    ...months2023.map((m, i): [string, string] => [`${String(i + 2).padStart(2, '0')}-${m}.xlsx`, m]),
  ];
  return Promise.all(steps.map(async ([name, month], i) => [name, await templateXlsx(sampleUpTo(month), i + 2)]));
}

export interface DemoStep {
  file: string;
  version: number;
  warnings: number;
}

/**
 * Publishes each workbook of `files` on top of the published version, as `publishedBy`. Stops at
 * the first file with errors (the demo's own files have none: tests/server/demo.test.ts).
 */
export async function loadDemo(db: Db, files: readonly string[], publishedBy = 'demo'): Promise<DemoStep[]> {
  const steps: DemoStep[] = [];
  for (const file of files) {
    const base = await publishedDataset(db);
    const bytes = readFileSync(file);
    const { report, dataset } = await prepareImport({
      bytes,
      fileName: basename(file),
      base: base.dataset,
      baseVersion: base.version,
      today: officeToday(),
    });
    const refusal = publishRefusal(report, {
      acceptWarnings: true,
      confirmRemoval: report.preview?.removalToConfirm ?? 0,
    });
    if (refusal?.code === 'no_changes') continue;
    if (refusal || !dataset) {
      const first = report.issues.find((i) => i.severity === 'error');
      throw new Error(`${basename(file)}: ${refusal?.code ?? 'has_errors'} ${first ? first.message.en : ''}`);
    }
    const version = await publish(db, dataset, {
      publishedBy,
      sourceName: basename(file),
      sourceSha256: report.sha256,
      basedOn: base.version,
      note: `Sample data (demo)${report.warnings ? `; ${report.warnings} warnings accepted` : ''}`,
    });
    steps.push({ file: basename(file), version, warnings: report.warnings });
  }
  return steps;
}
