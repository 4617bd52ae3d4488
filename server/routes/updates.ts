/**
 * The monthly data update: the template filled with the published data (xlsx, or one sheet as
 * CSV), an upload checked and staged with its report and preview, publishing it as a new
 * version, and the version history with rollback. Reading needs a session; every change also
 * the CSRF token (routes/admin.ts), and is written to the audit log.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { safeParse } from 'zod/mini';
import {
  IMPORT_LIMITS,
  IMPORT_SHEETS,
  ImportReportSchema,
  PublishRequestSchema,
  RollbackRequestSchema,
} from '../../src/api/admin';
import type { ImportSheet } from '../../src/api/admin';
import { audit } from '../auth/accounts';
import { dropStagedImport, stageImport, stagedImport } from '../db/imports';
import { history, publishedDataset, record, rollback } from '../db/publish';
import { ServiceError } from '../errors';
import type { Api, Env, RouteKit } from '../http';
import { templateCsv, templateFileName, templateXlsx, XLSX_TYPE } from '../import/export';
import { officeToday } from '../import/prepare';
import { publishUpload } from '../import/publish';
import { prepareInWorker } from '../import/worker';
import { client, jsonBody, requireEditor, requireSession, sessionOf } from './admin';

const noStore = { 'Cache-Control': 'no-store' };

/** A file name as the editor's computer gave it, without any path and control characters. */
export function cleanFileName(raw: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  // eslint-disable-next-line no-control-regex
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name.slice(0, 255) || 'upload';
}

const attachment = ({ name, ascii }: { name: string; ascii: string }) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

type Handler = (c: Context<Env>) => Promise<Response>;

/** A version just published (by an upload or a rollback): the next answers come from it. */
async function published(c: Context<Env>, kit: RouteKit, version: number) {
  kit.service.invalidate();
  return c.json({ version: await record(kit.service.database(), version) }, 201, noStore);
}

/** GET /admin/template.xlsx: the template filled with the published version. */
const templateWorkbook =
  (kit: RouteKit): Handler =>
  async (c) => {
    const { version, dataset } = await publishedDataset(kit.service.database());
    const body = await templateXlsx(dataset, version);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(templateFileName(version, 'xlsx')),
      ...noStore,
    });
  };

/** GET /admin/template/{sheet}.csv: one sheet of it as CSV. */
const templateSheet =
  (kit: RouteKit): Handler =>
  async (c) => {
    const file = c.req.param('file') ?? '';
    const sheet = file.replace(/\.csv$/, '') as ImportSheet;
    if (!file.endsWith('.csv') || !IMPORT_SHEETS.includes(sheet)) {
      throw new ServiceError('not_found', `no template sheet ${file}; use ${IMPORT_SHEETS.join(', ')}.csv`);
    }
    const { version, dataset } = await publishedDataset(kit.service.database());
    return c.body(templateCsv(dataset, sheet), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(templateFileName(version, 'csv', sheet)),
      ...noStore,
    });
  };

/** Uploads over IMPORT_LIMITS.bytes are refused before they are read. */
const uploadLimit = bodyLimit({
  maxSize: IMPORT_LIMITS.bytes,
  onError: () => {
    throw new ServiceError(
      'too_large',
      `the file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; nothing was changed`,
    );
  },
});

/** POST /admin/imports: checks the file against the published version and stages it with its report. */
const checkUpload =
  (kit: RouteKit): Handler =>
  async (c) => {
    const { user } = sessionOf(c);
    const db = kit.service.database();
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const fileName = cleanFileName(c.req.header('X-File-Name'));
    const base = await publishedDataset(db);
    const prepared = await prepareInWorker({
      bytes,
      fileName,
      base: base.dataset,
      baseVersion: base.version,
      today: officeToday(),
    });
    // The report is checked against the contract like every answer: the page must be able to read it.
    const checked = safeParse(ImportReportSchema, { id: 'x'.repeat(24), ...prepared.report });
    if (!checked.success) throw new Error(`import report breaks the contract: ${checked.error.message}`);
    const report = await stageImport(db, user, prepared.report, prepared.dataset);
    await audit(db, {
      user,
      action: 'import.checked',
      detail: {
        file: fileName,
        sha256: report.sha256,
        bytes: report.bytes,
        errors: report.errors,
        warnings: report.warnings,
        baseVersion: base.version,
      },
      client: client(c),
    });
    return c.json(report, 200, noStore);
  };

/** POST /admin/imports/{id}/publish: publishes a staged upload (import/publish.ts). */
const publishStaged =
  (kit: RouteKit): Handler =>
  async (c) => {
    const { user } = sessionOf(c);
    const db = kit.service.database();
    const request = await jsonBody(c, PublishRequestSchema, 'send {"acceptWarnings": true|false} as JSON');
    const staged = await stagedImport(db, c.req.param('id') ?? '', user);
    if (!staged) {
      throw new ServiceError(
        'not_found',
        'this upload is unknown or has expired (after a day); upload the file again',
        {
          code: 'import_not_found',
        },
      );
    }
    const { id } = await publishUpload(db, staged, { ...request, editor: user, client: client(c) });
    await dropStagedImport(db, staged.id);
    return published(c, kit, id);
  };

/** GET /admin/versions: every version, newest first. */
const versionList =
  (kit: RouteKit): Handler =>
  async (c) =>
    c.json({ versions: await history(kit.service.database()) }, 200, noStore);

/** POST /admin/versions/{id}/rollback: publishes version {id}'s content again, on top of `basedOn`. */
const rollBack =
  (kit: RouteKit): Handler =>
  async (c) => {
    const { user } = sessionOf(c);
    const db = kit.service.database();
    const hint = 'send {"basedOn": <the current version>} to /admin/versions/<version>/rollback';
    const { basedOn } = await jsonBody(c, RollbackRequestSchema, hint);
    const target = Number(c.req.param('id'));
    if (!Number.isInteger(target) || target < 1) throw new ServiceError('invalid', hint, { code: 'bad_body' });
    const version = await rollback(db, target, user, undefined, basedOn);
    await audit(db, {
      user,
      action: 'data.rolled_back',
      detail: { version, contentOf: target, basedOn },
      client: client(c),
    });
    return published(c, kit, version);
  };

export function updateRoutes(api: Api, kit: RouteKit) {
  api.get('/admin/template.xlsx', requireSession(kit), templateWorkbook(kit));
  api.get('/admin/template/:file', requireSession(kit), templateSheet(kit));
  api.post('/admin/imports', requireEditor(kit), uploadLimit, checkUpload(kit));
  api.post('/admin/imports/:id/publish', requireEditor(kit), publishStaged(kit));
  api.get('/admin/versions', requireSession(kit), versionList(kit));
  api.post('/admin/versions/:id/rollback', requireEditor(kit), rollBack(kit));
}
