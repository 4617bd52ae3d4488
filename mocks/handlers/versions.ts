import { http } from 'msw';
import type { Dataset } from '../../data/dataset';
import { checkParams } from '../../server/answers/requests';
import { ServiceError } from '../../server/errors';
import { datasetCounts, publishedVersion, versionChanges } from '../../server/import/changes';
import type { VersionRecord } from '../../src/api/admin';
import type { DataVersion } from '../../src/api/meta';
import { API, respond } from './common';

/** One published version of the mock's history, oldest first; the last one is the current version. */
export interface MockVersion {
  version: DataVersion;
  dataset: () => Dataset;
  basedOn: number | null;
  note: string;
}

/** A history of one version: `dataset`, seeded as `version`, with the note the data service would give it. */
export const firstVersion = (dataset: () => Dataset, version: DataVersion): MockVersion[] => [
  {
    version,
    dataset,
    basedOn: null,
    note: dataset().meta.sample ? 'Sample data (demo)' : 'First version, seeded from the report dataset',
  },
];

const recordOf = (v: MockVersion, current: boolean): VersionRecord => ({
  ...v.version,
  publishedBy: 'seed',
  sourceName: '',
  sourceSha256: null,
  basedOn: v.basedOn,
  note: v.note,
  counts: datasetCounts(v.dataset()),
  current,
});

/** `/versions` and `/versions/{id}/changes` over `history`, with the data service's own answers (server/import/changes.ts). */
export const versionHandlers = (history: () => readonly MockVersion[]) => {
  const current = () => history().at(-1)?.version;
  return [
    http.get(`${API}/versions`, ({ request }) =>
      respond(() => {
        checkParams('versions', new URL(request.url).searchParams);
        const list = history();
        return { versions: list.map((v, i) => publishedVersion(recordOf(v, i === list.length - 1))).reverse() };
      }, current()),
    ),
    http.get(`${API}/versions/:id/changes`, ({ request, params }) =>
      respond(() => {
        checkParams('versionChanges', new URL(request.url).searchParams);
        const list = history();
        const index = list.findIndex((v) => String(v.version.id) === params.id);
        const found = list[index];
        if (!found) throw new ServiceError('not_found', `there is no data version ${JSON.stringify(params.id)}`);
        const before = list.find((v) => v.version.id === found.basedOn);
        return versionChanges(
          recordOf(found, index === list.length - 1),
          found.dataset(),
          before ? { version: before.version.id, dataset: before.dataset() } : null,
        );
      }, current()),
    ),
  ];
};
