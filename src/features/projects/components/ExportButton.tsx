import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { allProjectsOptions } from '../../../api/projects';
import type { ProjectFilter } from '../../../api/projects';
import { describeError } from '../../../components/ErrorPanel';
import { useSampleLabel } from '../../../components/SampleBanner';
import { componentMessages } from '../../../components/messages';
import { formatCount } from '../../../lib/format';
import { pluralKey } from '../../../lib/i18n';
import { useLocale, useT } from '../../../stores/prefs';
import { useProjectLabels } from '../labels';
import { projectMessages } from '../messages';

interface ExportButtonProps {
  filter: Omit<ProjectFilter, 'page' | 'pageSize'>;
  total: number;
}

/** Downloads the whole filtered set (every page, read through the API) as CSV. */
export function ExportButton({ filter, total }: ExportButtonProps) {
  const t = useT(projectMessages);
  const labels = useProjectLabels();
  const sampleLabel = useSampleLabel();
  const tc = useT(componentMessages);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // The CSV code is loaded on the first export, not with the tracker.
      const [projects, { projectsCsv }, { downloadCsv }] = await Promise.all([
        queryClient.query(allProjectsOptions(filter)),
        import('../csv'),
        import('../../../lib/download'),
      ]);
      downloadCsv(`${t('export.filename')}.csv`, projectsCsv(projects, t, labels, sampleLabel));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button" disabled={busy || total === 0} onClick={() => void run()}>
        {busy
          ? t('export.busy')
          : t(pluralKey(projectMessages, locale, 'export.button', total), { n: formatCount(total, locale) })}
      </button>
      {error !== null && (
        <p className="export__error" role="alert">
          {t('export.failed', { reason: describeError(error, tc) })}
        </p>
      )}
    </div>
  );
}
