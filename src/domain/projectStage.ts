import type { PeriodId, StageId } from '../api/common';
import type { Project } from '../api/projects';
import { periodEndDate } from './periods';

const STARTED: ReadonlySet<StageId> = new Set(['construction', 'completed']);

/** A stage, or `notStarted`: the project's start shows it had not broken ground by then. */
export type StageAtEnd = StageId | 'notStarted';

/**
 * A project's stage at the end of a period, or null where the data cannot say. A stage is known as
 * of the project's last update (the report's date, 26 August 2023), for the year's work up to that
 * day (the report states its projects' stages of 今年以来): a period of that year ending on or
 * before it has that stage, unless the project's start shows it had not broken ground by the
 * period's end. The hospital of L12 broke ground on 26 August 2023, so at the end of 2023H1 it was
 * not 在建 but `notStarted`: what it was then (前期 or earlier) the report does not say, so no stage
 * is guessed. A later period (the stage may have moved on) or an earlier year is null too. A start
 * known only as "on or shortly before" a date proves nothing either way.
 */
export function stageAtPeriodEnd(
  project: Pick<Project, 'stage' | 'start' | 'datePrecision' | 'lastUpdate'>,
  period: PeriodId,
): StageAtEnd | null {
  const end = periodEndDate(period);
  if (end === null || end > project.lastUpdate || end.slice(0, 4) !== project.lastUpdate.slice(0, 4)) return null;
  if (!STARTED.has(project.stage) || project.start === null) return project.stage;
  // A date known to the month or year is stored as its first day: the earliest it can be.
  const startsAfterEnd = project.datePrecision?.start !== 'before' && project.start > end;
  return startsAfterEnd ? 'notStarted' : project.stage;
}
