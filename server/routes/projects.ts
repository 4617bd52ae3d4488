import { queryProjects } from '../answers/projects';
import { notFound, parseProjectFilter } from '../answers/requests';
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
      compute: (s, params) => queryProjects(s.projects, parseProjectFilter(params, s.figures.meta)),
    }),
  );
  api.get(
    '/projects/:id',
    answer({
      endpoint: 'project',
      schema: ProjectDetailSchema,
      compute: async (s, _params, id) => {
        const project = /^[a-z0-9-]{1,64}$/.test(id) ? await getProject(service.database(), s.version.id, id) : null;
        if (!project) throw notFound('project', id);
        return project;
      },
    }),
  );
}
