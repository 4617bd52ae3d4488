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
import { history, loadDataset, publish, rollback, VersionConflict, VersionNotFound } from '../db/publish';
import { publishedVersion } from '../db/versions';
import { jsonError } from '../http';
import type { Api, Env, RouteKit } from '../http';
import { templateCsv, templateFileName, templateXlsx, XLSX_TYPE } from '../import/export';
import { stampVersion } from '../import/merge';
import { officeToday, publishRefusal } from '../import/prepare';
import type { PublishRefusal } from '../import/prepare';
import { prepareInWorker } from '../import/worker';
import { client, requireEditor, requireSession } from './admin';

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

async function readJson(c: Context<Env>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/** A refused publish, in the API's words (the admin page words it from the code). */
function refusalText(refusal: PublishRefusal): string {
  switch (refusal.code) {
    case 'has_errors':
      return `the file has ${refusal.errors} errors; correct them and upload it again`;
    case 'no_changes':
      return 'the file holds the published data unchanged; there is nothing to publish';
    case 'warnings_not_accepted':
      return `read and accept the ${refusal.warnings} warnings before publishing`;
    case 'removal_not_confirmed':
      return `publishing removes ${refusal.removal} published rows (${refusal.removals.map((r) => `${r.name}: ${r.removed} of ${r.published}`).join(', ')}); confirm by sending "confirmRemoval": ${refusal.removal}`;
  }
}

const conflict = (c: Context<Env>, error: VersionConflict) =>
  c.body(
    JSON.stringify({
      error: 'version_conflict',
      message: `Version ${error.winner.id} was published by ${error.winner.publishedBy} at ${error.winner.publishedAt} after you started; nothing was changed. Check your file again against version ${error.winner.id}.`,
      winner: error.winner,
    }),
    409,
    { 'Content-Type': 'application/json; charset=utf-8', ...noStore },
  );

export function updateRoutes(api: Api, kit: RouteKit) {
  const db = () => kit.service.database();
  const current = async () => {
    const version = await publishedVersion(db());
    if (!version) throw new VersionNotFound('no data version has been published');
    return { version: version.id, dataset: await loadDataset(db(), version.id) };
  };

  api.get('/admin/template.xlsx', requireSession(kit), async (c) => {
    const { version, dataset } = await current();
    const body = await templateXlsx(dataset, version);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(templateFileName(version, 'xlsx')),
      ...noStore,
    });
  });

  api.get('/admin/template/:file', requireSession(kit), async (c) => {
    const sheet = c.req.param('file').replace(/\.csv$/, '') as ImportSheet;
    if (!c.req.param('file').endsWith('.csv') || !IMPORT_SHEETS.includes(sheet)) {
      return jsonError(
        c,
        404,
        'not_found',
        `no template sheet ${c.req.param('file')}; use ${IMPORT_SHEETS.join(', ')}.csv`,
      );
    }
    const { version, dataset } = await current();
    return c.body(templateCsv(dataset, sheet), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(templateFileName(version, 'csv', sheet)),
      ...noStore,
    });
  });

  api.post(
    '/admin/imports',
    requireEditor(kit),
    bodyLimit({
      maxSize: IMPORT_LIMITS.bytes,
      onError: (c: Context<Env>) =>
        jsonError(
          c,
          413,
          'too_large',
          `the file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; nothing was changed`,
        ),
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) return jsonError(c, 401, 'signed_out', 'not signed in');
      const bytes = Buffer.from(await c.req.arrayBuffer());
      const fileName = cleanFileName(c.req.header('X-File-Name'));
      const base = await current();
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
      const report = await stageImport(db(), session.user, prepared.report, prepared.dataset);
      await audit(db(), {
        user: session.user,
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
    },
  );

  api.post('/admin/imports/:id/publish', requireEditor(kit), async (c) => {
    const session = c.get('session');
    if (!session) return jsonError(c, 401, 'signed_out', 'not signed in');
    const body = safeParse(PublishRequestSchema, await readJson(c));
    if (!body.success) return jsonError(c, 400, 'bad_body', 'send {"acceptWarnings": true|false} as JSON');
    const staged = await stagedImport(db(), c.req.param('id'), session.user);
    if (!staged) {
      return jsonError(
        c,
        404,
        'import_not_found',
        'this upload is unknown or has expired (after a day); upload the file again',
      );
    }
    const { report, dataset } = staged;
    const refusal = publishRefusal(report, body.data);
    if (refusal || !dataset) {
      return jsonError(
        c,
        422,
        refusal?.code ?? 'has_errors',
        refusalText(refusal ?? { code: 'has_errors', errors: 0 }),
      );
    }
    const counts = report.preview?.counts;
    let version: number;
    try {
      version = await publish(db(), (v) => stampVersion(dataset, v), {
        publishedBy: session.user,
        sourceName: report.fileName,
        sourceSha256: report.sha256,
        basedOn: staged.baseVersion,
        note: counts
          ? `Imported: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed${report.warnings ? `; ${report.warnings} warnings accepted` : ''}`
          : 'Imported',
      });
    } catch (error) {
      if (error instanceof VersionConflict) {
        await audit(db(), {
          user: session.user,
          action: 'data.publish_refused',
          detail: { file: report.fileName, baseVersion: staged.baseVersion, winner: error.winner.id },
          client: client(c),
        });
        return conflict(c, error);
      }
      throw error;
    }
    await dropStagedImport(db(), staged.id);
    await audit(db(), {
      user: session.user,
      action: 'data.published',
      detail: { version, file: report.fileName, sha256: report.sha256, counts, warningsAccepted: report.warnings },
      client: client(c),
    });
    kit.service.invalidate();
    const record = (await history(db())).find((r) => r.id === version);
    return c.json({ version: record }, 201, noStore);
  });

  api.get('/admin/versions', requireSession(kit), async (c) => c.json({ versions: await history(db()) }, 200, noStore));

  api.post('/admin/versions/:id/rollback', requireEditor(kit), async (c) => {
    const session = c.get('session');
    if (!session) return jsonError(c, 401, 'signed_out', 'not signed in');
    const target = Number(c.req.param('id'));
    const body = safeParse(RollbackRequestSchema, await readJson(c));
    if (!Number.isInteger(target) || target < 1 || !body.success) {
      return jsonError(
        c,
        400,
        'bad_body',
        'send {"basedOn": <the current version>} to /admin/versions/<version>/rollback',
      );
    }
    let version: number;
    try {
      version = await rollback(db(), target, session.user, undefined, body.data.basedOn);
    } catch (error) {
      if (error instanceof VersionConflict) return conflict(c, error);
      if (error instanceof VersionNotFound) return jsonError(c, 404, 'not_found', error.message);
      throw error;
    }
    await audit(db(), {
      user: session.user,
      action: 'data.rolled_back',
      detail: { version, contentOf: target, basedOn: body.data.basedOn },
      client: client(c),
    });
    kit.service.invalidate();
    const record = (await history(db())).find((r) => r.id === version);
    return c.json({ version: record }, 201, noStore);
  });
}
