import { kpiList } from '../answers/figures';
import { kpiHistory } from '../answers/history';
import { parsePeriod, parseSector } from '../answers/requests';
import { KpiHistorySchema } from '../../src/api/history';
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
  api.get(
    '/kpis/:id/history',
    // Like a project, one resource by its id: no query parameter.
    answer({ endpoint: 'project', schema: KpiHistorySchema, compute: (s, _params, id) => kpiHistory(s.figures, id) }),
  );
}
