/**
 * The content of one published data version: what the mock API serves and what the data
 * service stores. The report's figures (report.ts) and the projects it names (projects.ts) are
 * the first version of the default dataset; later versions come from the office's monthly
 * updates. The sample dataset is data/demo.ts.
 */
import type { PeriodId, SectorId, Series } from '../src/api/common';
import type { Meta } from '../src/api/meta';
import type { ProjectDetail } from '../src/api/projects';
import type { NamedFirm } from '../src/api/sectors';
import { reportProjects } from './projects';
import { kpiDefinitions, meta, namedFirms, otherFirms, sectorFigures } from './report';
import type { KpiDefinition, SectorPeriodFigures } from './report';

/** `/meta` without what the publishing system adds (the version). */
export type DatasetMeta = Omit<Meta, 'dataVersion'>;

/** A sector's figures for one period; absent measures were not reported. */
export interface SectorFigureRow extends SectorPeriodFigures {
  sector: SectorId;
  period: PeriodId;
  /** Monthly output through the period, when the period has an output figure. */
  series: Series | null;
}

export interface NamedFirmRow extends NamedFirm {
  /** null: the report does not say which sector the firm belongs to. */
  sector: SectorId | null;
}

export interface Dataset {
  meta: DatasetMeta;
  /** District-wide headline figures; the per-sector tiles are derived from `sectorFigures`. */
  kpis: KpiDefinition[];
  sectorFigures: SectorFigureRow[];
  namedFirms: NamedFirmRow[];
  projects: ProjectDetail[];
}

/** Everything but the project list: small enough to hold in memory and answer from. */
export type Figures = Omit<Dataset, 'projects'>;

function sectorRows(): SectorFigureRow[] {
  const rows: SectorFigureRow[] = [];
  for (const { id: period } of meta.periods) {
    for (const { id: sector } of meta.sectors) {
      const figures = sectorFigures[period]?.[sector];
      if (figures) rows.push({ sector, period, ...figures, series: null });
    }
  }
  return rows;
}

/** The first data version of the default dataset: the 2023 mid-year report's figures and the projects it names. */
export const reportDataset: Dataset = {
  meta,
  kpis: kpiDefinitions,
  sectorFigures: sectorRows(),
  namedFirms: [
    ...meta.sectors.flatMap(({ id }) => (namedFirms[id] ?? []).map((firm) => ({ ...firm, sector: id }))),
    ...otherFirms.map((firm) => ({ ...firm, sector: null })),
  ],
  projects: reportProjects,
};
