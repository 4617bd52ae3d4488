import type { ReactNode } from 'react';
import type { Measure } from '../api/common';
import { formatMeasureParts, splitFigures } from '../lib/format';
import { useLocale } from '../stores/prefs';

/**
 * A measure as its number and unit, on one line whatever the width (.figure in styles.css):
 * 180亿元, 8.71万户, ¥18.0B, 87,100 entities. `before` goes inside with it (a change's ▲ / ▼).
 * With `parts`, the number and the unit are spans of their own (.figure__number, .figure__unit),
 * for a page that sets the unit smaller.
 */
export function MeasureText({
  measure,
  signed = false,
  parts = false,
  before,
  className,
}: {
  measure: Measure;
  signed?: boolean;
  parts?: boolean;
  before?: ReactNode;
  className?: string;
}) {
  const locale = useLocale();
  const text = formatMeasureParts(measure, locale, { signed });
  return (
    <span className={className ? `figure ${className}` : 'figure'}>
      {before}
      {parts
        ? text.map((part, i) => (
            <span key={i} className={`figure__${part.kind}`}>
              {part.text}
            </span>
          ))
        : text.map((part) => part.text).join('')}
    </span>
  );
}

/**
 * A text whose figures each stay on one line (慢于序时进度 4.6 个百分点, 2023年全年目标：400亿元),
 * for sentences written around formatted numbers; the words between them wrap as usual.
 */
export function TextWithFigures({ text }: { text: string }) {
  return splitFigures(text).map((part, i) =>
    part.figure ? (
      <span key={i} className="figure">
        {part.text}
      </span>
    ) : (
      part.text
    ),
  );
}
