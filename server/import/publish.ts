/**
 * Publishing a checked upload: the one way both the admin page (routes/updates.ts) and
 * `npm run data:import -- FILE --publish` (import/cli.ts) publish a file. It checks who
 * publishes and the rule of what may be published (prepare.ts publishRefusal), writes the version
 * with its note and audits it; each caller only translates what it gives back, the version
 * published or a ServiceError, into an HTTP answer or a message and an exit code.
 */
import type { Dataset } from '../../data/dataset';
import type { ImportReport, VersionRecord } from '../../src/api/admin';
import { audit, findEditor } from '../auth/accounts';
import type { Db } from '../db/client';
import { conflictWinner, publish, record } from '../db/publish';
import { ServiceError } from '../errors';
import { publishRefusal } from './prepare';
import type { PublishRefusal } from './prepare';

/** An upload as checked (prepare.ts): its report, and the dataset publishing writes (null with errors). */
export interface CheckedUpload {
  report: Omit<ImportReport, 'id'>;
  dataset: Dataset | null;
}

export interface PublishRequest {
  /** The editor publishing: the signed-in one, or the one named with --as. */
  editor: string;
  acceptWarnings: boolean;
  /** The number of published rows the editor confirms removing, when the preview asks for it. */
  confirmRemoval?: number | undefined;
  /** Who sent it, for the audit log: the client's address, or `cli`. */
  client: string;
  /** Called when the version starts being written (a command says so). */
  onWriting?: () => void;
}

/** A refused publish, in the API's words (the admin page and the command word it from the code). */
function refusalText(refusal: PublishRefusal): string {
  switch (refusal.code) {
    case 'has_errors':
      return `the file has ${refusal.errors} errors; correct them and upload it again`;
    case 'no_changes':
      return 'the file holds the published data unchanged; there is nothing to publish';
    case 'warnings_not_accepted':
      return `read and accept the ${refusal.warnings} warnings before publishing`;
    case 'removal_not_confirmed': {
      const indicators = refusal.indicators.map((i) => `${i.label.en} (${i.kpi}), ${i.figures} figures`).join('; ');
      return `publishing removes ${refusal.removal} published rows (${refusal.removals.map((r) => `${r.name}: ${r.removed} of ${r.published}`).join(', ')})${indicators ? `, among them indicators with published figures: ${indicators} (earlier versions keep them)` : ''}; confirm by sending "confirmRemoval": ${refusal.removal}`;
    }
  }
}

/** The history's note on an imported version: what it changed, and the warnings the editor accepted. */
export function versionNote(report: Pick<ImportReport, 'preview' | 'warnings'>): string {
  const counts = report.preview?.counts;
  if (!counts) return 'Imported';
  const accepted = report.warnings ? `; ${report.warnings} warnings accepted` : '';
  return `Imported: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed${accepted}`;
}

/**
 * Publishes `upload` as the version after the one it was checked against. Throws a ServiceError:
 * `unauthorized` when `editor` is no editor, `refused` (its code the refusal's) when the rule
 * refuses it, `conflict` when another version was published since (audited as refused).
 */
export async function publishUpload(db: Db, upload: CheckedUpload, request: PublishRequest): Promise<VersionRecord> {
  const { report, dataset } = upload;
  const { editor, client } = request;
  if (!(await findEditor(db, editor))) {
    throw new ServiceError('unauthorized', `${editor}: no such editor (create one with npm run admin:add-user)`, {
      code: 'not_an_editor',
    });
  }
  const refusal = publishRefusal(report, request);
  if (refusal || !dataset) {
    const why = refusal ?? { code: 'has_errors', errors: report.errors };
    throw new ServiceError('refused', refusalText(why), { code: why.code });
  }
  let version: number;
  try {
    version = await publish(
      db,
      dataset,
      {
        publishedBy: editor,
        sourceName: report.fileName,
        sourceSha256: report.sha256,
        basedOn: report.baseVersion,
        note: versionNote(report),
      },
      request.onWriting,
    );
  } catch (error) {
    const winner = conflictWinner(error);
    if (winner) {
      await audit(db, {
        user: editor,
        action: 'data.publish_refused',
        detail: { file: report.fileName, baseVersion: report.baseVersion, winner: winner.id },
        client,
      });
    }
    throw error;
  }
  await audit(db, {
    user: editor,
    action: 'data.published',
    detail: {
      version,
      file: report.fileName,
      sha256: report.sha256,
      counts: report.preview?.counts,
      warningsAccepted: report.warnings,
    },
    client,
  });
  const published = await record(db, version);
  if (!published) throw new Error(`version ${version} was published but cannot be read back`);
  return published;
}
