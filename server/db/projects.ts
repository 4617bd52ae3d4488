/** Reading a version's projects: the whole list (for the in-memory index) and one with its milestones. */
import type { Measure, PeriodId } from '../../src/api/common';
import type { ProjectDetail } from '../../src/api/projects';
import type { Sql } from './client';

const PROJECT_COLUMNS = `id, name, name_en, description, description_en, sector_id, type, stage, level, investment_period, planned, completed,
  total_investment, start_date::text AS start_date, expected_completion::text AS expected_completion,
  last_update::text AS last_update, provenance, field_provenance, date_precision`;

interface ProjectRow {
  id: string;
  name: string;
  name_en: string | null;
  description: string;
  description_en: string | null;
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
  field_provenance: ProjectDetail['fieldProvenance'] | null;
  date_precision: ProjectDetail['datePrecision'] | null;
  milestones?: ProjectDetail['milestones'];
  facts?: ProjectDetail['facts'] | null;
}

const toProject = (r: ProjectRow): ProjectDetail => ({
  id: r.id,
  name: r.name,
  // Absent rather than null where the office gave none, as the dataset has them.
  ...(r.name_en ? { nameEn: r.name_en } : {}),
  ...(r.description_en ? { descriptionEn: r.description_en } : {}),
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
  // Absent rather than null, as the contract has them (and as the mock answers).
  ...(r.field_provenance ? { fieldProvenance: r.field_provenance } : {}),
  ...(r.date_precision ? { datePrecision: r.date_precision } : {}),
  milestones: r.milestones ?? [],
  ...(r.facts ? { facts: r.facts } : {}),
});

/**
 * The version's project list in published order: without milestones for the in-memory index,
 * with them to copy the version whole (a rollback).
 */
export async function loadProjects(
  sql: Sql,
  version: number,
  { milestones = false }: { milestones?: boolean } = {},
): Promise<ProjectDetail[]> {
  const rows = await sql.query<ProjectRow>(
    milestones
      ? `SELECT ${PROJECT_COLUMNS}, milestones, facts FROM projects WHERE version_id = $1 ORDER BY ord`
      : `SELECT ${PROJECT_COLUMNS} FROM projects WHERE version_id = $1 ORDER BY ord`,
    [version],
  );
  return rows.map(toProject);
}

export async function getProject(sql: Sql, version: number, id: string): Promise<ProjectDetail | null> {
  const [row] = await sql.query<ProjectRow>(
    `SELECT ${PROJECT_COLUMNS}, milestones, facts FROM projects WHERE version_id = $1 AND id = $2`,
    [version, id],
  );
  return row ? toProject(row) : null;
}
