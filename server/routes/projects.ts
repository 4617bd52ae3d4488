import { notFound, parseProjectFilter, Problem, queryProjects } from '../../data/answers';
import { ProjectDetailSchema } from '../../src/api/projects';
import { getProject } from '../db/projects';
import type { Api, RouteKit } from '../http';

export function projectRoutes(api: Api, { answer, service }: RouteKit) {
  api.get(
    '/projects',
    answer({
      endpoint: 'projects',
      // Its projects were checked against the contract when the version was loaded.
      schema: null,
      compute: (s, params) => {
        const filter = parseProjectFilter(params);
        return filter instanceof Problem ? filter : queryProjects(s.projects, filter);
      },
    }),
  );
  api.get(
    '/projects/:id',
    answer({
      endpoint: 'project',
      schema: ProjectDetailSchema,
      compute: async (s, _params, id) =>
        (/^[a-z0-9-]{1,64}$/.test(id) ? await getProject(service.database(), s.version.id, id) : null) ??
        notFound('project', id),
    }),
  );
}
