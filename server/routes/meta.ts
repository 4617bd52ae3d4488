import { metaOf } from '../answers/figures';
import { MetaSchema } from '../../src/api/meta';
import type { Api, RouteKit } from '../http';

export function metaRoutes(api: Api, { answer }: RouteKit) {
  api.get('/meta', answer({ endpoint: 'meta', schema: MetaSchema, compute: (s) => metaOf(s.figures, s.version) }));
}
