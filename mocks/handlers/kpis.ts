import { http, HttpResponse } from 'msw';
import type { KpiList } from '../../src/api/kpis';
import { kpiDefinitions, kpiFor } from '../fixtures/report';
import { API, readPeriod, readSector } from './common';

/** District-wide figures always; sector figures only for the sector asked for. */
export const kpiHandlers = [
  http.get(`${API}/kpis`, ({ request }) => {
    const url = new URL(request.url);
    const period = readPeriod(url);
    if (period instanceof Response) return period;
    const sector = readSector(url.searchParams.get('sector'));
    if (sector instanceof Response) return sector;
    const items = kpiDefinitions.filter((d) => d.sector === null || d.sector === sector).map((d) => kpiFor(d, period));
    return HttpResponse.json<KpiList>({ period, sector, items });
  }),
];
