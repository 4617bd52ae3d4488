import { http } from 'msw';
import { reportDataset } from '../../data/dataset';
import type { DatasetMeta } from '../../data/dataset';
import { queryProjects } from '../../server/answers/projects';
import { checkParams, notFound, parseProjectFilter } from '../../server/answers/requests';
import type { ProjectDetail } from '../../src/api/projects';
import type { DataVersion } from '../../src/api/meta';
import { API, MOCK_VERSION, respond } from './common';

export const projectHandlers = (
  source: () => readonly ProjectDetail[] = () => reportDataset.projects,
  version: DataVersion = MOCK_VERSION,
  meta: () => DatasetMeta = () => reportDataset.meta,
) => [
  http.get(`${API}/projects`, ({ request }) =>
    respond(() => {
      const params = new URL(request.url).searchParams;
      checkParams('projects', params);
      return queryProjects(source(), parseProjectFilter(params, meta()));
    }, version),
  ),
  http.get<{ id: string }>(`${API}/projects/:id`, ({ request, params }) =>
    respond(() => {
      checkParams('project', new URL(request.url).searchParams);
      const project = source().find((p) => p.id === params.id);
      if (!project) throw notFound('project', params.id);
      return project;
    }, version),
  ),
];
