import { http } from 'msw';
import { notFound, parseProjectFilter, Problem, queryProjects, unknownParam } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import type { ProjectDetail } from '../../src/api/projects';
import { API, respond } from './common';

export const projectHandlers = (source: () => readonly ProjectDetail[] = () => reportDataset.projects) => [
  http.get(`${API}/projects`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const filter = parseProjectFilter(params);
    return respond(
      unknownParam('projects', params) ?? (filter instanceof Problem ? filter : queryProjects(source(), filter)),
    );
  }),
  http.get<{ id: string }>(`${API}/projects/:id`, ({ request, params }) => {
    const project = source().find((p) => p.id === params.id);
    return respond(
      unknownParam('project', new URL(request.url).searchParams) ?? project ?? notFound('project', params.id),
    );
  }),
];
