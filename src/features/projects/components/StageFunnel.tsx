import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { StageId } from '../../../api/common';
import { metaOptions } from '../../../api/meta';
import type { StageTotal } from '../../../api/projects';
import { ProvenanceBadge } from '../../../components/ProvenanceBadge';
import { columnUnit } from '../../../lib/columnUnit';
import { formatCount } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { useProjectLabels } from '../labels';
import { projectMessages } from '../messages';
import { SLOT, withFigure } from './projectCells';

const ILLUSTRATIVE = { kind: 'illustrative' } as const;

interface StageFunnelProps {
  totals: readonly StageTotal[];
  active: StageId | undefined;
  onSelect: (stage: StageId | null) => void;
}

/**
 * The pipeline 在谈 → 签约 → 前期 → 在建 → 建成 for the current filters (other than the stage):
 * each step is a toggle button that filters the table to its stage.
 */
export function StageFunnel({ totals, active, onSelect }: StageFunnelProps) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const labels = useProjectLabels();
  const hintId = useId();
  const max = Math.max(1, ...totals.map((s) => s.count));
  const sample = useQuery({ ...metaOptions(), select: (m) => m.sample }).data ?? false;
  // The stages' amounts in one unit, so that they compare along the pipeline.
  const money = columnUnit(
    totals.flatMap((s) => (s.withMoney > 0 ? [s.planned, s.completed] : [])),
    locale,
  );
  return (
    <section className="funnel" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`} className="funnel__title">
        {t('funnel.title')}
      </h2>
      <p id={hintId} className="funnel__hint">
        {t('funnel.hint')}
      </p>
      {/* In the sample, only the stages of the projects the report names are real; the counts include the made-up rest. */}
      {sample && (
        <p className="funnel__hint">
          <ProvenanceBadge provenance={ILLUSTRATIVE} compact /> {t('funnel.illustrative')}
        </p>
      )}
      <ol className="funnel__steps">
        {totals.map((s) => {
          const planned = money.amount({ value: s.planned });
          const completed = money.amount({ value: s.completed });
          const n = formatCount(s.count, locale);
          return (
            <li key={s.stage} className="funnel__step">
              <button
                type="button"
                className="funnel__button"
                aria-pressed={active === s.stage}
                aria-describedby={hintId}
                onClick={() => onSelect(active === s.stage ? null : s.stage)}
              >
                {/* The name is what the button shows (label in name); the spaces only separate its words. */}
                <span className="funnel__stage">{labels.stage(s.stage)}</span>{' '}
                <span className="funnel__count">{t('funnel.count', { n })}</span>{' '}
                <span className="funnel__bar" aria-hidden="true">
                  <span style={{ width: `${(s.count / max) * 100}%` }} />
                </span>
                {/* Money only where the projects of the stage have it: no sums of nothing. */}
                {s.withMoney > 0 && (
                  <>
                    <span className="funnel__money">{withFigure(t('funnel.planned', { v: SLOT }), planned)}</span>{' '}
                    <span className="funnel__money">{withFigure(t('funnel.completed', { v: SLOT }), completed)}</span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
