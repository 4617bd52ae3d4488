/**
 * A table's columns, said once: for each its name and type, how a value goes in from the object
 * written and how it comes out into the contract's shape. The INSERT, the SELECT list and the
 * row → object mapping are all made from it. Every statement is constant SQL text with $n
 * parameters: the map names columns, never values.
 */
import type { NamedFirmRow } from '../../data/dataset';
import type { ProjectDetail } from '../../src/api/projects';
import type { Sql } from './client';

export interface Column<T> {
  name: string;
  /** Its type as the written rows (a jsonb array) declare it. */
  type: 'text' | 'date' | 'jsonb';
  /** Its value from the object written: null where the object has none. */
  put: (item: T) => unknown;
  /** Its part of the object read back, from the column's value (undefined when not read). */
  take: (value: unknown) => Partial<T>;
  /** Large: read only when the whole object is asked for, not for the list. */
  detail?: boolean;
}

export interface Table<T> {
  name: string;
  /** In the order the object read back has its fields. */
  columns: readonly Column<T>[];
}

/** A field held as it is (null where the object has none). */
const same = <T>(name: string, type: Column<T>['type'], key: keyof T & string): Column<T> => ({
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

export const projectTable: Table<ProjectDetail> = {
  name: 'projects',
  columns: [
    same('id', 'text', 'id'),
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

export const namedFirmTable: Table<NamedFirmRow> = {
  name: 'named_firms',
  columns: [
    same('sector_id', 'text', 'sector'),
    same('name', 'text', 'name'),
    optional('name_en', 'text', 'nameEn'),
    same('note', 'jsonb', 'note'),
    same('provenance', 'jsonb', 'provenance'),
    optional('facts', 'jsonb', 'facts'),
  ],
};

/** One statement per this many objects keeps the embedded database's memory small. */
const SLICE = 500;

/**
 * The INSERT of a slice of rows: $1 the version, $2 the rows as a jsonb array, each with its
 * place in the published order (`ord`) and a value per column.
 */
const insertSql = ({ name, columns }: { name: string; columns: readonly { name: string; type: string }[] }) =>
  `INSERT INTO ${name} (version_id, ord, ${columns.map((c) => c.name).join(', ')})
   SELECT $1, r.ord, ${columns.map((c) => `r.${c.name}`).join(', ')}
   FROM jsonb_to_recordset($2::jsonb) AS r(ord integer, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

/** Writes `items` as the version's rows of `table`, in their order. */
export async function insertRows<T>(tx: Sql, table: Table<T>, version: number, items: readonly T[]): Promise<void> {
  const sql = insertSql(table);
  for (let from = 0; from < items.length; from += SLICE) {
    const rows = items.slice(from, from + SLICE).map((item, i) => {
      const row: Record<string, unknown> = { ord: from + i };
      for (const c of table.columns) row[c.name] = c.put(item);
      return row;
    });
    await tx.query(sql, [version, JSON.stringify(rows)]);
  }
}

/** The SELECT list of `table`'s columns (dates as ISO text), each under its own name. */
export function selectList<T>(table: Table<T>, { detail = false, alias = '' } = {}): string {
  const prefix = alias ? `${alias}.` : '';
  return table.columns
    .filter((c) => detail || !c.detail)
    .map((c) => (c.type === 'date' ? `${prefix}${c.name}::text AS ${c.name}` : `${prefix}${c.name}`))
    .join(', ');
}

/** The object a row of `table` holds; columns not read give what they give for no value. */
export const fromRow =
  <T>(table: Table<T>) =>
  (row: Record<string, unknown>): T =>
    Object.assign({}, ...table.columns.map((c) => c.take(row[c.name]))) as T;
