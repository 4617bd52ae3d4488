import { http } from 'msw';
import { metaOf, unknownParam } from '../../data/answers';
import { reportDataset } from '../../data/dataset';
import { API, MOCK_VERSION, respond } from './common';

export const metaHandlers = [
  http.get(`${API}/meta`, ({ request }) =>
    respond(unknownParam('meta', new URL(request.url).searchParams) ?? metaOf(reportDataset, MOCK_VERSION)),
  ),
];
