import { http } from 'msw';
import { kpiList, parsePeriod, parseSector, Problem, unknownParam } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { API, respond } from './common';

/** `/kpis` over `dataset` (the report's by default). */
export const kpiHandlers = (dataset: () => Dataset = () => reportDataset) => [
  http.get(`${API}/kpis`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const period = parsePeriod(dataset().meta, params.get('period'));
    const sector = parseSector(params.get('sector'));
    return respond(
      unknownParam('kpis', params) ??
        (period instanceof Problem ? period : sector instanceof Problem ? sector : kpiList(dataset(), period, sector)),
    );
  }),
];
