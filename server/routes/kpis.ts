import { kpiList, parsePeriod, parseSector, Problem } from '../../data/answers';
import { KpiListSchema } from '../../src/api/kpis';
import type { Api, RouteKit } from '../http';

export function kpiRoutes(api: Api, { answer }: RouteKit) {
  api.get(
    '/kpis',
    answer({
      endpoint: 'kpis',
      schema: KpiListSchema,
      compute: (s, params) => {
        const period = parsePeriod(s.figures.meta, params.get('period'));
        const sector = parseSector(params.get('sector'));
        if (period instanceof Problem) return period;
        if (sector instanceof Problem) return sector;
        return kpiList(s.figures, period, sector);
      },
    }),
  );
}
