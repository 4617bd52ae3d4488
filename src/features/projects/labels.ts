import type { LevelId, ProjectTypeId, SectorId, StageId } from '../../api/common';
import type { Project } from '../../api/projects';
import { formatMeasure, formatMoney } from '../../lib/format';
import type { Locale, Translate } from '../../lib/i18n';
import type { ProjectLabelKey } from '../../lib/projectLabelMessages';
import type { ProjectMessageKey } from './messages';

/** Words for the contract's identifiers, in the UI language (`names`: the shared project labels). */
export function labelsFor(t: Translate<ProjectMessageKey>, names: Translate<ProjectLabelKey>) {
  return {
    stage: (id: StageId) => names(`stage.${id}`),
    level: (id: LevelId) => names(`level.${id}`),
    type: (id: ProjectTypeId) => names(`type.${id}`),
    sector: (id: SectorId | null) => (id ? t(`sector.${id}`) : t('sector.none')),
  };
}
export type Labels = ReturnType<typeof labelsFor>;

/** Completed as a share of planned investment; null when nothing was planned for the period. */
export const progressOf = (p: Pick<Project, 'planned' | 'completed'>): number | null =>
  p.planned.value > 0 ? p.completed.value / p.planned.value : null;

export const ratioOf = (completed: number, planned: number): number | null =>
  planned > 0 ? completed / planned : null;

/**
 * Money in yuan to 0.01亿 (≥ 1亿) or 1万 precision in both languages: zh-CN 139.73亿元 and en
 * ¥13.973B carry the same information (formatMoney's two decimals would print ¥13.97B).
 */
export function formatYuan(yuan: number, locale: Locale): string {
  const step = Math.abs(yuan) >= 1e8 ? 1e6 : 1e4;
  const units = Math.round(Math.abs(yuan) / step);
  if (units === 0) return formatMoney(yuan, locale);
  return formatMeasure(
    { value: yuan, unit: 'cny', digits: Math.min(15, String(units).length), provenance: { kind: 'illustrative' } },
    locale,
  );
}
