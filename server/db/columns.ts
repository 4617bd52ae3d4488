/**
 * Every table's columns, said once: for each its name and type, how a value goes in from the
 * object written and how it comes out into the object read. The INSERT, the SELECT list and the
 * row → object mapping are all made from it, so a new field is one line here (and its migration).
 * Every statement is constant SQL text with $n parameters: the maps name columns, never values.
 */
import type { Dataset, DatasetMeta, NamedFirmRow, SectorFigureRow } from '../../data/dataset';
import type { KpiDefinition, KpiPeriodValue } from '../../data/report';
import type { ImportReport, VersionRecord } from '../../src/api/admin';
import type { PeriodId } from '../../src/api/common';
import type { PeriodInfo, SectorInfo } from '../../src/api/meta';
import type { ProjectDetail } from '../../src/api/projects';
import type { Sql } from './client';

/** Where a row is written: its place in the list written and the data version it belongs to. */
interface Place {
  index: number;
  version: number | undefined;
}

/** A column of a table whose rows are read as `T` and written from `W`. */
export interface Column<T, W = T> {
  name: string;
  /** Its type as the written rows (a jsonb array) declare it. */
  type: 'text' | 'integer' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';
  /** Its value from the object written: null where the object has none. None: the database fills it in. */
  put?: (item: W, place: Place) => unknown;
  /** Its part of the object read back, from the column's value. None: written, never read back. */
  take?: (value: unknown) => Partial<T>;
  /** Large: read only when the whole object is asked for, not for the list. */
  detail?: boolean;
}

export interface Table<T, W = T> {
  name: string;
  /** In the order the object read back has its fields. */
  columns: readonly Column<T, W>[];
}

/** A field held as it is (null where the object has none). */
const same = <T, W = T>(name: string, type: Column<T, W>['type'], key: keyof T & keyof W & string): Column<T, W> => ({
  name,
  type,
  put: (item) => item[key] ?? null,
  take: (value) => ({ [key]: value }) as Partial<T>,
});

/** An optional field: absent rather than null where there is none, as the contract has it (and the mock answers). */
const optional = <T>(name: string, type: Column<T>['type'], key: keyof T & string): Column<T> => ({
  ...same(name, type, key),
  take: (value) => (value ? ({ [key]: value } as Partial<T>) : {}),
});

/** An optional list, stored as an empty one where there is none and absent when read back empty. */
const list = <T>(name: string, key: keyof T & string): Column<T> => ({
  ...same(name, 'jsonb', key),
  put: (item) => item[key] ?? [],
  take: (value) => (Array.isArray(value) && value.length > 0 ? ({ [key]: value } as Partial<T>) : {}),
});

/** The data version the row belongs to: the one being written; reads ask for it by name. */
const versionId = <T>(): Column<T> => ({ name: 'version_id', type: 'integer', put: (_, { version }) => version });

/** The row's place in the list written: reads keep the published order by it. */
const ord = <T>(): Column<T> => ({ name: 'ord', type: 'integer', put: (_, { index }) => index });

/** The version written: who published it, from what, and how many rows of each kind. */
type VersionRow = Omit<VersionRecord, 'current'>;

export const versionTable: Table<VersionRow, Omit<VersionRow, 'publishedAt'>> = {
  name: 'data_versions',
  columns: [
    same('id', 'integer', 'id'),
    // The time of the transaction that publishes it, as the database has it.
    { name: 'published_at', type: 'timestamptz', take: (value) => ({ publishedAt: value as string }) },
    same('published_by', 'text', 'publishedBy'),
    same('source_name', 'text', 'sourceName'),
    same('source_sha256', 'text', 'sourceSha256'),
    same('based_on', 'integer', 'basedOn'),
    same('note', 'text', 'note'),
    same('counts', 'jsonb', 'counts'),
  ],
};

/** `/meta` as a version stores it in one row; its periods and sectors are tables of their own. */
type VersionMeta = Omit<DatasetMeta, 'periods' | 'sectors'>;

export const metaTable: Table<VersionMeta> = {
  name: 'version_meta',
  columns: [
    versionId(),
    same('district', 'jsonb', 'district'),
    same('city', 'jsonb', 'city'),
    same('as_of', 'date', 'asOf'),
    same('source', 'jsonb', 'source'),
    same('default_period', 'text', 'defaultPeriod'),
    same('stages', 'jsonb', 'stages'),
    same('levels', 'jsonb', 'levels'),
    same('project_types', 'jsonb', 'projectTypes'),
    same('kpi_groups', 'jsonb', 'kpiGroups'),
    same('reported_project_totals', 'jsonb', 'reportedProjectTotals'),
    same('sample', 'boolean', 'sample'),
  ],
};

export const periodTable: Table<PeriodInfo> = {
  name: 'periods',
  columns: [versionId(), same('id', 'text', 'id'), ord(), same('kind', 'text', 'kind')],
};

export const sectorTable: Table<SectorInfo> = {
  name: 'sectors',
  columns: [
    versionId(),
    same('id', 'text', 'id'),
    ord(),
    same('label', 'jsonb', 'label'),
    same('grp', 'text', 'group'),
    optional('color', 'jsonb', 'color'),
  ],
};

export const sectorFigureTable: Table<SectorFigureRow> = {
  name: 'sector_figures',
  columns: [
    versionId(),
    same('sector_id', 'text', 'sector'),
    same('period_id', 'text', 'period'),
    optional('output', 'jsonb', 'output'),
    optional('growth', 'jsonb', 'growth'),
    optional('firms', 'jsonb', 'firms'),
    optional('share', 'jsonb', 'share'),
    same('series', 'jsonb', 'series'),
  ],
};

export const namedFirmTable: Table<NamedFirmRow> = {
  name: 'named_firms',
  columns: [
    versionId(),
    same('sector_id', 'text', 'sector'),
    ord(),
    same('name', 'text', 'name'),
    optional('name_en', 'text', 'nameEn'),
    same('note', 'jsonb', 'note'),
    same('provenance', 'jsonb', 'provenance'),
    optional('facts', 'jsonb', 'facts'),
  ],
};

/** A headline figure's definition; its values by period are the rows of `kpi_values`. */
type KpiRow = Omit<KpiDefinition, 'values'>;

export const kpiTable: Table<KpiRow> = {
  name: 'kpis',
  columns: [
    versionId(),
    same('id', 'text', 'id'),
    ord(),
    same('grp', 'text', 'group'),
    same('label', 'jsonb', 'label'),
    same('sector_id', 'text', 'sector'),
    same('headline', 'boolean', 'headline'),
    optional('target', 'jsonb', 'target'),
    optional('unit', 'text', 'unit'),
    optional('direction', 'text', 'direction'),
    // A boolean whose false is said (时点), unlike an absent one (not said).
    {
      ...same('cumulative', 'boolean', 'cumulative'),
      take: (value) => (typeof value === 'boolean' ? { cumulative: value } : {}),
    },
  ],
};

/** A headline figure's value for one period. */
interface KpiValueRow extends KpiPeriodValue {
  kpi: string;
  period: PeriodId;
}

export const kpiValueTable: Table<KpiValueRow> = {
  name: 'kpi_values',
  columns: [
    versionId(),
    same('kpi_id', 'text', 'kpi'),
    same('period_id', 'text', 'period'),
    same('value', 'jsonb', 'value'),
    optional('yoy', 'jsonb', 'yoy'),
    optional('plan_completion', 'jsonb', 'planCompletion'),
    list('facts', 'facts'),
    list('comparisons', 'comparisons'),
    optional('series', 'jsonb', 'series'),
  ],
};

export const projectTable: Table<ProjectDetail> = {
  name: 'projects',
  columns: [
    versionId(),
    same('id', 'text', 'id'),
    ord(),
    same('name', 'text', 'name'),
    optional('name_en', 'text', 'nameEn'),
    optional('description_en', 'text', 'descriptionEn'),
    same('description', 'text', 'description'),
    same('sector_id', 'text', 'sector'),
    same('type', 'text', 'type'),
    same('stage', 'text', 'stage'),
    same('level', 'text', 'level'),
    same('investment_period', 'text', 'investmentPeriod'),
    same('planned', 'jsonb', 'planned'),
    same('completed', 'jsonb', 'completed'),
    same('total_investment', 'jsonb', 'totalInvestment'),
    same('start_date', 'date', 'start'),
    same('expected_completion', 'date', 'expectedCompletion'),
    same('last_update', 'date', 'lastUpdate'),
    same('provenance', 'jsonb', 'provenance'),
    optional('field_provenance', 'jsonb', 'fieldProvenance'),
    optional('date_precision', 'jsonb', 'datePrecision'),
    {
      ...same('milestones', 'jsonb', 'milestones'),
      take: (value) => ({ milestones: (value ?? []) as ProjectDetail['milestones'] }),
      detail: true,
    },
    { ...optional('facts', 'jsonb', 'facts'), detail: true },
  ],
};

/** An upload between "checked" and "published", and whose it is. */
export interface StagedImport {
  id: string;
  user: string;
  baseVersion: number;
  report: ImportReport;
  /** What publishing would write; null when the file has errors. */
  dataset: Dataset | null;
}

export const stagedImportTable: Table<StagedImport> = {
  name: 'staged_imports',
  columns: [
    same('id', 'text', 'id'),
    same('user_name', 'text', 'user'),
    same('base_version', 'integer', 'baseVersion'),
    { name: 'file_name', type: 'text', put: (item) => item.report.fileName },
    { name: 'sha256', type: 'text', put: (item) => item.report.sha256 },
    same('report', 'jsonb', 'report'),
    same('dataset', 'jsonb', 'dataset'),
  ],
};

/** One statement per this many objects keeps the embedded database's memory small. */
const SLICE = 500;

/** The INSERT of a slice of rows: $1 the rows as a jsonb array, each with a value per column written. */
const insertSql = (name: string, columns: readonly { name: string; type: string }[]) =>
  `INSERT INTO ${name} (${columns.map((c) => c.name).join(', ')})
   SELECT ${columns.map((c) => `r.${c.name}`).join(', ')}
   FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

/** Writes `items` as rows of `table`, in their order; as rows of data version `version` where the table has one. */
export async function insertRows<T, W>(
  tx: Sql,
  table: Table<T, W>,
  items: readonly W[],
  version?: number,
): Promise<void> {
  const written = table.columns.flatMap(({ name, type, put }) => (put ? [{ name, type, put }] : []));
  const sql = insertSql(table.name, written);
  for (let from = 0; from < items.length; from += SLICE) {
    const rows = items.slice(from, from + SLICE).map((item, i) => {
      const row: Record<string, unknown> = {};
      for (const c of written) row[c.name] = c.put(item, { index: from + i, version });
      return row;
    });
    await tx.query(sql, [JSON.stringify(rows)]);
  }
}

/** A column in a SELECT list, under its own name: dates as ISO text, times as ISO instants in UTC (to the millisecond). */
function selectItem({ name, type }: Pick<Column<unknown>, 'name' | 'type'>, prefix: string): string {
  if (type === 'date') return `${prefix}${name}::text AS ${name}`;
  if (type === 'timestamptz')
    return `to_char(${prefix}${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${name}`;
  return `${prefix}${name}`;
}

/** The SELECT list of the columns of `table` that are read back. */
export function selectList<T, W>(table: Table<T, W>, { detail = false, alias = '' } = {}): string {
  const prefix = alias ? `${alias}.` : '';
  return table.columns
    .filter((c) => c.take && (detail || !c.detail))
    .map((c) => selectItem(c, prefix))
    .join(', ');
}

/** The object a row of `table` holds; columns not read give what they give for no value. */
export const fromRow =
  <T, W>(table: Table<T, W>) =>
  (row: Record<string, unknown>): T =>
    Object.assign({}, ...table.columns.map((c) => c.take?.(row[c.name]))) as T;
