/**
 * The demo: a new database holds the report only; the sample arrives through the monthly import,
 * one workbook of data/demo/ per version, each without an error, and what they publish is the
 * sample dataset, labelled as sample data. The workbooks in the repository are the ones the
 * sample dataset writes.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import { loadDataset } from '../../server/db/publish';
import { publishedVersion } from '../../server/db/versions';
import { demoWorkbookFiles, demoWorkbooks, loadDemo } from '../../server/import/demo';
import { templateXlsx } from '../../server/import/export';
import { prepareImport } from '../../server/import/prepare';
import type { DemoStep } from '../../server/import/demo';
import { readUpload } from '../../server/import/read';
import { MetaSchema } from '../../src/api/meta';
import { startService } from './harness';
import type { TestServer } from './harness';

/** Every figure of a dataset as [id, period, value]: what a reader sees, whatever its provenance. */
const figures = (d: Dataset) =>
  [
    ...d.kpis.flatMap((k) => Object.entries(k.values).map(([p, v]) => [k.id, p, v?.value.value ?? null])),
    ...d.sectorFigures.map((f) => [f.sector, f.period, f.output?.value ?? null, f.growth?.value ?? null]),
  ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Every project as what the tracker lists of it. */
const projects = (d: Dataset) =>
  d.projects.map((p) => [p.id, p.name, p.stage, p.level, p.planned?.value ?? null, p.completed?.value ?? null]);

describe('the demo’s workbooks', () => {
  it('are the ones the sample dataset writes, cell for cell', async () => {
    const files = demoWorkbooks();
    const written = await demoWorkbookFiles();
    expect(files.map((f) => basename(f))).toEqual(written.map(([name]) => name));
    for (const [i, [name, bytes]] of written.entries()) {
      const stored = await readUpload(readFileSync(files[i] ?? ''));
      const fresh = await readUpload(bytes);
      expect(stored, name).toEqual(fresh);
    }
  });
});

describe('npm run demo’s database', () => {
  let server: TestServer;
  let steps: DemoStep[];
  let published: Dataset;

  beforeAll(async () => {
    server = await startService();
    steps = await loadDemo(server.service.database(), demoWorkbooks());
    const current = await publishedVersion(server.service.database());
    published = await loadDataset(server.service.database(), current?.id ?? 0);
    await server.service.poll();
  });
  afterAll(() => server.stop());

  it('starts from the report and publishes each workbook as a version of its own', () => {
    expect(steps.map((s) => [s.file, s.version])).toEqual(demoWorkbooks().map((f, i) => [basename(f), i + 2]));
  });

  it('publishes the sample dataset: its figures, its months and its 198 projects', () => {
    expect(figures(published)).toEqual(figures(demoDataset));
    expect(projects(published)).toEqual(projects(demoDataset));
    expect(published.meta.periods.map((p) => p.id)).toEqual(demoDataset.meta.periods.map((p) => p.id));
    expect(figures(published)).not.toEqual(figures(reportDataset));
  });

  it('says it is sample data, on /meta, for every later version', async () => {
    expect(published.meta.sample).toBe(true);
    const meta = MetaSchema.parse(await (await server.request('/api/v1/meta')).json());
    expect(meta.sample).toBe(true);
    expect(meta.dataVersion.id).toBe(steps.at(-1)?.version);
  });

  it('draws the sample’s trends from the months it published', async () => {
    const kpis = (await (await server.request('/api/v1/kpis?period=2023H1')).json()) as {
      items: { id: string; series: { points: { period: string; value: number }[] } | null }[];
    };
    const signed = kpis.items.find((k) => k.id === 'investment-signed');
    expect(signed?.series?.points.map((p) => p.period)).toEqual([
      '2023M01',
      '2023M02',
      '2023M03',
      '2023M04',
      '2023M05',
      '2023M06',
    ]);
    expect(signed?.series?.points.at(-1)?.value).toBe(180e8);
  });
});

describe('the 数据性质 setting', () => {
  const check = async (file: Dataset, base: Dataset) =>
    (
      await prepareImport({
        bytes: await templateXlsx(file, 1),
        fileName: 'x.xlsx',
        base,
        baseVersion: 1,
        today: '2026-12-02',
      })
    ).report;

  it('warns before an official database becomes sample data, for good', async () => {
    const report = await check(demoDataset, reportDataset);
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => i.code)).toContain('becomes_sample');
  });

  it('never lets sample data pass for official statistics', async () => {
    const report = await check(reportDataset, demoDataset);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['sample_stays_sample']);
  });

  it('round-trips an official database unchanged', async () => {
    const report = await check(reportDataset, reportDataset);
    expect(report.issues).toEqual([]);
  });
});
