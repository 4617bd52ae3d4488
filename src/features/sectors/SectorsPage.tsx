import { useQuery } from '@tanstack/react-query';
import { sectorListOptions } from '../../api/sectors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useFilters } from '../../stores/filters';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';

export default function SectorsPage() {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const period = useFilters((s) => s.period);
  const sectors = useQuery(sectorListOptions(period));
  return (
    <div className="page">
      <h1>{t('page.title')}</h1>
      {sectors.isError && (
        <ErrorPanel what={t('what.sectors')} error={sectors.error} onRetry={() => void sectors.refetch()} />
      )}
      <ul>
        {sectors.data?.items.map((s) => (
          <li key={s.id}>
            {localized(s.label, locale)}: {s.output ? formatMeasure(s.output, locale) : t('notReported')}
          </li>
        ))}
      </ul>
    </div>
  );
}
