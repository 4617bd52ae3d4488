import { http, HttpResponse } from 'msw';
import type { SectorDetail, SectorList } from '../../src/api/sectors';
import { meta, namedFirms, sectorFigure, sectorSeries } from '../fixtures/report';
import { keyProjects } from '../fixtures/projects';
import { API, problem, readPeriod, readSector } from './common';

export const sectorHandlers = [
  http.get(`${API}/sectors`, ({ request }) => {
    const period = readPeriod(new URL(request.url));
    if (period instanceof Response) return period;
    return HttpResponse.json<SectorList>({ period, items: meta.sectors.map((s) => sectorFigure(s.id, period)) });
  }),
  http.get<{ id: string }>(`${API}/sectors/:id`, ({ request, params }) => {
    const period = readPeriod(new URL(request.url));
    if (period instanceof Response) return period;
    const id = readSector(params.id);
    if (id === null || id instanceof Response) return problem(404, 'not_found', `no sector "${params.id}"`);
    return HttpResponse.json<SectorDetail>({
      period,
      sector: sectorFigure(id, period),
      series: sectorSeries(id, period),
      firms: namedFirms[id] ?? [],
      projectCount: keyProjects.filter((p) => p.sector === id).length,
    });
  }),
];
