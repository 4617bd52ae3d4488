import type { Kpi } from '../../../api/kpis';
import type { PeriodId } from '../../../api/common';
import { furthestBehindFirst } from '../../../domain/briefing';
import { formatPoints } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { cumulativePaces } from '../../../domain/pace';
import { useLocale, useT } from '../../../stores/prefs';
import { kpiMessages } from '../messages';
import { kpiTileId } from './KpiTile';

/**
 * One line above the tiles naming the figures behind schedule (序时进度), the furthest behind
 * first, each a link to its tile: the same list the briefing opens with.
 */
export function BehindScheduleNotice({ items, period }: { items: readonly Kpi[]; period: PeriodId }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const behind = furthestBehindFirst(cumulativePaces(items, period));
  if (behind.length === 0) return null;
  return (
    <p className="overview__behind" role="note" aria-label={t('behind.label')}>
      <span className="overview__behind-label">{t('behind.label')}</span>
      {behind.map(({ kpi, gapPoints }, i) => (
        <span key={kpi.id}>
          {i > 0 && t('behind.join')}
          <a
            href={`#${kpiTileId(kpi.id)}`}
            onClick={(e) => {
              const tile = document.getElementById(kpiTileId(kpi.id));
              if (!tile) return;
              e.preventDefault();
              tile.scrollIntoView({ block: 'center' });
              tile.focus({ preventScroll: true });
            }}
          >
            {t('behind.item', { label: localized(kpi.label, locale), gap: formatPoints(Math.abs(gapPoints), locale) })}
          </a>
        </span>
      ))}
    </p>
  );
}
