import type { AnnualProgress } from '../../../domain/briefingSections';
import type { KpiPace } from '../../../domain/pace';
import { formatMeasure, formatPoints, formatShare } from '../../../lib/format';
import { isPresent } from '../writer';
import type { BriefingWriter, Figure, Paragraph, Segment } from '../writer';

/**
 * A figure's share of its annual target reached and its gap to the calendar (序时进度), as figures
 * the briefing reckons, each with the sum it comes from.
 */
export function paceFigures(pace: KpiPace, w: BriefingWriter): { progress: Figure; gap: Figure } {
  const name = w.label(pace.kpi);
  const share = (x: number) => formatShare(x, w.locale);
  return {
    progress: w.derived(
      share(pace.progress),
      name,
      `${formatMeasure(pace.value, w.locale)} ÷ ${formatMeasure(pace.target.value, w.locale)}`,
    ),
    gap: w.derived(
      w.t('gap.points', { n: formatPoints(Math.abs(pace.gapPoints), w.locale) }),
      name,
      `${share(pace.progress)} − ${share(pace.elapsed)}`,
    ),
  };
}

/** A clause of a list, and whether it is a reckoning by 序时进度. */
export interface ListedClause {
  clause: Segment[] | null;
  reckoned: boolean;
}

/**
 * The clauses of one list, joined with semicolons, each run of reckonings said to be one once,
 * before its first clause: 按全年目标的序时进度测算，A…；B…, not the same words before each.
 */
export function reckonedList(items: readonly ListedClause[], w: BriefingWriter): Segment[] | null {
  const present = items.filter((item): item is ListedClause & { clause: Segment[] } => isPresent(item.clause));
  const clauses = present.map(({ clause, reckoned }, i) =>
    reckoned && !present[i - 1]?.reckoned ? (w.sentence('reckoning', { clause }) ?? clause) : clause,
  );
  return w.list(clauses, 'join');
}

/**
 * How far each figure has come towards its annual target, worded as the rule says
 * (`annualProgress`): the target reached, a reckoning by 序时进度, or only how far; one sentence.
 */
export function progressParagraph(progress: readonly AnnualProgress[], w: BriefingWriter): Paragraph | null {
  const clauses = progress.map(({ pace, wording }): ListedClause => {
    const figures = paceFigures(pace, w);
    const name = w.label(pace.kpi);
    const vars = { label: name, target: w.figure(pace.target.value, name), progress: figures.progress };
    switch (wording.kind) {
      case 'targetReached':
        return {
          clause: w.sentence('pace.item', { ...vars, verdict: w.t(`pace.${wording.reached}`) }),
          reckoned: false,
        };
      case 'reckoned': {
        const verdict =
          wording.verdict === 'onSchedule'
            ? w.t('pace.onSchedule')
            : w.sentence(`pace.${wording.verdict}`, { gap: figures.gap });
        return { clause: w.sentence('pace.item', { ...vars, verdict }), reckoned: true };
      }
      case 'progressOnly':
        return { clause: w.sentence('progress.item', vars), reckoned: false };
    }
  });
  return w.paragraph([reckonedList(clauses, w)]);
}
