/**
 * What the wall screen says of the project list's totals (src/api/wallProjects.ts): what they
 * count, and whether any of it is illustrative.
 */
import { fieldProvenanceOf } from '../../api/projects';
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
