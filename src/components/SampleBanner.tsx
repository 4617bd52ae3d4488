import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { metaOptions } from '../api/meta';
import { useT } from '../stores/prefs';
import { sampleMessages } from './sampleMessages';
import './SampleBanner.css';

/** `演示数据 · 非正式统计` on sample data, else null: read from /meta once, at the layout. */
function useSampleLabelFromMeta(): string | null {
  const t = useT(sampleMessages);
  const sample = useQuery({ ...metaOptions(), select: (meta) => meta.sample }).data;
  return sample ? t('sample.label') : null;
}

const SampleLabelContext = createContext<string | null>(null);

/** Gives the pages under it the sample label, for their exports (a CSV's first line, an image's title). */
export function SampleLabelProvider({ children }: { children: ReactNode }) {
  return <SampleLabelContext value={useSampleLabelFromMeta()}>{children}</SampleLabelContext>;
}

/** The sample label for an export, or null (official data, or outside the app's layout). */
export const useSampleLabel = () => useContext(SampleLabelContext);

/**
 * The label of sample data: shown on every screen of a database that holds the demo, above
 * everything else, so no screenshot of it can pass for official statistics. Nothing otherwise.
 */
export function SampleBanner({ compact = false }: { compact?: boolean }) {
  const t = useT(sampleMessages);
  const label = useSampleLabelFromMeta();
  if (!label) return null;
  return (
    <p className={compact ? 'sample-banner sample-banner--compact' : 'sample-banner'} role="note">
      <strong>{label}</strong>
      {!compact && <span> {t('sample.detail')}</span>}
    </p>
  );
}
