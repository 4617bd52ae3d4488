/**
 * The published versions and what each changed, for readers (the dashboard's /changes page):
 * read like the figures, so READ_ACCESS=login closes them too (app.ts). A version never changes
 * once published: what it changed is computed once per version and kept.
 */
import { parseVersionId, PublishedVersionListSchema, VersionChangesSchema } from '../../src/api/changes';
import type { VersionChanges } from '../../src/api/changes';
import type { Db } from '../db/client';
import { history, loadDataset, record } from '../db/publish';
import { ServiceError } from '../errors';
import type { Api, RouteKit } from '../http';
import { publishedVersion, versionChanges } from '../import/changes';

/** Versions whose changes are kept; the oldest asked for goes first. */
const KEPT_VERSIONS = 64;

async function changesOf(db: Db, id: number): Promise<VersionChanges> {
  const version = await record(db, id);
  if (!version) throw new ServiceError('not_found', `there is no data version ${id}; GET /api/v1/versions lists them`);
  const after = await loadDataset(db, id);
  const before =
    version.basedOn === null ? null : { version: version.basedOn, dataset: await loadDataset(db, version.basedOn) };
  return versionChanges(version, after, before);
}

export function versionRoutes(api: Api, { service, answer }: RouteKit) {
  const kept = new Map<number, Promise<VersionChanges>>();
  const keptChanges = (id: number) => {
    let changes = kept.get(id);
    if (!changes) {
      changes = changesOf(service.database(), id);
      kept.set(id, changes);
      // A failure (an unknown version, the database away) is not kept: the next request asks again.
      changes.catch(() => kept.delete(id));
      if (kept.size > KEPT_VERSIONS) kept.delete(kept.keys().next().value ?? id);
    }
    return changes;
  };

  api.get(
    '/versions',
    answer({
      endpoint: 'versions',
      schema: PublishedVersionListSchema,
      compute: async () => ({ versions: (await history(service.database())).map(publishedVersion) }),
    }),
  );
  api.get(
    '/versions/:id/changes',
    answer({
      endpoint: 'versionChanges',
      schema: VersionChangesSchema,
      compute: async (snapshot, _params, raw) => {
        const id = parseVersionId(raw);
        if (id === null) {
          throw new ServiceError(
            'not_found',
            `there is no data version ${JSON.stringify(raw)}; versions are numbered 1, 2, 3…`,
          );
        }
        const changes = await keptChanges(id);
        // Kept with the version it was computed under; which one is current is the answer's own.
        return { ...changes, version: { ...changes.version, current: id === snapshot.version.id } };
      },
    }),
  );
}
