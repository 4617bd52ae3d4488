import { useQuery } from '@tanstack/react-query';
import { projectListOptions } from '../../api/projects';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatCount } from '../../lib/format';
import { useLocale, useT } from '../../stores/prefs';
import { projectMessages } from './messages';

export default function ProjectsPage() {
  const t = useT(projectMessages);
  const locale = useLocale();
  const projects = useQuery(projectListOptions({}));
  return (
    <div className="page">
      <h1>{t('page.title')}</h1>
      {projects.isError && (
        <ErrorPanel what={t('what.projects')} error={projects.error} onRetry={() => void projects.refetch()} />
      )}
      {projects.data && <p>{t('total', { n: formatCount(projects.data.total, locale) })}</p>}
    </div>
  );
}
