import { useQuery } from '@tanstack/react-query';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useFilters } from '../../stores/filters';
import { useLocale, useT } from '../../stores/prefs';
import { presentationMessages } from './messages';

export default function PresentationPage() {
  const t = useT(presentationMessages);
  const locale = useLocale();
  const { period, sector } = useFilters();
  const meta = useQuery(metaOptions());
  const kpis = useQuery(kpiListOptions({ period, sector }));
  return (
    <main className="page">
      <h1>
        {meta.data ? localized(meta.data.district, locale) : ''} {t('title')}
      </h1>
      {kpis.isError && <ErrorPanel what={t('what.kpis')} error={kpis.error} onRetry={() => void kpis.refetch()} />}
      <ul>
        {kpis.data?.items
          .filter((k) => k.headline && k.value)
          .map((k) => (
            <li key={k.id}>
              {localized(k.label, locale)}: {k.value ? formatMeasure(k.value, locale) : ''}
            </li>
          ))}
      </ul>
    </main>
  );
}
