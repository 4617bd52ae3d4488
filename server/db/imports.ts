/**
 * Uploads between "checked" and "published": the report the editor reads and the dataset
 * publishing would write, kept in the database so that publishing needs no second upload and
 * works whichever server process answers. They expire after a day.
 */
import { randomBytes } from 'node:crypto';
import type { Dataset } from '../../data/dataset';
import type { ImportReport } from '../../src/api/admin';
import type { Sql } from './client';
import { fromRow, insertRows, selectList, stagedImportTable } from './columns';
import type { StagedImport } from './columns';

const EXPIRY_HOURS = 24;
const toStaged = fromRow(stagedImportTable);

/** Stores an upload's report and dataset; returns the report with its id. */
export async function stageImport(
  sql: Sql,
  user: string,
  report: Omit<ImportReport, 'id'>,
  dataset: Dataset | null,
): Promise<ImportReport> {
  const id = randomBytes(18).toString('base64url');
  const full: ImportReport = { id, ...report };
  await sql.query(`DELETE FROM staged_imports WHERE created_at < now() - make_interval(hours => $1)`, [EXPIRY_HOURS]);
  await insertRows(sql, stagedImportTable, [{ id, user, baseVersion: report.baseVersion, report: full, dataset }]);
  return full;
}

/** A staged upload of `user` that has not expired, or null. */
export async function stagedImport(sql: Sql, id: string, user: string): Promise<StagedImport | null> {
  const [row] = await sql.query(
    `SELECT ${selectList(stagedImportTable)} FROM staged_imports
     WHERE id = $1 AND user_name = $2 AND created_at >= now() - make_interval(hours => $3)`,
    [id, user, EXPIRY_HOURS],
  );
  return row ? toStaged(row) : null;
}

export async function dropStagedImport(sql: Sql, id: string): Promise<void> {
  await sql.query('DELETE FROM staged_imports WHERE id = $1', [id]);
}
