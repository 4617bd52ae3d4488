import { http } from 'msw';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { compactKpiList, kpiList } from '../../server/answers/figures';
import { kpiHistory } from '../../server/answers/history';
import { checkParams, parsePeriod, parseSector } from '../../server/answers/requests';
import type { DataVersion } from '../../src/api/meta';
import { API, MOCK_VERSION, respond } from './common';

/** `/kpis` and `/kpis/{id}/history` over `dataset` (the report's by default). */
export const kpiHandlers = (dataset: () => Dataset = () => reportDataset, version: DataVersion = MOCK_VERSION) => [
  http.get(`${API}/kpis`, ({ request }) =>
    respond(() => {
      const params = new URL(request.url).searchParams;
      checkParams('kpis', params);
      return compactKpiList(
        kpiList(
          dataset(),
          parsePeriod(dataset().meta, params.get('period')),
          parseSector(dataset().meta, params.get('sector')),
        ),
      );
    }, version),
  ),
  http.get<{ id: string }>(`${API}/kpis/:id/history`, ({ request, params: { id } }) =>
    respond(() => {
      checkParams('kpiHistory', new URL(request.url).searchParams);
      return kpiHistory(dataset(), id);
    }, version),
  ),
];
