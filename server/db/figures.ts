/** Reading a version's figures (everything but its projects) into the shape the answers use. */
import type { Figures } from '../../data/dataset';
import type { KpiDefinition } from '../../data/report';
import type { Sql } from './client';
import {
  fromRow,
  kpiTable,
  kpiValueTable,
  metaTable,
  namedFirmTable,
  periodTable,
  sectorFigureTable,
  sectorTable,
  selectList,
} from './columns';

const toMeta = fromRow(metaTable);
const toPeriod = fromRow(periodTable);
const toSector = fromRow(sectorTable);
const toSectorFigure = fromRow(sectorFigureTable);
const toFirm = fromRow(namedFirmTable);
const toKpi = fromRow(kpiTable);
const toKpiValue = fromRow(kpiValueTable);

/** Everything of a version but its projects, read into the shape the answers are computed from. */
export async function loadFigures(sql: Sql, version: number): Promise<Figures> {
  const [meta] = await sql.query(`SELECT ${selectList(metaTable)} FROM version_meta WHERE version_id = $1`, [version]);
  if (!meta) throw new Error(`data version ${version} has no meta row`);
  const periods = await sql.query(`SELECT ${selectList(periodTable)} FROM periods WHERE version_id = $1 ORDER BY ord`, [
    version,
  ]);
  const sectors = await sql.query(`SELECT ${selectList(sectorTable)} FROM sectors WHERE version_id = $1 ORDER BY ord`, [
    version,
  ]);
  const sectorFigures = await sql.query(
    `SELECT ${selectList(sectorFigureTable, { alias: 'f' })} FROM sector_figures f
     JOIN periods p ON p.version_id = f.version_id AND p.id = f.period_id
     JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY p.ord, s.ord`,
    [version],
  );
  const firms = await sql.query(
    // Firms without a sector (the report does not say) come after the sectors' own.
    `SELECT ${selectList(namedFirmTable, { alias: 'f' })} FROM named_firms f
     LEFT JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY s.ord NULLS LAST, f.ord`,
    [version],
  );
  const kpis = await sql.query(`SELECT ${selectList(kpiTable)} FROM kpis WHERE version_id = $1 ORDER BY ord`, [
    version,
  ]);
  const values = await sql.query(
    `SELECT ${selectList(kpiValueTable, { alias: 'v' })}
     FROM kpi_values v JOIN periods p ON p.version_id = v.version_id AND p.id = v.period_id
     WHERE v.version_id = $1 ORDER BY p.ord`,
    [version],
  );
  const definitions = kpis.map((row): KpiDefinition => ({ ...toKpi(row), values: {} }));
  const byId = new Map(definitions.map((d) => [d.id, d]));
  for (const { kpi, period, ...value } of values.map(toKpiValue)) {
    const definition = byId.get(kpi);
    if (definition) definition.values[period] = value;
  }
  return {
    meta: { ...toMeta(meta), periods: periods.map(toPeriod), sectors: sectors.map(toSector) },
    kpis: definitions,
    sectorFigures: sectorFigures.map(toSectorFigure),
    namedFirms: firms.map(toFirm),
  };
}
