import { http } from 'msw';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { sectorDetail, sectorList } from '../../server/answers/figures';
import { checkParams, notFound, parsePeriod } from '../../server/answers/requests';
import type { DataVersion } from '../../src/api/meta';
import { API, MOCK_VERSION, respond } from './common';

/** `/sectors` and `/sectors/{id}` over `dataset` (the report's by default). */
export const sectorHandlers = (dataset: () => Dataset = () => reportDataset, version: DataVersion = MOCK_VERSION) => [
  http.get(`${API}/sectors`, ({ request }) =>
    respond(() => {
      const params = new URL(request.url).searchParams;
      checkParams('sectors', params);
      return sectorList(dataset(), parsePeriod(dataset().meta, params.get('period')));
    }, version),
  ),
  http.get<{ id: string }>(`${API}/sectors/:id`, ({ request, params: { id: rawId } }) =>
    respond(() => {
      const params = new URL(request.url).searchParams;
      checkParams('sector', params);
      const period = parsePeriod(dataset().meta, params.get('period'));
      const id = dataset().meta.sectors.find((s) => s.id === rawId)?.id;
      if (!id) throw notFound('sector', rawId);
      const count = dataset().projects.filter((p) => p.sector === id).length;
      return sectorDetail(dataset(), id, period, count);
    }, version),
  ),
];
