/** The sector charts' table and CSV (the same data as the drawing) and their source line. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Measure } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import type { CsvCell } from '../../shared/csv';
import type { FigureKey } from '../../domain/sectorFigures';
import type { ChartColumn, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { columnUnit } from '../../lib/columnUnit';
import type { ColumnUnit } from '../../lib/columnUnit';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { ChartContext } from './chartContext';
import { csvValue, provenanceCell, sourceLines } from './figureCells';
import { orderSectors } from './sectorOrder';

/** "Source: report lines 38, 40", for the lines behind the given measures. */
export const sourceText = (ctx: ChartContext, measures: readonly (Measure | null)[]) => {
  const lines = sourceLines(measures.map((m) => m?.provenance));
  if (lines.length === 0) return undefined;
  return ctx.t(lines.length === 1 ? 'source.line' : 'source.lines', { lines: lines.join(ctx.t('list.sep')) });
};

function SectorName({ sector, ctx }: { sector: SectorFigure; ctx: ChartContext }) {
  return (
    <Link to={ctx.sectorTo(sector.id)} className="sector-name">
      <span aria-hidden="true" className="sector-swatch" style={{ background: ctx.color(sector.id) }} />
      {localized(sector.label, ctx.locale)}
    </Link>
  );
}

/** The value column's header, and the CSV's where the table prints money in another unit. */
export interface ValueHeader {
  header: string;
  csvHeader?: string;
}

export function columnsFor(ctx: ChartContext, value: ValueHeader): ChartColumn[] {
  return [
    { key: 'sector', header: ctx.t('col.sector') },
    { key: 'group', header: ctx.t('col.group') },
    { key: 'value', ...value, numeric: true },
    { key: 'source', header: ctx.t('col.source') },
  ];
}

/**
 * A column of money in one unit, chosen from its amounts (亿元, ¥B, ¥M), named once in its header
 * and not in every cell; its CSV stays in 亿元 in both languages (csvValue).
 */
export function moneyColumn(
  amounts: readonly (Measure | number | null)[],
  ctx: ChartContext,
  header: 'col.output' | 'col.cumulative',
): { unit: ColumnUnit } & ValueHeader {
  const unit = columnUnit(amounts, ctx.locale);
  return {
    unit,
    header: ctx.t(header, { unit: unit.label }),
    csvHeader: ctx.t(header, { unit: ctx.t('unit.money.csv') }),
  };
}

/**
 * The value and source cells of a measure, or "not reported" (never a zero). With a column unit,
 * the figure alone: its unit is in the column's header.
 */
export function measureCells(
  m: Measure | null,
  ctx: ChartContext,
  signed = false,
  unit?: ColumnUnit,
): { cells: ReactNode[]; csv: CsvCell[] } {
  if (!m) return { cells: [ctx.t('notReported'), ''], csv: [ctx.t('notReported'), ''] };
  return {
    cells: [
      unit ? unit.figure(m) : formatMeasure(m, ctx.locale, { signed }),
      <ProvenanceBadge key="p" provenance={m.provenance} compact />,
    ],
    csv: [csvValue(m), provenanceCell(m.provenance, ctx.t('provenance.illustrative'))],
  };
}

/** One row per sector, reported or not, leading industries first. */
export function rowsFor(
  items: readonly SectorFigure[],
  key: FigureKey,
  ctx: ChartContext,
  { signed = false, unit }: { signed?: boolean; unit?: ColumnUnit } = {},
): ChartRow[] {
  return orderSectors(items).map((s) => {
    const { cells, csv } = measureCells(s[key], ctx, signed, unit);
    const group = ctx.t(`group.${s.group}`);
    return {
      key: s.id,
      cells: [<SectorName key="n" sector={s} ctx={ctx} />, group, ...cells],
      csv: [localized(s.label, ctx.locale), group, ...csv],
    };
  });
}
