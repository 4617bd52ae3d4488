/**
 * Publishing data versions safely: a new version is written and published in one transaction,
 * only on top of the version its author started from (two people publishing on the same base:
 * the second is refused, told which version won); a rollback publishes an old version's content
 * as a new version; the history lists every version with who, when, from what and how much.
 */
import type { Dataset } from '../../data/dataset';
import type { VersionRecord } from '../../src/api/admin';
import { ServiceError } from '../errors';
import { trimLog } from './client';
import type { Db, Sql } from './client';
import { fromRow, selectList, versionTable } from './columns';
import { loadFigures } from './figures';
import { WRITE_LOCK } from './migrate';
import { loadProjects } from './projects';
import { publishedVersion, writeVersion } from './versions';
import type { VersionInfo } from './versions';

/** Another version was published since the one this change started from: 409, naming the winner. */
export const versionConflict = (base: number | null, winner: VersionRecord) =>
  new ServiceError(
    'conflict',
    `Version ${winner.id} was published by ${winner.publishedBy} at ${winner.publishedAt} after you started from version ${base ?? '(none)'}; nothing was changed. Check your change again against version ${winner.id}.`,
    { code: 'version_conflict', detail: { winner } },
  );

/** The version that won, when `error` is a version conflict. */
export const conflictWinner = (error: unknown): VersionRecord | null =>
  error instanceof ServiceError && error.code === 'version_conflict'
    ? (error.detail as { winner: VersionRecord }).winner
    : null;

const RECORD_SQL = `SELECT ${selectList(versionTable, { alias: 'v' })}, COALESCE(p.version_id = v.id, false) AS current
  FROM data_versions v LEFT JOIN published p ON p.version_id = v.id`;

const toVersion = fromRow(versionTable);
const toRecord = (row: Record<string, unknown>): VersionRecord => ({
  ...toVersion(row),
  current: row.current === true,
});

/** Every version, newest first. */
export async function history(sql: Sql): Promise<VersionRecord[]> {
  return (await sql.query(`${RECORD_SQL} ORDER BY v.id DESC`)).map(toRecord);
}

export async function record(sql: Sql, id: number): Promise<VersionRecord | null> {
  const [row] = await sql.query(`${RECORD_SQL} WHERE v.id = $1`, [id]);
  return row ? toRecord(row) : null;
}

async function currentId(sql: Sql): Promise<number | null> {
  const [row] = await sql.query<{ version_id: number }>('SELECT version_id FROM published');
  return row?.version_id ?? null;
}

/** The published version's number and whole content: what an upload is checked against. */
export async function publishedDataset(sql: Sql): Promise<{ version: number; dataset: Dataset }> {
  const version = await publishedVersion(sql);
  if (!version) throw new ServiceError('unavailable', 'no data version has been published yet');
  return { version: version.id, dataset: await loadDataset(sql, version.id) };
}

/** A version's whole content, as it was published. */
export async function loadDataset(sql: Sql, version: number): Promise<Dataset> {
  if (!(await record(sql, version))) throw new ServiceError('not_found', `there is no data version ${version}`);
  return { ...(await loadFigures(sql, version)), projects: await loadProjects(sql, version, { milestones: true }) };
}

/**
 * Publishes `dataset` as a new version if the published version is still `info.basedOn`;
 * otherwise changes nothing and throws a conflict naming the version that won. The new version
 * is the one after `basedOn`, which imported figures name (import/merge.ts).
 */
export async function publish(
  db: Db,
  dataset: Dataset,
  info: VersionInfo & { basedOn: number | null },
  onWriting?: () => void,
): Promise<number> {
  const published = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const current = await currentId(tx);
    if (current !== info.basedOn) {
      const winner = current === null ? null : await record(tx, current);
      if (winner) throw versionConflict(info.basedOn, winner);
    }
    onWriting?.();
    const version = await writeVersion(tx, dataset, info);
    // Every version written is published at once, so the published one is always the latest.
    if (version !== (info.basedOn ?? 0) + 1) throw new Error(`version ${version} written on ${info.basedOn}`);
    return version;
  });
  await trimLog(db);
  return published;
}

/** Publishes version `version`'s content again, as a new version on top of the current one. */
export async function rollback(
  db: Db,
  version: number,
  by: string,
  onWriting?: () => void,
  /** The version the editor saw as current; another published since is a conflict. */
  basedOn?: number,
): Promise<number> {
  const published = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const dataset = await loadDataset(tx, version);
    const current = await currentId(tx);
    if (basedOn !== undefined && current !== basedOn) {
      const winner = current === null ? null : await record(tx, current);
      if (winner) throw versionConflict(basedOn, winner);
    }
    onWriting?.();
    return writeVersion(tx, dataset, {
      publishedBy: by,
      sourceName: `rollback to version ${version}`,
      basedOn: current,
      note: `Content of version ${version}, published again`,
    });
  });
  await trimLog(db);
  return published;
}
