import { useQuery } from '@tanstack/react-query';
import { metaOptions } from '../api/meta';
import { useT } from '../stores/prefs';
import { sampleMessages } from './sampleMessages';
import './SampleBanner.css';

/**
 * The label of sample data: shown on every screen of a database that holds the demo, above
 * everything else, so no screenshot of it can pass for official statistics. Nothing otherwise.
 */
export function SampleBanner({ compact = false }: { compact?: boolean }) {
  const t = useT(sampleMessages);
  const sample = useQuery({ ...metaOptions(), select: (meta) => meta.sample }).data;
  if (!sample) return null;
  return (
    <p className={compact ? 'sample-banner sample-banner--compact' : 'sample-banner'} role="note">
      <strong>{t('sample.label')}</strong>
      {!compact && <span> {t('sample.detail')}</span>}
    </p>
  );
}
