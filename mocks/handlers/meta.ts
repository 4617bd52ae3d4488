import { http } from 'msw';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { metaOf } from '../../server/answers/figures';
import { checkParams } from '../../server/answers/requests';
import { API, MOCK_VERSION, respond } from './common';

/** `/meta` of `dataset` (the report's by default). */
export const metaHandlers = (dataset: () => Dataset = () => reportDataset) => [
  http.get(`${API}/meta`, ({ request }) =>
    respond(() => {
      checkParams('meta', new URL(request.url).searchParams);
      return metaOf(dataset(), MOCK_VERSION);
    }),
  ),
];
