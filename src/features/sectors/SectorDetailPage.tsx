import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { SectorIdSchema } from '../../api/common';
import { sectorDetailOptions } from '../../api/sectors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useGlobalSearch } from '../../lib/url';
import { useFilters } from '../../stores/filters';
import { useLocale, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';

export default function SectorDetailPage() {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const period = useFilters((s) => s.period);
  const search = useGlobalSearch();
  const id = SectorIdSchema.safeParse(useParams().sectorId);
  const detail = useQuery({ ...sectorDetailOptions(id.data ?? 'electronics', period), enabled: id.success });
  if (!id.success) {
    return (
      <div className="page">
        <h1>{t('detail.notFound')}</h1>
        <Link to={{ pathname: '/sectors', search }}>{t('detail.back')}</Link>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{detail.data ? localized(detail.data.sector.label, locale) : t('page.title')}</h1>
      {detail.isError && (
        <ErrorPanel what={t('what.sectors')} error={detail.error} onRetry={() => void detail.refetch()} />
      )}
      {detail.data && (
        <p>{detail.data.sector.output ? formatMeasure(detail.data.sector.output, locale) : t('notReported')}</p>
      )}
    </div>
  );
}
