import { Fragment } from 'react';
import type { ReactNode } from 'react';

/** A column header: its words, right-aligned for numbers; or a header cell made by the caller (a sort button). */
export type AdminColumn = { label: string; numeric?: boolean } | ReactNode;

const isPlain = (column: AdminColumn): column is { label: string; numeric?: boolean } =>
  typeof column === 'object' && column !== null && 'label' in column;

/**
 * The admin pages' tables: a region that scrolls by itself (reachable by keyboard, named for
 * screen readers), a caption, one header row, the rows given as children.
 */
export function AdminTable({
  label,
  caption,
  columns,
  tall = false,
  busy,
  className = 'atable',
  children,
}: {
  label: string;
  caption: string;
  columns: readonly AdminColumn[];
  /** Tall lists (the preview's changes, the history) scroll within a taller box. */
  tall?: boolean;
  busy?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`atable__scroll${tall ? ' atable__scroll--tall' : ''}`}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className={`data-table ${className}`} aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              isPlain(column) ? (
                <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.label}
                </th>
              ) : (
                <Fragment key={i}>{column}</Fragment>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
