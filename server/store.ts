/**
 * The data service's storage: migrations, writing a data version in one transaction, and
 * reading a version back. Every statement is constant SQL text with $n parameters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset, Figures, NamedFirmRow, SectorFigureRow } from '../data/dataset';
import type { KpiDefinition, KpiPeriodValue } from '../data/report';
import type { Measure, PeriodId, SectorId, Series } from '../src/api/common';
import type { DataVersion } from '../src/api/meta';
import type { ProjectDetail } from '../src/api/projects';
import type { Db, Sql } from './db';

/** Serialises schema changes and version writes between processes sharing one PostgreSQL. */
const WRITE_LOCK = 7_240_826;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: readFileSync(MIGRATIONS_DIR + name, 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction together with its row in
 * schema_migrations, under a lock so that several processes starting at once apply each once.
 * Returns the names applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const [row] = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (row) return false;
      // A migration file is trusted SQL shipped with the code (several statements, no parameters).
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

export interface VersionInfo {
  publishedBy: string;
  sourceName: string;
  sourceSha256?: string | null;
  basedOn?: number | null;
  note?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const PROJECT_SLICE = 500;

/**
 * Writes `dataset` as a new version inside the caller's transaction and publishes it.
 * Returns the new version's number. Callers hold the transaction: nothing is half written.
 */
export async function writeVersion(tx: Sql, dataset: Dataset, info: VersionInfo): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
    'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM data_versions',
  );
  const counts = {
    kpis: dataset.kpis.length,
    kpiValues: dataset.kpis.reduce((n, k) => n + Object.keys(k.values).length, 0),
    sectorFigures: dataset.sectorFigures.length,
    namedFirms: dataset.namedFirms.length,
    projects: dataset.projects.length,
  };
  await tx.query(
    `INSERT INTO data_versions (id, published_by, source_name, source_sha256, based_on, note, counts)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      next,
      info.publishedBy,
      info.sourceName,
      info.sourceSha256 ?? null,
      info.basedOn ?? null,
      info.note ?? '',
      json(counts),
    ],
  );
  const { meta } = dataset;
  await tx.query(
    `INSERT INTO version_meta (version_id, as_of, district, city, source, default_period, stages, levels, project_types)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
    [
      next,
      meta.asOf,
      json(meta.district),
      json(meta.city),
      json(meta.source),
      meta.defaultPeriod,
      json(meta.stages),
      json(meta.levels),
      json(meta.projectTypes),
    ],
  );
  await tx.query(
    `INSERT INTO periods (version_id, id, ord, kind)
     SELECT $1, r.id, r.ord, r.kind FROM jsonb_to_recordset($2::jsonb) AS r(id text, ord integer, kind text)`,
    [next, json(meta.periods.map((p, ord) => ({ ...p, ord })))],
  );
  await tx.query(
    `INSERT INTO sectors (version_id, id, ord, label, grp)
     SELECT $1, r.id, r.ord, r.label, r.grp FROM jsonb_to_recordset($2::jsonb) AS r(id text, ord integer, label jsonb, grp text)`,
    [next, json(meta.sectors.map((s, ord) => ({ id: s.id, ord, label: s.label, grp: s.group })))],
  );
  await tx.query(
    `INSERT INTO sector_figures (version_id, sector_id, period_id, output, growth, firms, share, series)
     SELECT $1, r.sector, r.period, r.output, r.growth, r.firms, r.share, r.series
     FROM jsonb_to_recordset($2::jsonb) AS r(sector text, period text, output jsonb, growth jsonb, firms jsonb, share jsonb, series jsonb)`,
    [next, json(dataset.sectorFigures)],
  );
  await tx.query(
    `INSERT INTO named_firms (version_id, sector_id, ord, name, note, provenance)
     SELECT $1, r.sector, r.ord, r.name, r.note, r.provenance
     FROM jsonb_to_recordset($2::jsonb) AS r(sector text, ord integer, name text, note jsonb, provenance jsonb)`,
    [next, json(dataset.namedFirms.map((f, ord) => ({ ...f, ord })))],
  );
  await tx.query(
    `INSERT INTO kpis (version_id, id, ord, grp, label, sector_id, headline, target)
     SELECT $1, r.id, r.ord, r.grp, r.label, r.sector, r.headline, r.target
     FROM jsonb_to_recordset($2::jsonb) AS r(id text, ord integer, grp text, label jsonb, sector text, headline boolean, target jsonb)`,
    [
      next,
      json(
        dataset.kpis.map((k, ord) => ({
          id: k.id,
          ord,
          grp: k.group,
          label: k.label,
          sector: k.sector,
          headline: k.headline,
          target: k.target ?? null,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO kpi_values (version_id, kpi_id, period_id, value, yoy, plan_completion, facts, comparisons, series)
     SELECT $1, r.kpi, r.period, r.value, r.yoy, r.plan_completion, COALESCE(r.facts, '[]'), COALESCE(r.comparisons, '[]'), r.series
     FROM jsonb_to_recordset($2::jsonb)
       AS r(kpi text, period text, value jsonb, yoy jsonb, plan_completion jsonb, facts jsonb, comparisons jsonb, series jsonb)`,
    [
      next,
      json(
        dataset.kpis.flatMap((k) =>
          Object.entries(k.values).flatMap(([period, v]) =>
            !v
              ? []
              : [
                  {
                    kpi: k.id,
                    period,
                    value: v.value,
                    yoy: v.yoy ?? null,
                    plan_completion: v.planCompletion ?? null,
                    facts: v.facts ?? null,
                    comparisons: v.comparisons ?? null,
                    series: v.series ?? null,
                  },
                ],
          ),
        ),
      ),
    ],
  );
  // In slices: one statement per 500 projects keeps the embedded database's memory small.
  for (let from = 0; from < dataset.projects.length; from += PROJECT_SLICE) {
    await tx.query(
      `INSERT INTO projects (version_id, id, ord, name, description, sector_id, type, stage, level, investment_period,
         planned, completed, total_investment, start_date, expected_completion, last_update, provenance, milestones)
       SELECT $1, r.id, r.ord, r.name, r.description, r.sector, r.type, r.stage, r.level, r.investment_period,
         r.planned, r.completed, r.total_investment, r.start, r.expected_completion, r.last_update, r.provenance,
         r.milestones
       FROM jsonb_to_recordset($2::jsonb) AS r(id text, ord integer, name text, description text, sector text,
         type text, stage text, level text, investment_period text, planned jsonb, completed jsonb,
         total_investment jsonb, start date, expected_completion date, last_update date, provenance jsonb,
         milestones jsonb)`,
      [
        next,
        json(
          dataset.projects.slice(from, from + PROJECT_SLICE).map((p, i) => ({
            id: p.id,
            ord: from + i,
            name: p.name,
            description: p.description,
            sector: p.sector,
            type: p.type,
            stage: p.stage,
            level: p.level,
            investment_period: p.investmentPeriod,
            planned: p.planned,
            completed: p.completed,
            total_investment: p.totalInvestment,
            start: p.start,
            expected_completion: p.expectedCompletion,
            last_update: p.lastUpdate,
            provenance: p.provenance,
            milestones: p.milestones,
          })),
        ),
      ],
    );
  }
  await tx.query(
    `INSERT INTO published (singleton, version_id) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET version_id = EXCLUDED.version_id`,
    [next],
  );
  return next;
}

/**
 * Seeds the first version from `dataset` unless a version exists. One transaction, so a start
 * killed half-way leaves nothing and the next start seeds again. Returns the version written.
 */
export async function seedIfEmpty(db: Db, dataset: () => Dataset, onSeeding?: () => void): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const [row] = await tx.query<{ n: number }>('SELECT COUNT(*)::integer AS n FROM data_versions');
    if ((row?.n ?? 0) > 0) return null;
    const data = dataset();
    onSeeding?.();
    return writeVersion(tx, data, {
      publishedBy: 'seed',
      sourceName: 'data/ (2023 mid-year report)',
      note: 'First version, seeded from the report dataset',
    });
  });
}

/* ---------------------------------------------------------------------------------------- */

export async function publishedVersion(sql: Sql): Promise<DataVersion | null> {
  const [row] = await sql.query<{ id: number; published_at: string }>(
    `SELECT v.id, to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at
     FROM published p JOIN data_versions v ON v.id = p.version_id`,
  );
  return row ? { id: row.id, publishedAt: row.published_at } : null;
}

type Json<T> = T;
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** Everything of a version but its projects, read into the shape the answers are computed from. */
export async function loadFigures(sql: Sql, version: number): Promise<Figures> {
  const [meta] = await sql.query<{
    as_of: string;
    district: Figures['meta']['district'];
    city: Figures['meta']['city'];
    source: Figures['meta']['source'];
    default_period: PeriodId;
    stages: Figures['meta']['stages'];
    levels: Figures['meta']['levels'];
    project_types: Figures['meta']['projectTypes'];
  }>(
    `SELECT as_of::text AS as_of, district, city, source, default_period, stages, levels, project_types
     FROM version_meta WHERE version_id = $1`,
    [version],
  );
  if (!meta) throw new Error(`data version ${version} has no meta row`);
  const periods = await sql.query<{ id: PeriodId; kind: 'actual' | 'target' }>(
    'SELECT id, kind FROM periods WHERE version_id = $1 ORDER BY ord',
    [version],
  );
  const sectors = await sql.query<{
    id: SectorId;
    label: Figures['meta']['sectors'][number]['label'];
    grp: 'leading' | 'multipoint';
  }>('SELECT id, label, grp FROM sectors WHERE version_id = $1 ORDER BY ord', [version]);
  const figureRows = await sql.query<{
    sector_id: SectorId;
    period_id: PeriodId;
    output: Measure | null;
    growth: Measure | null;
    firms: Measure | null;
    share: Measure | null;
    series: Series | null;
  }>(
    `SELECT f.sector_id, f.period_id, f.output, f.growth, f.firms, f.share, f.series
     FROM sector_figures f
     JOIN periods p ON p.version_id = f.version_id AND p.id = f.period_id
     JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY p.ord, s.ord`,
    [version],
  );
  const firms = await sql.query<{
    sector_id: SectorId;
    name: string;
    note: NamedFirmRow['note'];
    provenance: NamedFirmRow['provenance'];
  }>(
    `SELECT f.sector_id, f.name, f.note, f.provenance FROM named_firms f
     JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY s.ord, f.ord`,
    [version],
  );
  const kpis = await sql.query<{
    id: string;
    grp: KpiDefinition['group'];
    label: KpiDefinition['label'];
    sector_id: SectorId | null;
    headline: boolean;
    target: Json<KpiDefinition['target']> | null;
  }>('SELECT id, grp, label, sector_id, headline, target FROM kpis WHERE version_id = $1 ORDER BY ord', [version]);
  const values = await sql.query<{
    kpi_id: string;
    period_id: PeriodId;
    value: Measure;
    yoy: Measure | null;
    plan_completion: Measure | null;
    facts: NonNullable<KpiPeriodValue['facts']>;
    comparisons: NonNullable<KpiPeriodValue['comparisons']>;
    series: Series | null;
  }>(
    `SELECT v.kpi_id, v.period_id, v.value, v.yoy, v.plan_completion, v.facts, v.comparisons, v.series
     FROM kpi_values v JOIN periods p ON p.version_id = v.version_id AND p.id = v.period_id
     WHERE v.version_id = $1 ORDER BY p.ord`,
    [version],
  );
  const definitions = kpis.map((k): KpiDefinition => ({
    id: k.id,
    group: k.grp,
    label: k.label,
    sector: k.sector_id,
    headline: k.headline,
    values: {},
    ...(k.target ? { target: k.target } : {}),
  }));
  const byId = new Map(definitions.map((d) => [d.id, d]));
  for (const v of values) {
    const def = byId.get(v.kpi_id);
    if (!def) continue;
    def.values[v.period_id] = {
      value: v.value,
      ...(v.yoy ? { yoy: v.yoy } : {}),
      ...(v.plan_completion ? { planCompletion: v.plan_completion } : {}),
      ...(v.facts.length > 0 ? { facts: v.facts } : {}),
      ...(v.comparisons.length > 0 ? { comparisons: v.comparisons } : {}),
      ...(v.series ? { series: v.series } : {}),
    };
  }
  return {
    meta: {
      district: meta.district,
      city: meta.city,
      asOf: meta.as_of,
      source: meta.source,
      periods,
      defaultPeriod: meta.default_period,
      sectors: sectors.map((s) => ({ id: s.id, label: s.label, group: s.grp })),
      stages: meta.stages,
      levels: meta.levels,
      projectTypes: meta.project_types,
    },
    kpis: definitions,
    sectorFigures: figureRows.map((r): SectorFigureRow => ({
      sector: r.sector_id,
      period: r.period_id,
      output: orUndefined(r.output),
      growth: orUndefined(r.growth),
      firms: orUndefined(r.firms),
      share: orUndefined(r.share),
      series: r.series,
    })),
    namedFirms: firms.map((f) => ({ sector: f.sector_id, name: f.name, note: f.note, provenance: f.provenance })),
  };
}

/* ---------------------------------------------------------------------------------------- */

const PROJECT_COLUMNS = `id, name, description, sector_id, type, stage, level, investment_period, planned, completed,
  total_investment, start_date::text AS start_date, expected_completion::text AS expected_completion,
  last_update::text AS last_update, provenance`;

interface ProjectRow {
  id: string;
  name: string;
  description: string;
  sector_id: ProjectDetail['sector'];
  type: ProjectDetail['type'];
  stage: ProjectDetail['stage'];
  level: ProjectDetail['level'];
  investment_period: PeriodId;
  planned: Measure;
  completed: Measure;
  total_investment: Measure | null;
  start_date: string | null;
  expected_completion: string | null;
  last_update: string;
  provenance: ProjectDetail['provenance'];
  milestones?: ProjectDetail['milestones'];
}

const toProject = (r: ProjectRow): ProjectDetail => ({
  id: r.id,
  name: r.name,
  description: r.description,
  sector: r.sector_id,
  type: r.type,
  stage: r.stage,
  level: r.level,
  investmentPeriod: r.investment_period,
  planned: r.planned,
  completed: r.completed,
  totalInvestment: r.total_investment,
  start: r.start_date,
  expectedCompletion: r.expected_completion,
  lastUpdate: r.last_update,
  provenance: r.provenance,
  milestones: r.milestones ?? [],
});

/** The version's project list in published order (without milestones), for the in-memory index. */
export async function loadProjects(sql: Sql, version: number): Promise<ProjectDetail[]> {
  const rows = await sql.query<ProjectRow>(
    `SELECT ${PROJECT_COLUMNS} FROM projects WHERE version_id = $1 ORDER BY ord`,
    [version],
  );
  return rows.map(toProject);
}

export async function getProject(sql: Sql, version: number, id: string): Promise<ProjectDetail | null> {
  const [row] = await sql.query<ProjectRow>(
    `SELECT ${PROJECT_COLUMNS}, milestones FROM projects WHERE version_id = $1 AND id = $2`,
    [version, id],
  );
  return row ? toProject(row) : null;
}
