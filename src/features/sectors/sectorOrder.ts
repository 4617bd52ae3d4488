import type { SectorGroup } from '../../api/meta';

export const GROUPS: readonly SectorGroup[] = ['leading', 'multipoint'];

/** Leading industries first, then the "many points", each in the API's order. */
export function orderSectors<Sector extends { group: SectorGroup }>(items: readonly Sector[]): Sector[] {
  return GROUPS.flatMap((g) => items.filter((s) => s.group === g));
}
