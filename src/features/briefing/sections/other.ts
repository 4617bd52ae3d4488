import type { Kpi } from '../../../api/kpis';
import type { AnnualProgress } from '../../../domain/briefingSections';
import type { BriefingWriter, Paragraph } from '../writer';
import { progressParagraph } from './progress';

export interface OtherFigures {
  /** District-wide indicators no other section writes (those an office added to its catalog), in the catalog's order. */
  items: readonly Kpi[];
  /** Their progress towards their annual targets, where they have one. */
  progress: readonly AnnualProgress[];
}

/**
 * 其他指标: any indicator the other sections do not name, in one form — its value for the period
 * and its change on a year earlier where given, then how far it has come towards its annual target
 * (with 序时进度 where that is the verdict), as the other sections word it.
 */
export function otherSection({ items, progress }: OtherFigures, w: BriefingWriter): (Paragraph | null)[] {
  return items.flatMap((k) => {
    const label = w.label(k);
    const own = progress.filter((p) => p.pace.kpi.id === k.id);
    return [
      w.paragraph([
        k.yoy
          ? w.figureSentence('other.valueYoy', k, k.value, {
              period: w.opener,
              label,
              dir: w.direction(k.yoy),
              yoy: w.change(k.yoy, label),
            })
          : w.figureSentence('other.value', k, k.value, { period: w.opener, label }),
      ]),
      own.length > 0 ? progressParagraph(own, w) : null,
    ];
  });
}
