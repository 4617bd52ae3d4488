/**
 * What a data version changes against the one before it, in the sheets' own terms: the import's
 * preview (before publishing) and the public page of each published version's changes (after)
 * read the same comparison. Pure: the mock API in the browser runs it too.
 */
import type { Dataset } from '../../data/dataset';
import { MAX_LISTED_CHANGES, REMOVAL_CONFIRM_SHARE } from '../../src/api/admin';
import type { ImportChange, ImportPreview, ImportSheet, SheetRemoval, VersionRecord } from '../../src/api/admin';
import { MAX_VERSION_CHANGES, PublishedVersionSchema } from '../../src/api/changes';
import type { PublishedVersion, VersionChanges } from '../../src/api/changes';
import { sectorKpis } from '../answers/figures';
import { unitNotation } from './notation';
import { datasetTables, SHEET_ORDER } from './template';
import type { Cell, SheetSpec, TableRow } from './template';

const cellString = (c: Cell | undefined): string | null =>
  c === null || c === undefined || c === '' ? null : String(c);

/**
 * What publishing `after` on top of `before` changes, row by row and cell by cell in the sheets
 * (`names`: the sheets' names as the uploaded file has them, for the removals' wording).
 */
export function compareDatasets(
  before: Dataset,
  after: Dataset,
  names: Partial<Record<ImportSheet, string>> = {},
): ImportPreview {
  const a = datasetTables(before);
  const b = datasetTables(after);
  const changes: ImportChange[] = [];
  const counts = { added: 0, changed: 0, removed: 0 };
  const removedBySheet: Partial<Record<ImportSheet, number>> = {};
  // Tile names as the overview shows them: the district's headline figures and each sector's.
  const tileLabels = new Map(
    [...before.kpis, ...after.kpis, ...sectorKpis(before), ...sectorKpis(after)].map((k) => [k.id, k.label]),
  );
  const tiles = new Map<string, Set<string>>();
  const push = (change: ImportChange) => {
    if (changes.length < MAX_LISTED_CHANGES) changes.push(change);
  };
  const touchTiles = (row: TableRow) => {
    for (const { kpi, period } of row.tiles) tiles.set(kpi, (tiles.get(kpi) ?? new Set<string>()).add(period));
  };
  /** A whole row added or removed, in the sheet's words: "数值 205.6；单位 亿元；同比增速(%) 38.5". */
  const summary = (row: TableRow, spec: SheetSpec) =>
    spec.columns
      .flatMap((col, i) => {
        const text = cellString(row.cells[i]);
        return col.informational || text === null || row.key.split(' ').includes(text) ? [] : [`${col.header} ${text}`];
      })
      .join('；')
      .slice(0, 2000);
  for (const sheet of SHEET_ORDER) {
    const { spec } = a[sheet];
    const unitColumn = spec.columns.findIndex((c) => c.header === '单位');
    // A header's unit in brackets, 增速(%); not any bracket: 颜色(浅色) is a colour of the light theme.
    const unitOf = (header: string, cells: Cell[]) => {
      const bracketed = /\((.+)\)$/.exec(header)?.[1];
      if (bracketed) return unitNotation(bracketed) ? bracketed : null;
      return header === '数值' && unitColumn >= 0 ? cellString(cells[unitColumn]) : null;
    };
    const old = new Map(a[sheet].rows.map((r) => [r.key, r]));
    const now = new Map(b[sheet].rows.map((r) => [r.key, r]));
    for (const row of b[sheet].rows) {
      const prev = old.get(row.key);
      if (!prev) {
        counts.added++;
        touchTiles(row);
        push({
          change: 'added',
          sheet,
          key: row.key,
          label: row.label,
          field: null,
          before: null,
          after: summary(row, spec),
          unit: null,
        });
        continue;
      }
      let rowChanged = false;
      for (const [i, col] of spec.columns.entries()) {
        if (col.informational) continue;
        const x = cellString(prev.cells[i]);
        const y = cellString(row.cells[i]);
        if (x === y) continue;
        rowChanged = true;
        push({
          change: 'changed',
          sheet,
          key: row.key,
          label: row.label,
          field: col.header,
          before: x,
          after: y,
          unit: unitOf(col.header, col.header === '数值' ? row.cells : []),
        });
      }
      if (rowChanged) {
        counts.changed++;
        touchTiles(row);
      }
    }
    for (const row of a[sheet].rows) {
      if (now.has(row.key)) continue;
      counts.removed++;
      removedBySheet[sheet] = (removedBySheet[sheet] ?? 0) + 1;
      touchTiles(row);
      push({
        change: 'removed',
        sheet,
        key: row.key,
        label: row.label,
        field: null,
        before: summary(row, spec),
        after: null,
        unit: null,
      });
    }
  }
  // An indicator with published figures or a target leaves the dashboard only when confirmed, however few go.
  const kept = new Set(after.kpis.map((k) => k.id));
  const indicatorsRemoved = before.kpis.flatMap((k) => {
    const figures = Object.values(k.values).filter(Boolean).length + (k.target ? 1 : 0);
    return kept.has(k.id) || figures === 0 ? [] : [{ kpi: k.id, label: k.label, figures }];
  });
  const removals = SHEET_ORDER.flatMap((sheet): SheetRemoval[] => {
    const removed = removedBySheet[sheet] ?? 0;
    const published = a[sheet].rows.length;
    if (removed === 0) return [];
    const name = names[sheet] ?? a[sheet].spec.name;
    const withFigures = sheet === 'indicatorCatalog' && indicatorsRemoved.length > 0;
    return [
      {
        sheet,
        name,
        removed,
        published,
        needsConfirmation: withFigures || removed > published * REMOVAL_CONFIRM_SHARE,
      },
    ];
  });
  const ids = (d: Dataset) => new Set(d.meta.periods.map((p) => p.id));
  const [pa, pb] = [ids(before), ids(after)];
  const preview: ImportPreview = {
    counts,
    changes,
    tiles: [...tiles.entries()].flatMap(([kpi, periods]) => {
      const label = tileLabels.get(kpi);
      return label ? [{ kpi, label, periods: [...periods].sort() }] : [];
    }),
    periodsAdded: [...pb].filter((p) => !pa.has(p)),
    periodsRemoved: [...pa].filter((p) => !pb.has(p)),
    asOf: { before: before.meta.asOf, after: after.meta.asOf },
    removals,
    removalToConfirm: removals.reduce((n, r) => n + (r.needsConfirmation ? r.removed : 0), 0),
    ...(indicatorsRemoved.length > 0 ? { indicatorsRemoved } : {}),
  };
  return preview;
}

/** How much a version holds, as its record counts it. */
export const datasetCounts = (dataset: Dataset) => ({
  kpis: dataset.kpis.length,
  kpiValues: dataset.kpis.reduce((n, k) => n + Object.keys(k.values).length, 0),
  sectorFigures: dataset.sectorFigures.length,
  namedFirms: dataset.namedFirms.length,
  projects: dataset.projects.length,
});

/**
 * A version as the public may see it: the contract's fields only (an object schema drops the
 * others), so not who published it, nor the file it came from.
 */
export const publishedVersion = (record: VersionRecord): PublishedVersion => PublishedVersionSchema.parse(record);

/**
 * What `version` changed against the version it was based on (`before`, with its content), or,
 * for the first version, which has nothing before it, that it is the first.
 */
export function versionChanges(
  version: VersionRecord,
  after: Dataset,
  before: { version: number; dataset: Dataset } | null,
): VersionChanges {
  if (!before) return { version: publishedVersion(version), comparedWith: null, changes: null };
  const { counts, changes, tiles, periodsAdded, periodsRemoved, asOf } = compareDatasets(before.dataset, after);
  return {
    version: publishedVersion(version),
    comparedWith: before.version,
    changes: { counts, changes: changes.slice(0, MAX_VERSION_CHANGES), tiles, periodsAdded, periodsRemoved, asOf },
  };
}
