import type { SectorGroup } from '../../api/meta';

export const GROUPS: readonly SectorGroup[] = ['leading', 'multipoint'];

/** Leading industries first, then diversified growth (多点发展), each in the API's order. */
export function orderSectors<Sector extends { group: SectorGroup }>(items: readonly Sector[]): Sector[] {
  return GROUPS.flatMap((g) => items.filter((s) => s.group === g));
}
