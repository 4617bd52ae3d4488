/**
 * What the wall screen shows of the project list, however long the list is: its totals by stage,
 * what they count, and every project the report names. A few small answers of `/projects` (the
 * list's totals, from a page of one; the named projects, `provenance=reported`; how many are
 * illustrative, asked only when the list holds others), all of one data version: a wall PC never
 * parses an office's list of thousands to show the two dozen projects the report names.
 */
import * as z from 'zod/mini';
import { apiAnswer } from './client';
import type { Answer } from './client';
import type { SectorId } from './common';
import { allProjectsAnswer, ProjectPageSchema, projectKeys, ProjectSchema, StageTotalSchema } from './projects';
import type { ProjectFilter } from './projects';
import { figureQuery } from './versions';

export const WallProjectsSchema = z.object({
  /** How many projects the list holds (the screen's sector's, or the whole district's). */
  total: z.int().check(z.gte(0)),
  /** The whole list by stage. */
  stageTotals: z.array(StageTotalSchema).check(z.maxLength(10)),
  /** How many projects of the list are illustrative (a sample's). */
  illustrative: z.int().check(z.gte(0)),
  /** Every project of the list the report names, in stage order. */
  named: z.array(ProjectSchema),
});
export type WallProjects = z.infer<typeof WallProjectsSchema>;

/** The totals of the projects matching `filter`: a page of one, whose totals are of the whole filtered list. */
const totalsOf = (filter: ProjectFilter, signal?: AbortSignal) =>
  apiAnswer('/projects', ProjectPageSchema, { params: { ...filter, pageSize: 1 }, signal });

/** The answer for the list of `sector` (null: the whole district's); a version published meanwhile starts it over. */
export async function wallProjectsAnswer(sector: SectorId | null, signal?: AbortSignal): Promise<Answer<WallProjects>> {
  const filter = sector === null ? {} : { sector };
  for (;;) {
    const [list, named] = await Promise.all([
      totalsOf(filter, signal),
      allProjectsAnswer({ ...filter, provenance: 'reported', sort: 'stage' }, signal),
    ]);
    if (named.version !== list.version) continue;
    // A list of only the projects the report names has none illustrative: no need to ask.
    const others =
      list.data.total > named.data.length ? await totalsOf({ ...filter, provenance: 'illustrative' }, signal) : null;
    if (others && others.version !== list.version) continue;
    return {
      data: {
        total: list.data.total,
        stageTotals: list.data.stageTotals,
        illustrative: others?.data.total ?? 0,
        named: named.data,
      },
      version: list.version,
    };
  }
}

export const wallProjectsKeys = {
  all: [...projectKeys.all, 'wall'] as const,
  of: (sector: SectorId | null) => [...wallProjectsKeys.all, { sector }] as const,
};

export const wallProjectsOptions = (sector: SectorId | null) =>
  figureQuery(wallProjectsKeys.of(sector), (signal) => wallProjectsAnswer(sector, signal));
