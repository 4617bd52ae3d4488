/** Reading a version's projects: the whole list (for the in-memory index) and one with its milestones. */
import type { ProjectDetail } from '../../src/api/projects';
import type { Sql } from './client';
import { fromRow, projectTable, selectList } from './columns';

const LIST = selectList(projectTable);
const DETAIL = selectList(projectTable, { detail: true });
const toProject = fromRow(projectTable);

/**
 * The version's project list in published order: without milestones for the in-memory index,
 * with them to copy the version whole (a rollback).
 */
export async function loadProjects(
  sql: Sql,
  version: number,
  { milestones = false }: { milestones?: boolean } = {},
): Promise<ProjectDetail[]> {
  const rows = await sql.query(
    milestones
      ? `SELECT ${DETAIL} FROM projects WHERE version_id = $1 ORDER BY ord`
      : `SELECT ${LIST} FROM projects WHERE version_id = $1 ORDER BY ord`,
    [version],
  );
  return rows.map(toProject);
}

export async function getProject(sql: Sql, version: number, id: string): Promise<ProjectDetail | null> {
  const [row] = await sql.query(`SELECT ${DETAIL} FROM projects WHERE version_id = $1 AND id = $2`, [version, id]);
  return row ? toProject(row) : null;
}
