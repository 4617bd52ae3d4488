import { useQuery } from '@tanstack/react-query';
import { kpiListOptions } from '../../api/kpis';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useFilters } from '../../stores/filters';
import { useLocale, useT } from '../../stores/prefs';
import { kpiMessages } from './messages';

export default function OverviewPage() {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const { period, sector } = useFilters();
  const kpis = useQuery(kpiListOptions({ period, sector }));
  return (
    <div className="page">
      <h1>{t('page.title')}</h1>
      {kpis.isError && <ErrorPanel what={t('what.kpis')} error={kpis.error} onRetry={() => void kpis.refetch()} />}
      <ul>
        {kpis.data?.items
          .filter((k) => k.headline)
          .map((k) => (
            <li key={k.id}>
              {localized(k.label, locale)}: {k.value ? formatMeasure(k.value, locale) : t('noData')}
            </li>
          ))}
      </ul>
    </div>
  );
}
