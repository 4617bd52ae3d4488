import * as z from 'zod/mini';
import { PeriodIdSchema, SectorIdSchema } from '../src/api/common';
import { KpiListSchema } from '../src/api/kpis';
import { MetaSchema } from '../src/api/meta';
import { ProjectDetailSchema, ProjectFilterSchema, ProjectPageSchema } from '../src/api/projects';
import { SectorDetailSchema, SectorListSchema } from '../src/api/sectors';

type JsonSchema = Record<string, unknown>;

/** zod 4 writes JSON Schema draft 2020-12, the dialect OpenAPI 3.1 uses. */
const jsonSchema = (schema: z.ZodMiniType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  return rest;
};

const ProblemSchema = z.object({ error: z.string(), message: z.string() });

const components: Record<string, z.ZodMiniType> = {
  Meta: MetaSchema,
  KpiList: KpiListSchema,
  SectorList: SectorListSchema,
  SectorDetail: SectorDetailSchema,
  ProjectPage: ProjectPageSchema,
  ProjectDetail: ProjectDetailSchema,
  Problem: ProblemSchema,
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof components, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const errors = {
  '400': json('Problem', 'Invalid query parameter'),
  '404': json('Problem', 'No such resource'),
  '500': json('Problem', 'Server error'),
};

/** Query or path parameters from the properties of a zod object. */
function parameters(schema: z.ZodMiniObject, location: 'query' | 'path') {
  const js = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const period = z.object({ period: z.optional(PeriodIdSchema) });

/** The OpenAPI 3.1 description of the API, generated from the same zod schemas the client parses with. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Beibei District economy API',
      version: '1.0.0',
      description:
        'Figures of the 2023 mid-year Beibei District report. Every numeric value carries provenance: reported (with the report line), derived (with its formula) or illustrative. Money is in yuan; percentages in points.',
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/meta': {
        get: {
          summary: 'District, periods, sectors, stages, project levels, data date and source',
          responses: { '200': json('Meta', 'Metadata'), '500': errors['500'] },
        },
      },
      '/kpis': {
        get: {
          summary: 'Headline figures for a period (district-wide, plus the sector asked for)',
          parameters: parameters(z.extend(period, { sector: z.optional(SectorIdSchema) }), 'query'),
          responses: { '200': json('KpiList', 'Headline figures'), ...errors },
        },
      },
      '/sectors': {
        get: {
          summary: 'Output, growth, firms and share per sector for a period',
          parameters: parameters(period, 'query'),
          responses: { '200': json('SectorList', 'Sector figures'), ...errors },
        },
      },
      '/sectors/{id}': {
        get: {
          summary: 'One sector: figures, monthly series, named firms',
          parameters: [...parameters(z.object({ id: SectorIdSchema }), 'path'), ...parameters(period, 'query')],
          responses: { '200': json('SectorDetail', 'Sector detail'), ...errors },
        },
      },
      '/projects': {
        get: {
          summary: 'A page of key projects, with totals over the whole filtered set',
          parameters: parameters(ProjectFilterSchema, 'query'),
          responses: { '200': json('ProjectPage', 'Projects'), ...errors },
        },
      },
      '/projects/{id}': {
        get: {
          summary: 'One project with its milestones',
          parameters: parameters(z.object({ id: z.string() }), 'path'),
          responses: { '200': json('ProjectDetail', 'Project'), ...errors },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, jsonSchema(schema)])),
    },
  };
}

export const serializeOpenApi = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
