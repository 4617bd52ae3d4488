import * as z from 'zod/mini';
import {
  AdminErrorSchema,
  ImportReportSchema,
  IMPORT_SHEETS,
  PublishRequestSchema,
  PublishResultSchema,
  RollbackRequestSchema,
  SessionSchema,
  VersionListSchema,
} from '../src/api/admin';
import { PublishedVersionListSchema, VersionChangesSchema } from '../src/api/changes';
import { PeriodIdSchema, SectorIdSchema } from '../src/api/common';
import { KpiHistorySchema } from '../src/api/history';
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
  KpiHistory: KpiHistorySchema,
  SectorList: SectorListSchema,
  SectorDetail: SectorDetailSchema,
  ProjectPage: ProjectPageSchema,
  ProjectDetail: ProjectDetailSchema,
  PublishedVersionList: PublishedVersionListSchema,
  VersionChanges: VersionChangesSchema,
  Problem: ProblemSchema,
  Session: SessionSchema,
  ImportReport: ImportReportSchema,
  PublishRequest: PublishRequestSchema,
  PublishResult: PublishResultSchema,
  RollbackRequest: RollbackRequestSchema,
  VersionList: VersionListSchema,
  AdminError: AdminErrorSchema,
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

// Said here, where the document is made, so the app's bundle does not carry the wording.
z.globalRegistry.add(SectorIdSchema, { description: "an id from /meta's sectors" });

const body = (name: keyof typeof components) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
/** Admin answers without a session (401), without the CSRF token or from another origin (403). */
const signedIn = {
  '401': json('Problem', 'Not signed in'),
  '403': json('Problem', 'Missing CSRF token or foreign origin (changes only)'),
};
const admin = (summary: string, extra: Record<string, unknown>) => ({
  summary,
  description: 'Admin area: needs the session cookie from POST /admin/login; changes also the X-CSRF-Token header.',
  ...extra,
});

/** The admin area: signing in, the monthly data update and the version history. */
const adminPaths = {
  '/admin/login': {
    post: {
      summary: 'Sign in an editor: sets an HttpOnly, SameSite=Strict session cookie',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['name', 'password'],
              properties: { name: { type: 'string' }, password: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        '200': json('Session', 'Signed in'),
        '401': json('Problem', 'Wrong name or password'),
        '429': json('Problem', 'Too many failed attempts (Retry-After)'),
      },
    },
  },
  '/admin/session': {
    get: {
      summary: 'The signed-in session',
      responses: { '200': json('Session', 'Session'), '401': json('Problem', 'Not signed in') },
    },
  },
  '/admin/logout': { post: admin('Sign out', { responses: { '204': { description: 'Signed out' }, ...signedIn } }) },
  '/admin/template.xlsx': {
    get: admin('The import template filled with the published data', {
      responses: {
        '200': {
          description: 'Workbook: 说明, 产业目录, 指标, 产业, 项目',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
        },
        ...signedIn,
      },
    }),
  },
  '/admin/template/{sheet}.csv': {
    get: admin('One sheet of the template as CSV (UTF-8 with BOM)', {
      parameters: [{ name: 'sheet', in: 'path', required: true, schema: { enum: [...IMPORT_SHEETS] } }],
      responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, ...signedIn },
    }),
  },
  '/admin/imports': {
    post: admin('Check an uploaded sheet (xlsx or CSV) and stage it: validation report and preview', {
      parameters: [{ name: 'X-File-Name', in: 'header', required: false, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/octet-stream': {} } },
      responses: {
        '200': json('ImportReport', 'The report (also for a file with errors)'),
        '413': json('Problem', 'Larger than 20 MB'),
        ...signedIn,
      },
    }),
  },
  '/admin/imports/{id}/publish': {
    post: admin('Publish a staged upload as a new data version, if the published version is still its base', {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body('PublishRequest'),
      responses: {
        '201': json('PublishResult', 'Published'),
        '404': json('Problem', 'Unknown or expired upload'),
        '409': json('AdminError', 'Another version was published since; names it in `winner`'),
        '422': json('Problem', 'The file has errors, changes nothing, or its warnings were not accepted'),
        ...signedIn,
      },
    }),
  },
  '/admin/versions': {
    get: admin('Every data version, newest first', {
      responses: { '200': json('VersionList', 'Versions'), ...signedIn },
    }),
  },
  '/admin/versions/{id}/rollback': {
    post: admin("Publish an old version's content again as a new version", {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      requestBody: body('RollbackRequest'),
      responses: {
        '201': json('PublishResult', 'Published'),
        '404': json('Problem', 'No such version'),
        '409': json('AdminError', 'Another version was published since `basedOn`'),
        ...signedIn,
      },
    }),
  },
};

/** The OpenAPI 3.1 description of the API, generated from the same zod schemas the client parses with. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Beibei District economy API',
      version: '1.0.0',
      description:
        "Figures of Beibei District: the 2023 mid-year report, then the office's monthly updates. Every numeric value carries provenance: reported (with the report line), derived (with its formula), imported (with the file, data version, sheet and row of the monthly update) or illustrative. Money is in yuan; percentages in points.",
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
      '/kpis/{id}/history': {
        get: {
          summary:
            'One indicator over every period it has: value, 当月 of a running total and 环比 (derived, with their formulas), 同比 (as given or derived), and its targets',
          parameters: parameters(z.object({ id: z.string() }), 'path'),
          responses: { '200': json('KpiHistory', 'Indicator history'), ...errors },
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
      '/versions': {
        get: {
          summary: 'The published data versions, newest first (no editor names or files)',
          responses: { '200': json('PublishedVersionList', 'Versions'), '400': errors['400'], '500': errors['500'] },
        },
      },
      '/versions/{id}/changes': {
        get: {
          summary:
            'What a version changed against the version it was based on: counts, periods, 数据截至, headline tiles and the first 500 changed rows; `changes` is null for the first version',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { '200': json('VersionChanges', 'Changes'), ...errors },
        },
      },
      ...adminPaths,
    },
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, jsonSchema(schema)])),
    },
  };
}

export const serializeOpenApi = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
