import type { BehindItem } from '../../../domain/pace';
import type { BriefingWriter, Paragraph } from '../writer';
import { paceFigures, reckonedList } from './progress';
import type { ListedClause } from './progress';

/**
 * 进度滞后的指标, the box that opens the draft: each figure behind schedule by the best measure the
 * data has (`behindSchedule`, the furthest behind first): its reported period target missed, or,
 * without one, its share of the annual target behind 序时进度, as a reckoning. One sentence; none
 * when nothing is behind.
 */
export function behindSection(behind: readonly BehindItem[], w: BriefingWriter): Paragraph[] {
  const clauses = behind.map(({ kpi, verdict }): ListedClause => {
    const name = w.label(kpi);
    if (verdict.kind === 'periodTargetMissed' && verdict.completion) {
      const completion = w.figure(verdict.completion, name);
      return { clause: w.sentence('behind.periodTarget', { label: name, completion }), reckoned: false };
    }
    const pace = verdict.pace ? w.sentence('behind.pace', { label: name, ...paceFigures(verdict.pace, w) }) : null;
    return { clause: pace, reckoned: true };
  });
  const paragraph = w.paragraph([reckonedList(clauses, w)]);
  return paragraph ? [paragraph] : [];
}
