/**
 * Data versions: writing one (in the caller's transaction, then publishing it) and reading which
 * one is published. Every statement is constant SQL text with $n parameters.
 */
import type { Dataset } from '../../data/dataset';
import type { DataVersion } from '../../src/api/meta';
import type { Sql } from './client';
import {
  fromRow,
  insertRows,
  kpiTable,
  kpiValueTable,
  metaTable,
  namedFirmTable,
  periodTable,
  projectTable,
  sectorFigureTable,
  sectorTable,
  selectList,
  versionTable,
} from './columns';
import { datasetCounts } from '../import/changes';
import { WRITE_LOCK } from './migrate';

export interface VersionInfo {
  publishedBy: string;
  sourceName: string;
  sourceSha256?: string | null;
  basedOn?: number | null;
  note?: string;
}

/**
 * Writes `dataset` as a new version inside the caller's transaction and publishes it.
 * Returns the new version's number. Callers hold the transaction: nothing is half written.
 */
export async function writeVersion(tx: Sql, dataset: Dataset, info: VersionInfo): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
    'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM data_versions',
  );
  await insertRows(tx, versionTable, [
    {
      id: next,
      publishedBy: info.publishedBy,
      sourceName: info.sourceName,
      sourceSha256: info.sourceSha256 ?? null,
      basedOn: info.basedOn ?? null,
      note: info.note ?? '',
      counts: datasetCounts(dataset),
    },
  ]);
  const { meta } = dataset;
  await insertRows(tx, metaTable, [meta], next);
  await insertRows(tx, periodTable, meta.periods, next);
  await insertRows(tx, sectorTable, meta.sectors, next);
  await insertRows(tx, sectorFigureTable, dataset.sectorFigures, next);
  await insertRows(tx, namedFirmTable, dataset.namedFirms, next);
  await insertRows(tx, kpiTable, dataset.kpis, next);
  await insertRows(
    tx,
    kpiValueTable,
    dataset.kpis.flatMap((k) =>
      Object.entries(k.values).flatMap(([period, value]) => (value ? [{ kpi: k.id, period, ...value }] : [])),
    ),
    next,
  );
  await insertRows(tx, projectTable, dataset.projects, next);
  await tx.query(
    `INSERT INTO published (singleton, version_id) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET version_id = EXCLUDED.version_id`,
    [next],
  );
  return next;
}

const VERSION = selectList(versionTable, { alias: 'v' });
const toVersion = fromRow(versionTable);

export async function publishedVersion(sql: Sql): Promise<DataVersion | null> {
  const [row] = await sql.query(`SELECT ${VERSION} FROM published p JOIN data_versions v ON v.id = p.version_id`);
  if (!row) return null;
  const { id, publishedAt } = toVersion(row);
  return { id, publishedAt };
}
