import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { TextWithFigures } from '../../../components/FigureText';
import { scheduleMessages } from '../../../components/scheduleMessages';
import { behindSchedule } from '../../../domain/pace';
import { formatMeasure, formatPoints } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { useLocale, useT } from '../../../stores/prefs';
import { kpiTileId } from './KpiTile';

/**
 * A note above the tiles naming what is behind schedule by the best measure the data has, the
 * furthest behind first, each a link to its tile: the same list the briefing opens with. A figure
 * whose task reports its period target met (L52: 156 %) is not behind, whatever its share of the
 * annual target; linear 序时进度 speaks only for figures without a reported period verdict, each
 * item saying which it is, in the tiles' words (慢于序时进度…个百分点), not the same sentence
 * before each of a dozen.
 */
export function BehindScheduleNotice({
  items,
}: {
  items: readonly Kpi[];
  /** Not needed: each figure carries its period. */ period?: PeriodId;
}) {
  const t = useT(scheduleMessages);
  const locale = useLocale();
  const behind = behindSchedule(items);
  if (behind.length === 0) return null;
  return (
    <p className="overview__behind" role="note" aria-label={t('schedule.behind')}>
      <span className="overview__behind-label">{t('schedule.behind')}</span>
      {behind.map(({ kpi, verdict, gapPoints }, i) => (
        <span key={kpi.id}>
          {i > 0 && t('schedule.behind.join')}
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
            <TextWithFigures
              text={
                verdict.kind === 'periodTargetMissed' && verdict.completion
                  ? t('schedule.behind.periodTarget', {
                      label: localized(kpi.label, locale),
                      completion: formatMeasure(verdict.completion, locale),
                    })
                  : t('schedule.behind.pace', {
                      label: localized(kpi.label, locale),
                      gap: formatPoints(Math.abs(gapPoints), locale),
                    })
              }
            />
          </a>
        </span>
      ))}
    </p>
  );
}
