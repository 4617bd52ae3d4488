/**
 * What each published data version changed: the versions, newest first, and for each the figures
 * it changed against the version it was based on, as the import's preview showed them before it
 * was published. Read like the figures (public, or signed-in only under READ_ACCESS=login); no
 * editor's name or file is in it.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ImportChangeSchema, ImportPreviewSchema } from './admin';
import { apiGet } from './client';
import { figureAnswer } from './versions';

const VersionIdSchema = z.int().check(z.gte(1));

export const PublishedVersionSchema = z.object({
  id: VersionIdSchema,
  publishedAt: z.iso.datetime({ offset: true }),
  /** What the version is, as its publishing recorded it (e.g. `Imported: 3 added, 2 changed, 0 removed`). */
  note: z.string().check(z.maxLength(1000)),
  /** How much it holds: kpis, kpiValues, sectorFigures, namedFirms, projects. */
  counts: z.record(z.string(), z.int().check(z.gte(0))),
  /** The version it was published on top of; null for the first. */
  basedOn: z.nullable(VersionIdSchema),
  /** The version the dashboard serves now. */
  current: z.boolean(),
});
export type PublishedVersion = z.infer<typeof PublishedVersionSchema>;

export const PublishedVersionListSchema = z.object({
  versions: z.array(PublishedVersionSchema).check(z.maxLength(10_000)),
});
export type PublishedVersionList = z.infer<typeof PublishedVersionListSchema>;

/** The changed rows an answer lists; `counts` has them all. */
export const MAX_VERSION_CHANGES = 500;

/** What the import's preview said before publishing, as far as readers need it. */
const preview = ImportPreviewSchema.shape;

export const VersionChangesSchema = z.object({
  version: PublishedVersionSchema,
  /** The version it is compared with (the one it was based on); null for the first version, which has no before. */
  comparedWith: z.nullable(VersionIdSchema),
  /** Null for the first version (the report): everything in it is new. */
  changes: z.nullable(
    z.object({
      counts: preview.counts,
      /** The first MAX_VERSION_CHANGES changes; `counts` has them all. */
      changes: z.array(ImportChangeSchema).check(z.maxLength(MAX_VERSION_CHANGES)),
      tiles: preview.tiles,
      periodsAdded: preview.periodsAdded,
      periodsRemoved: preview.periodsRemoved,
      asOf: preview.asOf,
    }),
  ),
});
export type VersionChanges = z.infer<typeof VersionChangesSchema>;

/** A version's number as an address gives it (`?version=2`); null when it is not one. */
export const parseVersionId = (raw: string): number | null => (/^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);

export const changeKeys = {
  all: ['changes'] as const,
  versions: () => [...changeKeys.all, 'versions'] as const,
  of: (id: number) => [...changeKeys.all, 'version', id] as const,
};

/** The published versions: a figure query, so an open page's list follows a new version. */
export const publishedVersionsOptions = () =>
  queryOptions(figureAnswer(changeKeys.versions(), '/versions', PublishedVersionListSchema));

/** What version `id` changed: a version never changes once published, so its answer is kept. */
export const versionChangesOptions = (id: number) =>
  queryOptions({
    queryKey: changeKeys.of(id),
    queryFn: ({ signal }) => apiGet(`/versions/${id}/changes`, VersionChangesSchema, { signal }),
    staleTime: Infinity,
  });
