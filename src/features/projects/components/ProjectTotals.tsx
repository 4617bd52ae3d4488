import type { Provenance } from '../../../api/common';
import type { ReportedProjectTotals } from '../../../api/meta';
import type { ProjectPage } from '../../../api/projects';
import { ProvenanceBadge } from '../../../components/ProvenanceBadge';
import { columnUnit } from '../../../lib/columnUnit';
import { formatCount, formatShare } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { ratioOf } from '../labels';
import { projectMessages } from '../messages';

interface ProjectTotalsProps {
  totals: ProjectPage['totals'];
  /** Where the figures come from: the report for the unfiltered list, else a sum. */
  /** Null until it is known whether the source states these totals. */
  provenance: Provenance | null;
  /** The totals the source states for the whole set (the 198 key projects), shown when the listed projects have no money. */
  stated?: ReportedProjectTotals | null;
  /**
   * The listed projects are the report's and say only what it says (`fromReportAlone`): a list
   * with no money is then the report's, which gives none per project; an office's is one whose
   * amounts were not filled in.
   */
  fromReport?: boolean;
}

/**
 * Count, planned and completed investment and % of plan for the whole filtered set. Money is
 * summed over the projects whose money is given, and says so when that is not all of them; a
 * list with none (the report names projects but gives no money per project) shows the totals
 * the source states for the whole set instead of sums of nothing.
 */
export function ProjectTotals({ totals, provenance, stated = null, fromReport = true }: ProjectTotalsProps) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const share = ratioOf(totals.completed, totals.planned);
  const count = { key: 'count', label: t('totals.count'), value: formatCount(totals.count, locale) };
  // Planned and completed side by side, in one unit.
  const money = columnUnit([totals.planned, totals.completed], locale);
  const items =
    totals.withMoney > 0 || totals.count === 0
      ? [
          count,
          { key: 'planned', label: t('totals.planned'), value: money.amount({ value: totals.planned }) },
          { key: 'completed', label: t('totals.completed'), value: money.amount({ value: totals.completed }) },
          {
            key: 'share',
            label: t('totals.share'),
            value: share === null ? t('progress.none') : formatShare(share, locale),
          },
        ]
      : [
          count,
          // The report's totals stand for a list with no money only where the list is the report's.
          ...(stated && fromReport
            ? [
                { key: 'statedCount', label: t('totals.statedCount'), value: formatCount(stated.count, locale) },
                {
                  key: 'statedCompleted',
                  label: t('totals.completed'),
                  value: columnUnit([stated.completed], locale).amount({ value: stated.completed }),
                },
              ]
            : []),
        ];
  const partial = totals.withMoney > 0 && totals.withMoney < totals.count;
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
      {totals.withMoney === 0 && totals.count > 0 ? (
        fromReport ? (
          <p className="totals__note">
            {t('totals.noMoney')}{' '}
            {stated && <ProvenanceBadge provenance={{ kind: 'reported', source: stated.source }} />}
          </p>
        ) : (
          <p className="totals__note">{t('totals.noMoneyGiven')}</p>
        )
      ) : (
        <>
          {partial && (
            <p className="totals__note">
              {t('totals.partial', {
                n: formatCount(totals.withMoney, locale),
                total: formatCount(totals.count, locale),
              })}
            </p>
          )}
          {provenance && <ProvenanceBadge provenance={provenance} />}
        </>
      )}
    </section>
  );
}
