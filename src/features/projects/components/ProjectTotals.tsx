import type { Provenance } from '../../../api/common';
import type { ProjectPage } from '../../../api/projects';
import { ProvenanceBadge } from '../../../components/ProvenanceBadge';
import { formatCount, formatMoney, formatShare } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { ratioOf } from '../labels';
import { projectMessages } from '../messages';

interface ProjectTotalsProps {
  totals: ProjectPage['totals'];
  /** Where the figures come from: the report for the unfiltered list, else a sum. */
  /** Null until it is known whether the source states these totals. */
  provenance: Provenance | null;
}

/** Count, planned and completed investment and % of plan for the whole filtered set. */
export function ProjectTotals({ totals, provenance }: ProjectTotalsProps) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const share = ratioOf(totals.completed, totals.planned);
  const items = [
    { key: 'count', label: t('totals.count'), value: formatCount(totals.count, locale) },
    { key: 'planned', label: t('totals.planned'), value: formatMoney(totals.planned, locale, { exact: true }) },
    { key: 'completed', label: t('totals.completed'), value: formatMoney(totals.completed, locale, { exact: true }) },
    {
      key: 'share',
      label: t('totals.share'),
      value: share === null ? t('progress.none') : formatShare(share, locale),
    },
  ];
  return (
    <section className="totals" aria-label={t('totals.title')}>
      <dl className="totals__list">
        {items.map((i) => (
          <div key={i.key} className="totals__item">
            <dt>{i.label}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
      {provenance && <ProvenanceBadge provenance={provenance} />}
    </section>
  );
}
