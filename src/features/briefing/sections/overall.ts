import type { Kpi } from '../../../api/kpis';
import { figureWording } from '../../../domain/briefing';
import type { AnnualProgress } from '../../../domain/briefingSections';
import { isPresent } from '../writer';
import type { BriefingWriter, Paragraph } from '../writer';
import { progressParagraph } from './progress';

export interface OverallFigures {
  gdpShare: Kpi | undefined;
  outputGrowth: Kpi | undefined;
  output: Kpi | undefined;
  /** The annual targets the overview states (`districtIndustryTargets`). */
  targets: readonly Kpi[];
  /** Progress towards the annual targets of the figures outside 招商引资. */
  progress: readonly AnnualProgress[];
}

/**
 * 总体情况: industry's share of GDP and the district's output growth, the district's output, the
 * year's targets, and how far the figures have come towards theirs. A derived output or growth is
 * written in the sentence that says how it was reckoned.
 */
export function overallSection(
  { gdpShare, outputGrowth, output, targets, progress }: OverallFigures,
  w: BriefingWriter,
): (Paragraph | null)[] {
  const growth = outputGrowth?.value;
  const estimated = output?.value && figureWording(output.value.provenance) === 'estimate';
  return [
    w.paragraph([
      w.figureSentence('overall.gdpShare', gdpShare, gdpShare?.value, { period: w.opener, district: w.district }),
      growth
        ? w.sentence(
            figureWording(growth.provenance) === 'estimate' ? 'overall.outputGrowthEstimate' : 'overall.outputGrowth',
            { dir: w.direction(growth), value: w.change(growth, w.label(outputGrowth)) },
          )
        : null,
    ]),
    w.paragraph([
      w.figureSentence(estimated ? 'overall.outputEstimate' : 'overall.output', output, output?.value, {
        period: w.opener,
      }),
    ]),
    w.paragraph([
      w.sentence('overall.targets', {
        list: w.list(
          targets
            .map((k) =>
              w.sentence('overall.target', { label: w.label(k), value: w.figure(k.target?.value, w.label(k)) }),
            )
            .filter(isPresent),
        ),
      }),
    ]),
    progressParagraph(progress, w),
  ];
}
