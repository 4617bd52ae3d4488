import { compactKpiList, kpiList } from '../answers/figures';
import { kpiHistory } from '../answers/history';
import { parsePeriod, parseSector } from '../answers/requests';
import { KpiHistorySchema } from '../../src/api/history';
import type { Api, RouteKit } from '../http';

export function kpiRoutes(api: Api, { answer }: RouteKit) {
  api.get(
    '/kpis',
    answer({
      endpoint: 'kpis',
      // Every answer of a version is checked against the contract when the version is imported
      // (import/prepare.ts), and the seeded datasets' in the contract tests: a check per answer
      // here was a third of its time.
      schema: null,
      compute: (s, params) =>
        compactKpiList(
          kpiList(
            s.figures,
            parsePeriod(s.figures.meta, params.get('period')),
            parseSector(s.figures.meta, params.get('sector')),
          ),
        ),
    }),
  );
  api.get(
    '/kpis/:id/history',
    // Like a project, one resource by its id: no query parameter.
    answer({
      endpoint: 'kpiHistory',
      schema: KpiHistorySchema,
      compute: (s, _params, id) => kpiHistory(s.figures, id),
    }),
  );
}
