import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { projectDetailOptions } from '../../api/projects';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useGlobalSearch } from '../../lib/url';
import { useT } from '../../stores/prefs';
import { projectMessages } from './messages';

export default function ProjectDetailPage() {
  const t = useT(projectMessages);
  const search = useGlobalSearch();
  const id = useParams().projectId ?? '';
  const project = useQuery(projectDetailOptions(id));
  if (project.error instanceof ApiError && project.error.status === 404) {
    return (
      <div className="page">
        <h1>{t('detail.notFound')}</h1>
        <Link to={{ pathname: '/projects', search }}>{t('detail.back')}</Link>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{project.data?.name ?? t('page.title')}</h1>
      {project.isError && (
        <ErrorPanel what={t('what.projects')} error={project.error} onRetry={() => void project.refetch()} />
      )}
      {project.data && <p>{project.data.description}</p>}
    </div>
  );
}
