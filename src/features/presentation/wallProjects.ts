/**
 * What the wall screen says of the project list's totals (src/api/wallProjects.ts): what they
 * count, whether any of it is illustrative, and whether their amounts add up to the report's.
 */
import type { Kpi } from '../../api/kpis';
import { fieldProvenanceOf } from '../../api/projects';
import type { StageTotal } from '../../api/projects';
import type { WallProjects } from '../../api/wallProjects';

/**
 * What the stage totals count: `illustrative` projects among others, only the projects the report
 * `named`, or the office's own `list`.
 */
export type Counted = 'illustrative' | 'named' | 'list';

export const countedOf = ({ illustrative, named, total }: WallProjects): Counted =>
  illustrative > 0 ? 'illustrative' : named.length === total ? 'named' : 'list';

/** Some of the projects counted are illustrative, or the stage of some named one is. */
export const illustrativeStages = ({ illustrative, named }: WallProjects): boolean =>
  illustrative > 0 || named.some((p) => fieldProvenanceOf(p, 'stage').kind === 'illustrative');

/**
 * The stages' completed investment adds up to the reported figure for key projects, to the
 * 0.01亿元 it is given in: the sample's amounts do, a longer list's or one sector's do not.
 */
export function addsUpToReported(stageTotals: readonly StageTotal[], keyProjects: Kpi | null): boolean {
  if (keyProjects?.value?.unit !== 'cny') return false;
  const completed = stageTotals.reduce((sum, s) => sum + s.completed, 0);
  return Math.round(completed / 1e6) === Math.round(keyProjects.value.value / 1e6);
}
