import { http } from 'msw';
import { kpiList, parsePeriod, parseSector, Problem, unknownParam } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import { API, respond } from './common';

export const kpiHandlers = [
  http.get(`${API}/kpis`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const period = parsePeriod(reportDataset.meta, params.get('period'));
    const sector = parseSector(params.get('sector'));
    return respond(
      unknownParam('kpis', params) ??
        (period instanceof Problem
          ? period
          : sector instanceof Problem
            ? sector
            : kpiList(reportDataset, period, sector)),
    );
  }),
];
