import { fieldProvenanceOf, progressOf, PROJECT_FIELDS } from '../../api/projects';
import type { Project } from '../../api/projects';
import { toCsv } from '../../shared/csv';
import type { Translate } from '../../lib/i18n';
import type { Labels } from './labels';
import type { ProjectMessageKey } from './messages';

const CSV_COLUMNS = [
  'id',
  'name',
  'description',
  'sector',
  'type',
  'stage',
  'level',
  'period',
  'planned',
  'completed',
  'progress',
  'total',
  'start',
  'expectedCompletion',
  'lastUpdate',
  'provenance',
  'source',
  'assumed',
] as const;

/** The filtered projects as CSV: headers and labels in the UI language, money in yuan. */
export function projectsCsv(
  projects: readonly Project[],
  t: Translate<ProjectMessageKey>,
  labels: Labels,
  note: string | null = null,
): string {
  const headers = CSV_COLUMNS.map((c) => t(`csv.${c}`));
  const rows = projects.map((p) => {
    const progress = progressOf(p);
    return [
      p.id,
      p.name,
      p.description,
      p.sector ? labels.sector(p.sector) : '',
      labels.type(p.type),
      labels.stage(p.stage),
      p.level ? labels.level(p.level) : '',
      p.investmentPeriod,
      p.planned?.value ?? null,
      p.completed?.value ?? null,
      progress === null ? null : Math.round(progress * 1000) / 10,
      p.totalInvestment?.value ?? null,
      p.start,
      p.expectedCompletion,
      p.lastUpdate,
      t(`csv.kind.${p.provenance.kind}`),
      p.provenance.source ?? '',
      p.provenance.kind === 'illustrative'
        ? ''
        : PROJECT_FIELDS.filter((f) => fieldProvenanceOf(p, f).kind === 'illustrative')
            .map((f) => (f === 'description' ? t('csv.description') : t(`col.${f}`)))
            .join(t('csv.assumedSep')),
    ];
  });
  return toCsv(headers, rows, note);
}
