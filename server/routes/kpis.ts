import { kpiList } from '../answers/figures';
import { parsePeriod, parseSector } from '../answers/requests';
import { KpiListSchema } from '../../src/api/kpis';
import type { Api, RouteKit } from '../http';

export function kpiRoutes(api: Api, { answer }: RouteKit) {
  api.get(
    '/kpis',
    answer({
      endpoint: 'kpis',
      schema: KpiListSchema,
      compute: (s, params) =>
        kpiList(
          s.figures,
          parsePeriod(s.figures.meta, params.get('period')),
          parseSector(s.figures.meta, params.get('sector')),
        ),
    }),
  );
}
