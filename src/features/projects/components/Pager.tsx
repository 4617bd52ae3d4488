import { useId } from 'react';
import { formatCount } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { projectMessages } from '../messages';
import { PAGE_SIZES } from '../params';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

export function Pager({ page, pageSize, total, onPage, onPageSize }: PagerProps) {
  const t = useT(projectMessages);
  const locale = useLocale();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.prev')}
      </button>
      <span className="pager__status" aria-live="polite">
        {t('pager.status', {
          page: formatCount(page, locale),
          pages: formatCount(pages, locale),
          from: formatCount(from, locale),
          to: formatCount(to, locale),
          total: formatCount(total, locale),
        })}
      </span>
      <button type="button" className="button button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </button>
      <label htmlFor={sizeId} className="pager__size">
        {t('pager.size')}
      </label>
      <select id={sizeId} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {formatCount(n, locale)}
          </option>
        ))}
      </select>
    </nav>
  );
}
