import { http } from 'msw';
import { metaOf, unknownParam } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { API, MOCK_VERSION, respond } from './common';

/** `/meta` of `dataset` (the report's by default). */
export const metaHandlers = (dataset: () => Dataset = () => reportDataset) => [
  http.get(`${API}/meta`, ({ request }) =>
    respond(unknownParam('meta', new URL(request.url).searchParams) ?? metaOf(dataset(), MOCK_VERSION)),
  ),
];
