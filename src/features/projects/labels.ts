import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LevelId, ProjectTypeId, SectorId, StageId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import type { SectorInfo } from '../../api/meta';
import type { Locale, Translate } from '../../lib/i18n';
import { projectLabelMessages } from '../../lib/projectLabelMessages';
import type { ProjectLabelKey } from '../../lib/projectLabelMessages';
import { useLocale, useT } from '../../stores/prefs';
import { projectMessages } from './messages';
import type { ProjectMessageKey } from './messages';

/**
 * Words for the contract's identifiers, in the UI language (`names`: the shared project labels).
 * Sectors are named as /meta names them everywhere else in the app; the catalog's names (the same
 * words) only stand in until /meta has arrived.
 */
export function labelsFor(
  t: Translate<ProjectMessageKey>,
  names: Translate<ProjectLabelKey>,
  sectors?: readonly SectorInfo[],
  locale?: Locale,
) {
  const sectorName = (id: SectorId) => {
    const info = sectors?.find((s) => s.id === id);
    return info && locale ? info.label[locale] : t(`sector.${id}` as ProjectMessageKey);
  };
  return {
    stage: (id: StageId) => names(`stage.${id}`),
    level: (id: LevelId | null) => (id ? names(`level.${id}`) : t('level.none')),
    type: (id: ProjectTypeId) => names(`type.${id}`),
    sector: (id: SectorId | null) => (id ? sectorName(id) : t('sector.none')),
  };
}
export type Labels = ReturnType<typeof labelsFor>;

/** labelsFor in the current UI language, the same object until the language changes. */
export function useProjectLabels(): Labels {
  const t = useT(projectMessages);
  const names = useT(projectLabelMessages);
  const locale = useLocale();
  const sectors = useQuery(metaOptions()).data?.sectors;
  return useMemo(() => labelsFor(t, names, sectors, locale), [t, names, sectors, locale]);
}

export const ratioOf = (completed: number, planned: number): number | null =>
  planned > 0 ? completed / planned : null;
