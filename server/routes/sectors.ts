import { sectorDetail, sectorList } from '../answers/figures';
import { notFound, parsePeriod } from '../answers/requests';
import { SectorDetailSchema, SectorListSchema } from '../../src/api/sectors';
import type { Api, RouteKit } from '../http';

export function sectorRoutes(api: Api, { answer }: RouteKit) {
  api.get(
    '/sectors',
    answer({
      endpoint: 'sectors',
      schema: SectorListSchema,
      compute: (s, params) => sectorList(s.figures, parsePeriod(s.figures.meta, params.get('period'))),
    }),
  );
  api.get(
    '/sectors/:id',
    answer({
      endpoint: 'sector',
      schema: SectorDetailSchema,
      compute: (s, params, rawId) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        const id = s.figures.meta.sectors.find((x) => x.id === rawId)?.id;
        if (!id) throw notFound('sector', rawId);
        return sectorDetail(s.figures, id, period, s.projects.projects.filter((p) => p.sector === id).length);
      },
    }),
  );
}
