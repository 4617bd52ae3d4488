import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, serializeOpenApi } from '../scripts/openapi-document';

describe('public/openapi.json', () => {
  it('is the document generated from the current zod contract (run `npm run openapi` after changing src/api)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../public/openapi.json'), 'utf8');
    expect(committed).toBe(serializeOpenApi(buildOpenApiDocument()));
  });

  it('describes every endpoint of the API', () => {
    const doc = buildOpenApiDocument();
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/kpis',
        '/kpis/{id}/history',
        '/meta',
        '/projects',
        '/projects/{id}',
        '/sectors',
        '/sectors/{id}',
        '/versions',
        '/versions/{id}/changes',
        '/admin/login',
        '/admin/logout',
        '/admin/session',
        '/admin/template.xlsx',
        '/admin/template/{sheet}.csv',
        '/admin/imports',
        '/admin/imports/{id}/publish',
        '/admin/versions',
        '/admin/versions/{id}/rollback',
      ].sort(),
    );
  });
});
