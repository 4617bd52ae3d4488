import { http } from 'msw';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { metaOf } from '../../server/answers/figures';
import { checkParams } from '../../server/answers/requests';
import type { DataVersion } from '../../src/api/meta';
import { API, MOCK_VERSION, respond } from './common';

/** `/meta` of `dataset` (the report's by default) as data version `version`. */
export const metaHandlers = (dataset: () => Dataset = () => reportDataset, version: DataVersion = MOCK_VERSION) => [
  http.get(`${API}/meta`, ({ request }) =>
    respond(() => {
      checkParams('meta', new URL(request.url).searchParams);
      return metaOf(dataset(), version);
    }, version),
  ),
];
