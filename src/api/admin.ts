/**
 * The admin area's contract: signing in, the monthly data update (upload a sheet, read the
 * validation report and the preview, publish) and the version history with rollback.
 * Reading the dashboard needs none of this.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError, apiSend } from './client';
import { LocalizedTextSchema, PeriodIdSchema } from './common';

export const SessionSchema = z.object({
  user: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Sent back in the `X-CSRF-Token` header on every change. */
  csrfToken: z.string().check(z.minLength(16), z.maxLength(200)),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type Session = z.infer<typeof SessionSchema>;

/** The template's sheets; each has a Chinese name in the file (指标, 产业, 项目). */
export const IMPORT_SHEETS = [
  'sectorCatalog',
  'kpiGroupCatalog',
  'indicatorCatalog',
  'indicators',
  'sectors',
  'projects',
] as const;
export const ImportSheetSchema = z.enum(IMPORT_SHEETS);
export type ImportSheet = z.infer<typeof ImportSheetSchema>;

/** The version of the template's layout; a file made from another version is refused. */
export const TEMPLATE_VERSION = 'beibei-import/1';

/** Hard limits of an upload; the server refuses anything beyond them before reading it. */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 100_000,
  /** Unpacked size of an xlsx (a zip): a "zip bomb" is refused before it is unpacked. */
  unpackedBytes: 200 * 1024 * 1024,
} as const;

const Text = (max: number) => z.string().check(z.maxLength(max));

/** One finding of the validation: where (sheet, row as Excel numbers it, column) and what. */
export const ImportIssueSchema = z.object({
  /** Errors block publishing; warnings are shown and can be accepted. */
  severity: z.enum(['error', 'warning']),
  /** Machine-readable kind, e.g. `unknown_period`, `missing_columns`, `cumulative_decrease`. */
  code: z.string().check(z.regex(/^[a-z0-9_]{1,40}$/)),
  /** The sheet's name in the file (指标, 产业, 项目); null for the file as a whole. */
  sheet: z.nullable(Text(100)),
  /** Row number as Excel shows it (1 is the first row); null for a whole sheet or file. */
  row: z.nullable(z.int().check(z.gte(1))),
  /** Column letter as Excel shows it (A, B, … AA); null for a whole row, sheet or file. */
  column: z.nullable(z.string().check(z.regex(/^[A-Z]{1,3}$/))),
  /** The column's header, e.g. 数值. */
  header: z.nullable(Text(100)),
  /** The offending cell's text, as read (shortened to 200 characters). */
  value: z.nullable(Text(200)),
  /** What is wrong and how to put it right, in both languages. */
  message: z.object({ 'zh-CN': Text(500), en: Text(500) }),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** One difference between the published version and what publishing the upload would give. */
export const ImportChangeSchema = z.object({
  change: z.enum(['added', 'changed', 'removed']),
  sheet: ImportSheetSchema,
  /** The row's identity in the sheet's terms, e.g. `investment-signed 2023M08`, `automotive 2023M08`, a project id. */
  key: Text(200),
  /** What the row is, e.g. 签约资金 · 2023M08. */
  label: LocalizedTextSchema,
  /** The column that changed (its header, e.g. 数值); null when a whole row is added or removed. */
  field: z.nullable(Text(100)),
  /** Cell text before and after, in the sheet's notation (e.g. "180" with the unit in `unit`). */
  before: z.nullable(Text(2000)),
  after: z.nullable(Text(2000)),
  /** The unit the values are written in (亿元, %, 家 …), when the field has one. */
  unit: z.nullable(Text(20)),
});
export type ImportChange = z.infer<typeof ImportChangeSchema>;

export const MAX_LISTED_CHANGES = 2000;

/**
 * Publishing that removes more than this share of a sheet's published rows needs its own
 * confirmation, naming the count, whatever the warnings: a partial or misread sheet must not
 * empty the dashboard by one click.
 */
export const REMOVAL_CONFIRM_SHARE = 0.05;

/** Rows an upload removes from one sheet, against how many that sheet has published. */
export const SheetRemovalSchema = z.object({
  sheet: ImportSheetSchema,
  /** The sheet's name in the file. */
  name: Text(100),
  removed: z.int().check(z.gte(1)),
  published: z.int().check(z.gte(1)),
  /** Over REMOVAL_CONFIRM_SHARE of the published rows: publishing needs `confirmRemoval`. */
  needsConfirmation: z.boolean(),
});
export type SheetRemoval = z.infer<typeof SheetRemovalSchema>;

export const ImportPreviewSchema = z.object({
  counts: z.object({
    added: z.int().check(z.gte(0)),
    changed: z.int().check(z.gte(0)),
    removed: z.int().check(z.gte(0)),
  }),
  /** The first MAX_LISTED_CHANGES changes; `counts` has them all. */
  changes: z.array(ImportChangeSchema).check(z.maxLength(MAX_LISTED_CHANGES)),
  /** Headline tiles of the overview whose figures would change, with the periods concerned. */
  tiles: z.array(
    z.object({ kpi: Text(64), label: LocalizedTextSchema, periods: z.array(PeriodIdSchema).check(z.maxLength(100)) }),
  ),
  periodsAdded: z.array(PeriodIdSchema).check(z.maxLength(100)),
  periodsRemoved: z.array(PeriodIdSchema).check(z.maxLength(100)),
  /** 数据截至 before and after (equal when unchanged). */
  asOf: z.object({ before: z.iso.date(), after: z.iso.date() }),
  /** Sheets from which publishing removes published rows. */
  removals: z.array(SheetRemovalSchema).check(z.maxLength(IMPORT_SHEETS.length)),
  /** Rows removed from the sheets that need confirmation: publishing must send this number as `confirmRemoval`. */
  removalToConfirm: z.int().check(z.gte(0)),
  /**
   * Indicators the upload's catalog leaves out that have published figures (a value or a target):
   * publishing needs `confirmRemoval`, however few they are. Older versions keep them.
   */
  indicatorsRemoved: z.optional(
    z
      .array(z.object({ kpi: Text(100), label: LocalizedTextSchema, figures: z.int().check(z.gte(1)) }))
      .check(z.maxLength(500)),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportReportSchema = z.object({
  /** The staged upload: publish it with POST /admin/imports/{id}/publish. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  fileName: Text(255),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  bytes: z.int().check(z.gte(0)),
  /** What the file was read as; null when it could not be read at all. */
  format: z.nullable(z.enum(['xlsx', 'csv'])),
  /** For CSV: the text encoding detected (utf-8, utf-8-bom, gb18030). */
  encoding: z.nullable(z.enum(['utf-8', 'utf-8-bom', 'gb18030'])),
  /** The published version the upload was compared with; publishing requires it still to be current. */
  baseVersion: z.int().check(z.gte(1)),
  /** Sheets found in the file, with their data rows. Sheets not in the file are left as they are. */
  sheets: z.array(z.object({ sheet: ImportSheetSchema, name: Text(100), rows: z.int().check(z.gte(0)) })),
  errors: z.int().check(z.gte(0)),
  warnings: z.int().check(z.gte(0)),
  /** The first 1000 findings; `errors` and `warnings` count them all. */
  issues: z.array(ImportIssueSchema).check(z.maxLength(1000)),
  /** What publishing would change; null while the file has errors. */
  preview: z.nullable(ImportPreviewSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const VersionRecordSchema = z.object({
  id: z.int().check(z.gte(1)),
  publishedAt: z.iso.datetime({ offset: true }),
  publishedBy: Text(64),
  /** The uploaded file's name, `report 2023-08-26` for the first version, `rollback to version N`. */
  sourceName: Text(300),
  sourceSha256: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  basedOn: z.nullable(z.int().check(z.gte(1))),
  note: Text(1000),
  /** kpis, kpiValues, sectorFigures, namedFirms, projects. */
  counts: z.record(z.string(), z.int().check(z.gte(0))),
  /** The version the dashboard serves now. */
  current: z.boolean(),
});
export type VersionRecord = z.infer<typeof VersionRecordSchema>;

export const VersionListSchema = z.object({ versions: z.array(VersionRecordSchema).check(z.maxLength(10_000)) });

export const PublishResultSchema = z.object({ version: VersionRecordSchema });
export type PublishResult = z.infer<typeof PublishResultSchema>;

/**
 * Body of POST /admin/imports/{id}/publish. `confirmRemoval` repeats the preview's
 * `removalToConfirm` when it is not 0: the editor has read how many published rows go.
 */
export const PublishRequestSchema = z.object({
  acceptWarnings: z.boolean(),
  confirmRemoval: z.optional(z.int().check(z.gte(0))),
});
/** Body of POST /admin/versions/{id}/rollback: the version the editor saw as current. */
export const RollbackRequestSchema = z.object({ basedOn: z.int().check(z.gte(1)) });

/**
 * Error answers of the admin API: `{error, message}` like every endpoint; a 409 on publish or
 * rollback also names the version that was published in between.
 */
export const AdminErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  winner: z.optional(VersionRecordSchema),
});
export type AdminError = z.infer<typeof AdminErrorSchema>;

/** The template and its CSV sheets, for download links. */
export const templatePaths = {
  xlsx: '/admin/template.xlsx',
  csv: (sheet: ImportSheet) => `/admin/template/${sheet}.csv`,
} as const;

export const adminKeys = {
  all: ['admin'] as const,
  session: () => [...adminKeys.all, 'session'] as const,
  versions: () => [...adminKeys.all, 'versions'] as const,
};

/** The error body of a failed admin request (`error`, `message`, and for a conflict the `winner`), if it has one. */
export function adminErrorOf(error: unknown): AdminError | null {
  if (!(error instanceof ApiError) || error.body === undefined) return null;
  const parsed = AdminErrorSchema.safeParse(error.body);
  return parsed.success ? parsed.data : null;
}

/** The editor's session, or null when signed out (401, the usual answer to a reader). */
export const sessionOptions = () =>
  queryOptions({
    queryKey: adminKeys.session(),
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        return await apiSend('/admin/session', SessionSchema, { method: 'GET', signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });

/** Every published version, newest first (signed-in only). */
export const versionListOptions = () =>
  queryOptions({
    queryKey: adminKeys.versions(),
    queryFn: ({ signal }) => apiSend('/admin/versions', VersionListSchema, { method: 'GET', signal }),
  });

/** Uploads take longer than reads: up to 20 MB out, then the server reads and checks every row. */
export const UPLOAD_TIMEOUT_MS = 180_000;

const csrfHeader = (csrfToken: string) => ({ 'X-CSRF-Token': csrfToken });

export const signInMutation = () =>
  mutationOptions({
    mutationKey: [...adminKeys.all, 'sign-in'],
    mutationFn: (credentials: { name: string; password: string }) =>
      apiSend('/admin/login', SessionSchema, { json: credentials }),
  });

export const signOutMutation = () =>
  mutationOptions({
    mutationKey: [...adminKeys.all, 'sign-out'],
    mutationFn: ({ csrfToken }: { csrfToken: string }) =>
      apiSend('/admin/logout', null, { headers: csrfHeader(csrfToken) }),
  });

/** Sends the file's bytes as they are; the server reads and checks them and answers the report. */
export const uploadImportMutation = () =>
  mutationOptions({
    mutationKey: [...adminKeys.all, 'upload'],
    mutationFn: ({ file, csrfToken }: { file: File; csrfToken: string }) =>
      apiSend('/admin/imports', ImportReportSchema, {
        body: file,
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name),
          ...csrfHeader(csrfToken),
        },
        timeoutMs: UPLOAD_TIMEOUT_MS,
      }),
  });

export const publishImportMutation = () =>
  mutationOptions({
    mutationKey: [...adminKeys.all, 'publish'],
    mutationFn: ({
      importId,
      acceptWarnings,
      confirmRemoval,
      csrfToken,
    }: {
      importId: string;
      acceptWarnings: boolean;
      confirmRemoval: number;
      csrfToken: string;
    }) =>
      apiSend(`/admin/imports/${encodeURIComponent(importId)}/publish`, PublishResultSchema, {
        json: { acceptWarnings, confirmRemoval } satisfies z.infer<typeof PublishRequestSchema>,
        headers: csrfHeader(csrfToken),
        timeoutMs: UPLOAD_TIMEOUT_MS,
      }),
  });

export const rollbackMutation = () =>
  mutationOptions({
    mutationKey: [...adminKeys.all, 'rollback'],
    mutationFn: ({ versionId, basedOn, csrfToken }: { versionId: number; basedOn: number; csrfToken: string }) =>
      apiSend(`/admin/versions/${versionId}/rollback`, PublishResultSchema, {
        json: { basedOn } satisfies z.infer<typeof RollbackRequestSchema>,
        headers: csrfHeader(csrfToken),
        timeoutMs: UPLOAD_TIMEOUT_MS,
      }),
  });
