import type { AnnualProgress } from '../../../domain/briefingSections';
import type { KpiPace } from '../../../domain/pace';
import { formatMeasure, formatPoints, formatShare } from '../../../lib/format';
import { isPresent } from '../writer';
import type { BriefingWriter, Figure, Paragraph } from '../writer';

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

/**
 * How far each figure has come towards its annual target, worded as the rule says
 * (`annualProgress`): the target reached, a reckoning by 序时进度, or only how far; one sentence.
 */
export function progressParagraph(progress: readonly AnnualProgress[], w: BriefingWriter): Paragraph | null {
  const clauses = progress.map(({ pace, wording }) => {
    const figures = paceFigures(pace, w);
    const name = w.label(pace.kpi);
    const vars = { label: name, target: w.figure(pace.target.value, name), progress: figures.progress };
    switch (wording.kind) {
      case 'targetReached':
        return w.sentence('pace.item', { ...vars, verdict: w.t(`pace.${wording.reached}`) });
      case 'reckoned':
        return w.sentence('pace.reckoned', {
          ...vars,
          verdict:
            wording.verdict === 'onSchedule'
              ? w.t('pace.onSchedule')
              : w.sentence(`pace.${wording.verdict}`, { gap: figures.gap }),
        });
      case 'progressOnly':
        return w.sentence('progress.item', vars);
    }
  });
  return w.paragraph([w.list(clauses.filter(isPresent), 'join')]);
}
