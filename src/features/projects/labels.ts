import { useMemo } from 'react';
import type { LevelId, ProjectTypeId, SectorId, StageId } from '../../api/common';
import type { Project } from '../../api/projects';
import type { Translate } from '../../lib/i18n';
import { projectLabelMessages } from '../../lib/projectLabelMessages';
import type { ProjectLabelKey } from '../../lib/projectLabelMessages';
import { useT } from '../../stores/prefs';
import { projectMessages } from './messages';
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

/** labelsFor in the current UI language, the same object until the language changes. */
export function useProjectLabels(): Labels {
  const t = useT(projectMessages);
  const names = useT(projectLabelMessages);
  return useMemo(() => labelsFor(t, names), [t, names]);
}

/** Completed as a share of planned investment; null when nothing was planned for the period. */
export const progressOf = (p: Pick<Project, 'planned' | 'completed'>): number | null =>
  p.planned.value > 0 ? p.completed.value / p.planned.value : null;

export const ratioOf = (completed: number, planned: number): number | null =>
  planned > 0 ? completed / planned : null;
