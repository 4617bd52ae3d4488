/** Reading a version's figures (everything but its projects) into the shape the answers use. */
import type { Figures, SectorFigureRow } from '../../data/dataset';
import type { KpiDefinition, KpiPeriodValue } from '../../data/report';
import type { Measure, PeriodId, SectorId, Series } from '../../src/api/common';
import type { Sql } from './client';
import { fromRow, namedFirmTable, selectList } from './columns';

type Json<T> = T;
const FIRMS = selectList(namedFirmTable, { alias: 'f' });
const toFirm = fromRow(namedFirmTable);
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** Everything of a version but its projects, read into the shape the answers are computed from. */
export async function loadFigures(sql: Sql, version: number): Promise<Figures> {
  const [meta] = await sql.query<{
    as_of: string;
    district: Figures['meta']['district'];
    city: Figures['meta']['city'];
    source: Figures['meta']['source'];
    default_period: PeriodId;
    stages: Figures['meta']['stages'];
    levels: Figures['meta']['levels'];
    project_types: Figures['meta']['projectTypes'];
    reported_project_totals: Figures['meta']['reportedProjectTotals'];
    sample: boolean;
  }>(
    `SELECT as_of::text AS as_of, district, city, source, default_period, stages, levels, project_types,
            reported_project_totals, sample
     FROM version_meta WHERE version_id = $1`,
    [version],
  );
  if (!meta) throw new Error(`data version ${version} has no meta row`);
  const periods = await sql.query<{ id: PeriodId; kind: 'actual' | 'target' }>(
    'SELECT id, kind FROM periods WHERE version_id = $1 ORDER BY ord',
    [version],
  );
  const sectors = await sql.query<{
    id: SectorId;
    label: Figures['meta']['sectors'][number]['label'];
    grp: 'leading' | 'multipoint';
  }>('SELECT id, label, grp FROM sectors WHERE version_id = $1 ORDER BY ord', [version]);
  const figureRows = await sql.query<{
    sector_id: SectorId;
    period_id: PeriodId;
    output: Measure | null;
    growth: Measure | null;
    firms: Measure | null;
    share: Measure | null;
    series: Series | null;
  }>(
    `SELECT f.sector_id, f.period_id, f.output, f.growth, f.firms, f.share, f.series
     FROM sector_figures f
     JOIN periods p ON p.version_id = f.version_id AND p.id = f.period_id
     JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY p.ord, s.ord`,
    [version],
  );
  const firms = await sql.query(
    // Firms without a sector (the report does not say) come after the sectors' own.
    `SELECT ${FIRMS} FROM named_firms f
     LEFT JOIN sectors s ON s.version_id = f.version_id AND s.id = f.sector_id
     WHERE f.version_id = $1 ORDER BY s.ord NULLS LAST, f.ord`,
    [version],
  );
  const kpis = await sql.query<{
    id: string;
    grp: KpiDefinition['group'];
    label: KpiDefinition['label'];
    sector_id: SectorId | null;
    headline: boolean;
    target: Json<KpiDefinition['target']> | null;
  }>('SELECT id, grp, label, sector_id, headline, target FROM kpis WHERE version_id = $1 ORDER BY ord', [version]);
  const values = await sql.query<{
    kpi_id: string;
    period_id: PeriodId;
    value: Measure;
    yoy: Measure | null;
    plan_completion: Measure | null;
    facts: NonNullable<KpiPeriodValue['facts']>;
    comparisons: NonNullable<KpiPeriodValue['comparisons']>;
    series: Series | null;
  }>(
    `SELECT v.kpi_id, v.period_id, v.value, v.yoy, v.plan_completion, v.facts, v.comparisons, v.series
     FROM kpi_values v JOIN periods p ON p.version_id = v.version_id AND p.id = v.period_id
     WHERE v.version_id = $1 ORDER BY p.ord`,
    [version],
  );
  const definitions = kpis.map((k): KpiDefinition => ({
    id: k.id,
    group: k.grp,
    label: k.label,
    sector: k.sector_id,
    headline: k.headline,
    values: {},
    ...(k.target ? { target: k.target } : {}),
  }));
  const byId = new Map(definitions.map((d) => [d.id, d]));
  for (const v of values) {
    const def = byId.get(v.kpi_id);
    if (!def) continue;
    def.values[v.period_id] = {
      value: v.value,
      ...(v.yoy ? { yoy: v.yoy } : {}),
      ...(v.plan_completion ? { planCompletion: v.plan_completion } : {}),
      ...(v.facts.length > 0 ? { facts: v.facts } : {}),
      ...(v.comparisons.length > 0 ? { comparisons: v.comparisons } : {}),
      ...(v.series ? { series: v.series } : {}),
    };
  }
  return {
    meta: {
      district: meta.district,
      city: meta.city,
      asOf: meta.as_of,
      source: meta.source,
      periods,
      defaultPeriod: meta.default_period,
      sectors: sectors.map((s) => ({ id: s.id, label: s.label, group: s.grp })),
      stages: meta.stages,
      levels: meta.levels,
      projectTypes: meta.project_types,
      reportedProjectTotals: meta.reported_project_totals,
      sample: meta.sample,
    },
    kpis: definitions,
    sectorFigures: figureRows.map((r): SectorFigureRow => ({
      sector: r.sector_id,
      period: r.period_id,
      output: orUndefined(r.output),
      growth: orUndefined(r.growth),
      firms: orUndefined(r.firms),
      share: orUndefined(r.share),
      series: r.series,
    })),
    namedFirms: firms.map(toFirm),
  };
}
