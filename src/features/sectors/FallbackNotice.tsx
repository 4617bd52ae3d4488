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
  if (!from) {
    if (!reserve) return null;
    // Its place holds the words it would say, unseen, with this period in both places: as many
    // lines as the notice will take at this width, in this language.
    const text = formatPeriod(shown, locale);
    const vars = { from: text, shown: text, sector: sector ?? '' };
    return (
      <p className="sectors-fallback sectors-fallback--slot" aria-hidden="true">
        {t(sector ? 'fallback.sector' : 'fallback.all', vars)} <span>{t('fallback.back', vars)}</span>
      </p>
    );
  }
  const vars = { from: formatPeriod(from, locale), shown: formatPeriod(shown, locale), sector: sector ?? '' };
  return (
    <p className="sectors-fallback" role="status">
      {t(sector ? 'fallback.sector' : 'fallback.all', vars)}{' '}
      <Link to={{ search: `?${patchSearch(search, { period: from }).toString()}` }}>{t('fallback.back', vars)}</Link>
    </p>
  );
}
