import { notFound, parsePeriod, parseSector, Problem, sectorDetail, sectorList } from '../../data/answers';
import { SectorDetailSchema, SectorListSchema } from '../../src/api/sectors';
import type { Api, RouteKit } from '../http';

export function sectorRoutes(api: Api, { answer }: RouteKit) {
  api.get(
    '/sectors',
    answer({
      endpoint: 'sectors',
      schema: SectorListSchema,
      compute: (s, params) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        return period instanceof Problem ? period : sectorList(s.figures, period);
      },
    }),
  );
  api.get(
    '/sectors/:id',
    answer({
      endpoint: 'sector',
      schema: SectorDetailSchema,
      compute: (s, params, rawId) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        if (period instanceof Problem) return period;
        const id = parseSector(rawId);
        if (id === null || id instanceof Problem || !s.figures.meta.sectors.some((x) => x.id === id)) {
          return notFound('sector', rawId);
        }
        return sectorDetail(s.figures, id, period, s.projects.projects.filter((p) => p.sector === id).length);
      },
    }),
  );
}
