import { http, HttpResponse } from 'msw';
import type { Meta } from '../../src/api/meta';
import { meta } from '../fixtures/report';
import { API } from './common';

export const metaHandlers = [http.get(`${API}/meta`, () => HttpResponse.json<Meta>(meta))];
