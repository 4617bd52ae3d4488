import { http } from 'msw';
import {
  notFound,
  parsePeriod,
  parseSector,
  Problem,
  sectorDetail,
  sectorList,
  unknownParam,
} from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { API, respond } from './common';

/** `/sectors` and `/sectors/{id}` over `dataset` (the report's by default). */
export const sectorHandlers = (dataset: () => Dataset = () => reportDataset) => [
  http.get(`${API}/sectors`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const period = parsePeriod(dataset().meta, params.get('period'));
    return respond(
      unknownParam('sectors', params) ?? (period instanceof Problem ? period : sectorList(dataset(), period)),
    );
  }),
  http.get<{ id: string }>(`${API}/sectors/:id`, ({ request, params: { id: rawId } }) => {
    const params = new URL(request.url).searchParams;
    const period = parsePeriod(dataset().meta, params.get('period'));
    const id = parseSector(rawId);
    const invalid = unknownParam('sector', params);
    if (invalid) return respond(invalid);
    if (period instanceof Problem) return respond(period);
    if (id === null || id instanceof Problem) return respond(notFound('sector', rawId));
    const count = dataset().projects.filter((p) => p.sector === id).length;
    return respond(sectorDetail(dataset(), id, period, count));
  }),
];
