/**
 * The column maps: a project and a named firm written into a version read back as the same
 * object, with every field given and with every optional one absent (absent, not null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { loadFigures } from '../../server/db/figures';
import { getProject, loadProjects } from '../../server/db/projects';
import { writeVersion } from '../../server/db/versions';
import { reportDataset } from '../../data/dataset';
import type { NamedFirmRow } from '../../data/dataset';
import type { ProjectDetail } from '../../src/api/projects';
import { memoryPglite } from './harness';

const reported = { kind: 'reported', source: 'L60' } as const;
const illustrative = { kind: 'illustrative' } as const;
const money = (value: number) => ({ value, unit: 'cny', provenance: reported }) as const;

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

describe('column maps', () => {
  let db: Db;
  let version: number;
  beforeAll(async () => {
    db = await memoryPglite();
    await migrate(db);
    version = await db.transaction((tx) =>
      writeVersion(
        tx,
        { ...reportDataset, namedFirms: firms, projects: [full, bare] },
        { publishedBy: 'test', sourceName: 'test' },
      ),
    );
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
});
