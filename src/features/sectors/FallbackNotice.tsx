import { Link, useSearchParams } from 'react-router';
import type { PeriodId } from '../../api/common';
import { formatPeriod } from '../../lib/format';
import { patchSearch } from '../../lib/search';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';

/**
 * One line saying that the page shows another period than the reader had, because theirs has no
 * figures, and a link back to it (which then shows it as asked, empty).
 */
export function FallbackNotice({
  from,
  shown,
  sector,
  reserve = false,
}: {
  from: PeriodId | null;
  shown: PeriodId;
  sector?: string;
  /** No notice (yet), but its place is kept: the page may move to another period. */
  reserve?: boolean;
}) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  if (!from && !reserve) return null;
  // Before the page knows whether it moves, the notice's place holds its words unseen, with this
  // period in both places: as many lines as the notice will take at this width, in this language.
  const vars = { from: formatPeriod(from ?? shown, locale), shown: formatPeriod(shown, locale), sector: sector ?? '' };
  const text = t(sector ? 'fallback.sector' : 'fallback.all', vars);
  if (!from) {
    return (
      <p className="sectors-fallback sectors-fallback--slot" aria-hidden="true">
        {text} <span>{t('fallback.back', vars)}</span>
      </p>
    );
  }
  return (
    <p className="sectors-fallback" role="status">
      {text}{' '}
      <Link to={{ search: `?${patchSearch(search, { period: from }).toString()}` }}>{t('fallback.back', vars)}</Link>
    </p>
  );
}
