/**
 * Data versions: writing one (in the caller's transaction, then publishing it) and reading which
 * one is published. Every statement is constant SQL text with $n parameters.
 */
import type { Dataset } from '../../data/dataset';
import type { DataVersion } from '../../src/api/meta';
import type { Sql } from './client';
import { insertRows, namedFirmTable, projectTable } from './columns';
import { WRITE_LOCK } from './migrate';

export interface VersionInfo {
  publishedBy: string;
  sourceName: string;
  sourceSha256?: string | null;
  basedOn?: number | null;
  note?: string;
}

const json = (value: unknown) => JSON.stringify(value);

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
    `INSERT INTO version_meta (version_id, as_of, district, city, source, default_period, stages, levels, project_types, reported_project_totals, sample)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11)`,
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
      json(meta.reportedProjectTotals),
      meta.sample,
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
  await insertRows(tx, namedFirmTable, next, dataset.namedFirms);
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
  await insertRows(tx, projectTable, next, dataset.projects);
  await tx.query(
    `INSERT INTO published (singleton, version_id) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET version_id = EXCLUDED.version_id`,
    [next],
  );
  return next;
}

export async function publishedVersion(sql: Sql): Promise<DataVersion | null> {
  const [row] = await sql.query<{ id: number; published_at: string }>(
    `SELECT v.id, to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at
     FROM published p JOIN data_versions v ON v.id = p.version_id`,
  );
  return row ? { id: row.id, publishedAt: row.published_at } : null;
}
