import type { Kpi } from '../../../api/kpis';
import { planVerdict, standingOf } from '../../../domain/briefing';
import { comparisonOf } from '../../../domain/briefingSections';
import type { AnnualProgress } from '../../../domain/briefingSections';
import type { BriefingWriter, Paragraph } from '../writer';
import { progressParagraph } from './progress';

export interface AttractionFigures {
  signed: Kpi | undefined;
  arrived: Kpi | undefined;
  /** The task's reported completion of the period's target (L52's 156 %). */
  completion: Kpi | undefined;
  startRate: Kpi | undefined;
  /** Progress towards the annual targets of 招商引资's figures. */
  progress: readonly AnnualProgress[];
}

/**
 * 招商引资: investment signed and arrived, the task's verdict on its period target, the start rate
 * against the city average; then how far the year's targets are reached.
 */
export function attractionSection(
  { signed, arrived, completion, startRate, progress }: AttractionFigures,
  w: BriefingWriter,
): (Paragraph | null)[] {
  const difference = comparisonOf(startRate, 'cityAverage')?.difference;
  const standing = difference ? standingOf(difference.value) : null;
  return [
    w.paragraph([
      w.figureSentence('attraction.signed', signed, signed?.value, { period: w.opener }),
      arrived?.value && arrived.yoy
        ? w.figureSentence('attraction.arrived', arrived, arrived.value, {
            dir: w.direction(arrived.yoy),
            yoy: w.change(arrived.yoy, w.label(arrived)),
          })
        : w.figureSentence('attraction.arrivedNoYoy', arrived, arrived?.value),
      completion?.value
        ? w.figureSentence(`attraction.completion.${planVerdict(completion.value.value)}`, completion, completion.value)
        : null,
      standing === 'above' || standing === 'below'
        ? w.figureSentence('attraction.startRate', startRate, startRate?.value, {
            standing: w.t(`standing.${standing}`),
            difference: w.figure(difference, w.label(startRate), { abs: true }),
          })
        : w.figureSentence(
            standing ? 'attraction.startRateLevel' : 'attraction.startRateOnly',
            startRate,
            startRate?.value,
          ),
    ]),
    progressParagraph(progress, w),
  ];
}
