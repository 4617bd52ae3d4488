/**
 * Schema changes on a database that already holds versions: what a migration fills in for the
 * rows written before it must keep them valid against the contract and honest about provenance.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { fromRow, sectorTable, selectList } from '../../server/db/columns';
import { migrate, migrationFiles } from '../../server/db/migrate';
import { loadFigures } from '../../server/db/figures';
import { loadProjects } from '../../server/db/projects';
import { reportDataset } from '../../data/dataset';
import { emptyPglite } from './harness';

/**
 * `test` on a database as the migrations before `version` left it (the later ones not yet
 * applied), holding version 1's record; closed after.
 */
async function beforeMigration(version: number, test: (db: Db) => Promise<void>) {
  const db = await emptyPglite();
  try {
    await db.exec(
      'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const m of migrationFiles().filter((f) => f.version < version)) {
      await db.exec(m.sql);
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await db.query(`INSERT INTO data_versions (id, published_by, source_name) VALUES (1, 'seed', 'report')`);
    await test(db);
  } finally {
    await db.close();
  }
}

/** What migrating applies to a database migrated below `version`: that migration and every later one. */
const from = (version: number) =>
  migrationFiles()
    .filter((f) => f.version >= version)
    .map((f) => f.name);

describe('migration 0004 (per-field provenance of projects, firms without a sector)', () => {
  it('marks everything but the stage of a project written before it as assumed, and leaves illustrative ones alone', async () => {
    await beforeMigration(4, async (db) => {
      const money = JSON.stringify({ value: 0, unit: 'cny', provenance: { kind: 'illustrative' } });
      for (const [ord, id, provenance] of [
        [0, 'named', { kind: 'reported', source: 'L60' }],
        [1, 'made-up', { kind: 'illustrative' }],
      ] as const) {
        await db.query(
          `INSERT INTO projects (version_id, id, ord, name, description, sector_id, type, stage, level,
             investment_period, planned, completed, last_update, provenance)
           VALUES (1, $1, $2, $1, '', NULL, 'transport', 'construction', 'municipal', '2023H1', $3::jsonb, $3::jsonb,
             '2023-08-26', $4::jsonb)`,
          [id, ord, money, JSON.stringify(provenance)],
        );
      }

      expect(await migrate(db)).toEqual(from(4));

      const [named, madeUp] = await loadProjects(db, 1);
      const assumed = { kind: 'illustrative' };
      expect(named?.fieldProvenance).toEqual({
        stage: { kind: 'reported', source: 'L60' },
        level: assumed,
        sector: assumed,
        type: assumed,
        start: assumed,
        expectedCompletion: assumed,
      });
      expect(madeUp?.fieldProvenance).toBeUndefined();
      expect(madeUp?.datePrecision).toBeUndefined();

      // A firm the report files under no sector can now be stored as such.
      await db.query(
        `INSERT INTO named_firms (version_id, sector_id, ord, name, note, provenance)
         VALUES (1, NULL, 0, '川仪', '{"zh-CN":"链主","en":"Chain leader"}', '{"kind":"reported","source":"L44"}')`,
      );
      expect(await db.query('SELECT name FROM named_firms WHERE sector_id IS NULL')).toEqual([{ name: '川仪' }]);
    });
  });
});

describe('migration 0005 (the project totals the source states)', () => {
  it('gives versions written before it the report’s statements, which /meta then serves', async () => {
    await beforeMigration(5, async (db) => {
      const { meta } = reportDataset;
      await db.query(
        `INSERT INTO version_meta (version_id, as_of, district, city, source, default_period, stages, levels, project_types)
         VALUES (1, $1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
        [
          meta.asOf,
          JSON.stringify(meta.district),
          JSON.stringify(meta.city),
          JSON.stringify(meta.source),
          meta.defaultPeriod,
          JSON.stringify(meta.stages),
          JSON.stringify(meta.levels),
          JSON.stringify(meta.projectTypes),
        ],
      );

      expect(await migrate(db)).toEqual(from(5));
      const figures = await loadFigures(db, 1);
      expect(figures.meta.reportedProjectTotals).toEqual(meta.reportedProjectTotals);
    });
  });
});

describe('migration 0009 (uploads checked by an earlier version are checked again)', () => {
  it('drops the staged uploads, whose figures carry the old placeholder version, and leaves published versions alone', async () => {
    await beforeMigration(9, async (db) => {
      await db.query(
        `INSERT INTO staged_imports (id, user_name, base_version, file_name, sha256, report, dataset)
         VALUES ('old-upload', '王芳', 1, '北碚数据.xlsx', 'abc', '{}'::jsonb, $1::jsonb)`,
        [JSON.stringify({ kpis: [{ provenance: { kind: 'imported', import: { version: 0 } } }] })],
      );

      expect(await migrate(db)).toEqual(from(9));

      expect(await db.query('SELECT count(*)::int AS n FROM staged_imports')).toEqual([{ n: 0 }]);
      expect(await db.query('SELECT id FROM data_versions')).toEqual([{ id: 1 }]);
    });
  });
});

describe('migration 0010 (sector colours)', () => {
  it('leaves the sectors of versions written before without a colour, read back as none', async () => {
    await beforeMigration(10, async (db) => {
      await db.query(
        `INSERT INTO sectors (version_id, id, ord, label, grp) VALUES (1, 'automotive', 0, '{"zh-CN":"汽车","en":"Automotive"}', 'leading')`,
      );

      expect(await migrate(db)).toEqual(from(10));

      const [row] = await db.query(`SELECT ${selectList(sectorTable)} FROM sectors WHERE version_id = 1`);
      expect(fromRow(sectorTable)(row ?? {})).toEqual({
        id: 'automotive',
        label: { 'zh-CN': '汽车', en: 'Automotive' },
        group: 'leading',
      });
    });
  });
});

describe('migration 0012 (indicator groups are data)', () => {
  it('gives versions written before the report’s five groups, which /meta then serves', async () => {
    await beforeMigration(12, async (db) => {
      await db.query(
        `INSERT INTO version_meta (version_id, as_of, district, city, source, default_period, stages, levels, project_types)
         VALUES (1, '2023-08-26', '{}', '{}', '{}', '2023H1', '[]', '[]', '[]')`,
      );

      expect(await migrate(db)).toEqual(from(12));

      const [row] = await db.query('SELECT kpi_groups FROM version_meta WHERE version_id = 1');
      expect(row?.kpi_groups).toEqual(reportDataset.meta.kpiGroups);
    });
  });
});
