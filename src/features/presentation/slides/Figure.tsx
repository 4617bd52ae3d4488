import type { Measure } from '../../../api/common';
import { formatMeasureParts } from '../../../lib/format';
import type { TextPart } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { useFitText } from '../hooks/useFitText';

/** A large figure may shrink this far to keep its number and unit on one line. */
const FIGURE_FIT_MIN = 0.4;

/**
 * Number and unit parts on one line, the number large and the unit smaller, shrunk to fit the
 * width of its box rather than wrapping (a wall read from across the room must never show "117"
 * on one line and "个" on the next).
 */
export function FigureParts({ parts }: { parts: readonly TextPart[] }) {
  const ref = useFitText<HTMLSpanElement>(parts.map((p) => p.text).join(''), FIGURE_FIT_MIN);
  return (
    <span className="wall-figure" ref={ref}>
      {parts.map((part, i) => (
        <span key={i} className={part.kind === 'number' ? 'wall-figure__number' : 'wall-figure__unit'}>
          {part.text}
        </span>
      ))}
    </span>
  );
}

/** A figure with its number large and its unit smaller: 139.73亿元, ¥13.973B. */
export function Figure({ measure, locale, signed = false }: { measure: Measure; locale: Locale; signed?: boolean }) {
  return <FigureParts parts={formatMeasureParts(measure, locale, { signed })} />;
}
