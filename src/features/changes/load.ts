import type { QueryClient } from '@tanstack/react-query';
import { parseVersionId, publishedVersionsOptions, versionChangesOptions } from '../../api/changes';
import { metaOptions } from '../../api/meta';

/** The /changes page's first data: the versions, and the changes of the one asked for (else the current one, which /meta names). */
export function loadChanges(client: QueryClient, url: URL): Promise<unknown> {
  const asked = parseVersionId(url.searchParams.get('version') ?? '');
  const chosen = asked ? Promise.resolve(asked) : client.query(metaOptions()).then((meta) => meta.dataVersion.id);
  return Promise.all([
    client.query(publishedVersionsOptions()),
    chosen.then((id) => client.query(versionChangesOptions(id))),
  ]);
}
