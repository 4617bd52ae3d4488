import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, serializeOpenApi } from './openapi-document';

const target = new URL('../public/openapi.json', import.meta.url);
writeFileSync(target, serializeOpenApi(buildOpenApiDocument()));
console.log(`wrote ${target.pathname}`);
