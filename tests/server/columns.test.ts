/**
 * The column maps: every kind of row written into a version (its record, meta, periods, sectors,
 * sector figures, named firms, headline figures and their values, projects) and a staged upload
 * read back as the same object, with every field given and with every optional one absent
 * (absent, not null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/client';
import type { Db } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { loadFigures } from '../../server/db/figures';
import { stagedImport, stageImport } from '../../server/db/imports';
import { getProject, loadProjects } from '../../server/db/projects';
import { loadDataset, record } from '../../server/db/publish';
import { publishedVersion, writeVersion } from '../../server/db/versions';
import { reportDataset } from '../../data/dataset';
import type { Dataset, NamedFirmRow, SectorFigureRow } from '../../data/dataset';
import type { KpiDefinition } from '../../data/report';
import type { ImportReport } from '../../src/api/admin';
import type { ProjectDetail } from '../../src/api/projects';
import { emptyPglite, emptyTestPostgres, TEST_DATABASE_URL } from './harness';

const reported = { kind: 'reported', source: 'L60' } as const;
const illustrative = { kind: 'illustrative' } as const;
const money = (value: number) => ({ value, unit: 'cny', provenance: reported }) as const;
const percent = (value: number) => ({ value, unit: 'percent', provenance: reported }) as const;
const [firstSector, secondSector] = reportDataset.meta.sectors;
const period = reportDataset.meta.periods[0]!.id;

const full: ProjectDetail = {
  id: 'every-field',
  name: '宝山嘉陵江大桥',
  nameEn: 'Baoshan Jialing River Bridge',
  descriptionEn: 'A bridge over the Jialing.',
  description: '跨嘉陵江大桥',
  sector: reportDataset.meta.sectors[0]!.id,
  type: 'transport',
  stage: 'construction',
  level: 'municipal',
  investmentPeriod: '2023H1',
  planned: money(120_000_000),
  completed: money(80_000_000),
  totalInvestment: money(1_500_000_000),
  start: '2021-03-01',
  expectedCompletion: '2025-12-31',
  lastUpdate: '2023-08-26',
  provenance: reported,
  fieldProvenance: { level: illustrative, start: reported },
  datePrecision: { start: 'month', expectedCompletion: 'year' },
  milestones: [
    {
      date: '2021-03-01',
      precision: 'month',
      label: { 'zh-CN': '开工建设', en: 'Construction started' },
      done: true,
      provenance: reported,
    },
    {
      date: '2025-01-01',
      until: '2025-12-31',
      label: { 'zh-CN': '计划建成', en: 'Planned completion' },
      done: false,
      provenance: illustrative,
    },
  ],
  facts: [
    {
      label: { 'zh-CN': '主桥长', en: 'Main span' },
      value: { value: 1200, unit: 'metres', qualifier: 'over', provenance: reported },
    },
  ],
};

const bare: ProjectDetail = {
  id: 'no-optional-field',
  name: '无名项目',
  description: '',
  sector: null,
  type: 'manufacturing',
  stage: 'negotiating',
  level: null,
  investmentPeriod: null,
  planned: null,
  completed: null,
  totalInvestment: null,
  start: null,
  expectedCompletion: null,
  lastUpdate: '2023-08-26',
  provenance: illustrative,
  milestones: [],
};

const firms: NamedFirmRow[] = [
  {
    sector: reportDataset.meta.sectors[0]!.id,
    name: '川仪',
    nameEn: 'Chuanyi Automation',
    note: { 'zh-CN': '产值增长', en: 'Output grew' },
    provenance: reported,
    facts: [
      {
        label: { 'zh-CN': '产值', en: 'Output' },
        value: { value: 5_800_000, unit: 'cny', digits: 2, provenance: reported },
      },
    ],
  },
  { sector: null, name: '某企业', note: { 'zh-CN': '', en: '' }, provenance: illustrative },
];

const kpis: KpiDefinition[] = [
  {
    id: 'every-field',
    group: 'industry',
    label: { 'zh-CN': '规上工业产值', en: 'Above-scale industrial output' },
    sector: firstSector!.id,
    headline: true,
    values: {
      [period]: {
        value: money(55_029_000_000),
        yoy: percent(12.5),
        planCompletion: percent(119.8),
        facts: [{ label: { 'zh-CN': '其中新认定', en: 'Newly recognised' }, value: { ...percent(79), unit: 'firms' } }],
        comparisons: [{ kind: 'cityAverage', reference: percent(4.1), difference: null }],
        series: { unit: 'cny', cumulative: true, points: [{ period, value: 55_029_000_000, provenance: reported }] },
      },
    },
    target: { period, kind: 'cumulative', value: money(100_000_000_000), periodCompletionKpi: 'no-optional-field' },
  },
  {
    id: 'no-optional-field',
    group: 'sme',
    label: { 'zh-CN': '市场主体', en: 'Market entities' },
    sector: null,
    headline: false,
    values: { [period]: { value: percent(3) } },
  },
];

const sectorFigures: SectorFigureRow[] = [
  {
    sector: firstSector!.id,
    period,
    output: money(55_029_000_000),
    growth: percent(12.5),
    firms: { ...percent(85), unit: 'firms' },
    share: percent(59.9),
    series: { unit: 'cny', cumulative: true, points: [{ period, value: 55_029_000_000, provenance: reported }] },
  },
  { sector: secondSector!.id, period, series: null },
];

const dataset: Dataset = { ...reportDataset, kpis, sectorFigures, namedFirms: firms, projects: [full, bare] };

function columnMaps(name: string, open: () => Promise<Db>) {
  describe(`column maps on ${name}`, () => {
    let db: Db;
    let version: number;
    beforeAll(async () => {
      db = await open();
      await migrate(db);
      version = await db.transaction((tx) => writeVersion(tx, dataset, { publishedBy: 'test', sourceName: 'test' }));
    });
    afterAll(() => db.close());

    it('reads a project back as written, with every field and with no optional one', async () => {
      expect(await loadProjects(db, version, { milestones: true })).toStrictEqual([full, bare]);
      expect(await getProject(db, version, full.id)).toStrictEqual(full);
      expect(await getProject(db, version, bare.id)).toStrictEqual(bare);
    });

    it('leaves milestones and facts out of the list read for the index', async () => {
      const { facts: _facts, ...withoutFacts } = full;
      expect(await loadProjects(db, version)).toStrictEqual([{ ...withoutFacts, milestones: [] }, bare]);
    });

    it('reads a named firm back as written, with every field and with no optional one', async () => {
      expect((await loadFigures(db, version)).namedFirms).toStrictEqual(firms);
    });

    it('reads every row of a version back as written, with every field and with no optional one', async () => {
      expect(await loadDataset(db, version)).toStrictEqual(dataset);
    });

    it('reads the report’s dataset back as it is written', async () => {
      const id = await db.transaction((tx) =>
        writeVersion(tx, reportDataset, { publishedBy: 'test', sourceName: 'test' }),
      );
      expect(await loadDataset(db, id)).toStrictEqual(reportDataset);
    });

    it('reads a version’s record back as written, with every field and with no optional one', async () => {
      const next = await db.transaction((tx) =>
        writeVersion(tx, dataset, {
          publishedBy: '王芳',
          sourceName: 'beibei-2023-08.xlsx',
          sourceSha256: 'a'.repeat(64),
          basedOn: version,
          note: 'August figures',
        }),
      );
      const counts = { kpis: 2, kpiValues: 2, sectorFigures: 2, namedFirms: 2, projects: 2 };
      const published = await record(db, next);
      expect(published).toStrictEqual({
        id: next,
        publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
        publishedBy: '王芳',
        sourceName: 'beibei-2023-08.xlsx',
        sourceSha256: 'a'.repeat(64),
        basedOn: version,
        note: 'August figures',
        counts,
        current: true,
      });
      expect(await publishedVersion(db)).toStrictEqual({ id: next, publishedAt: published!.publishedAt });
      expect(await record(db, version)).toStrictEqual({
        id: version,
        publishedAt: expect.any(String) as unknown,
        publishedBy: 'test',
        sourceName: 'test',
        sourceSha256: null,
        basedOn: null,
        note: '',
        counts,
        current: false,
      });
    });

    it('reads a staged upload back as written, with and without the dataset publishing would write', async () => {
      const report = (file: string): Omit<ImportReport, 'id'> => ({
        fileName: file,
        sha256: 'b'.repeat(64),
        bytes: 1024,
        format: 'xlsx',
        encoding: null,
        baseVersion: version,
        sheets: [],
        errors: 0,
        warnings: 0,
        issues: [],
        preview: null,
      });
      const withData = await stageImport(db, '王芳', report('ok.xlsx'), dataset);
      const withErrors = await stageImport(db, '王芳', { ...report('bad.xlsx'), errors: 1 }, null);
      expect(await stagedImport(db, withData.id, '王芳')).toStrictEqual({
        id: withData.id,
        user: '王芳',
        baseVersion: version,
        report: withData,
        dataset,
      });
      expect(await stagedImport(db, withErrors.id, '王芳')).toStrictEqual({
        id: withErrors.id,
        user: '王芳',
        baseVersion: version,
        report: withErrors,
        dataset: null,
      });
      expect(await stagedImport(db, withData.id, '李雷')).toBeNull();
    });
  });
}

columnMaps('PGlite', emptyPglite);
if (TEST_DATABASE_URL) {
  columnMaps('PostgreSQL (TEST_DATABASE_URL)', async () =>
    openPostgres(await emptyTestPostgres('columns'), () => undefined),
  );
}
