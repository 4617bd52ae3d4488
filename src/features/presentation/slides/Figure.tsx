import type { Measure } from '../../../api/common';
import { formatMeasureParts } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';

/** A figure with its number large and its unit smaller: 139.73亿元, ¥13.973B. */
export function Figure({ measure, locale, signed = false }: { measure: Measure; locale: Locale; signed?: boolean }) {
  return (
    <span className="wall-figure">
      {formatMeasureParts(measure, locale, { signed }).map((part, i) => (
        <span key={i} className={part.kind === 'number' ? 'wall-figure__number' : 'wall-figure__unit'}>
          {part.text}
        </span>
      ))}
    </span>
  );
}
