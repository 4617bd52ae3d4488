/**
 * An upload from bytes to report: read the file, validate it against the published version,
 * merge it, and compare the result with the published version in the sheets' own terms (the
 * preview). Nothing is written here; publishing is publish.ts.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../../data/dataset';
import { MAX_LISTED_CHANGES, REMOVAL_CONFIRM_SHARE } from '../../src/api/admin';
import type { ImportChange, ImportPreview, ImportReport, ImportSheet, SheetRemoval } from '../../src/api/admin';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { kpiList, metaOf, sectorKpis, sectorList } from '../answers/figures';
import { KpiListSchema } from '../../src/api/kpis';
import { MetaSchema } from '../../src/api/meta';
import { ProjectDetailSchema } from '../../src/api/projects';
import { SectorListSchema } from '../../src/api/sectors';
import { mergeUpload } from './merge';
import { readUpload } from './read';
import type { FileProblem } from './read';
import { datasetTables, SHEET_ORDER } from './template';
import type { Cell, SheetSpec, TableRow } from './template';
import { Findings, validateUpload } from './validate';

const MAX_LISTED_ISSUES = 1000;

/** Today in the office's time zone (Chongqing): what counts as "in the future". */
export const officeToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

const cellString = (c: Cell | undefined): string | null =>
  c === null || c === undefined || c === '' ? null : String(c);

/** What publishing `after` on top of `before` changes, row by row and cell by cell in the sheets. */
function compare(before: Dataset, after: Dataset, names: Partial<Record<ImportSheet, string>>) {
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
    const unitOf = (header: string, cells: Cell[]) =>
      /\((.+)\)$/.exec(header)?.[1] ?? (header === '数值' && unitColumn >= 0 ? cellString(cells[unitColumn]) : null);
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

/**
 * The merged data checked against the API's contract, as every answer would give it: a figure
 * the app would refuse must never be published. Null when it passes.
 */
function contractProblem(dataset: Dataset): string | null {
  const { projects, ...figures } = dataset;
  const check = (schema: z.ZodMiniType, value: unknown, what: string) => {
    const result = safeParse(schema, value);
    if (result.success) return null;
    const issue = result.error.issues[0];
    return `${what}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`;
  };
  const meta = check(MetaSchema, metaOf(figures, { id: 1, publishedAt: new Date(0).toISOString() }), 'meta');
  if (meta) return meta;
  for (const { id } of figures.meta.periods) {
    const problem =
      check(SectorListSchema, sectorList(figures, id), `sectors ${id}`) ??
      check(KpiListSchema, kpiList(figures, id, null), `kpis ${id}`) ??
      figures.meta.sectors
        .map((s) => check(KpiListSchema, kpiList(figures, id, s.id), `kpis ${id} ${s.id}`))
        .find(Boolean);
    if (problem) return problem;
  }
  for (const p of projects) {
    const problem = check(ProjectDetailSchema, p, `project ${p.id}`);
    if (problem) return problem;
  }
  return null;
}

/** Whether publishing would change nothing at all. */
export const changesNothing = (preview: ImportPreview | null) =>
  preview !== null &&
  preview.counts.added + preview.counts.changed + preview.counts.removed === 0 &&
  preview.asOf.before === preview.asOf.after;

export interface PreparedImport {
  report: Omit<ImportReport, 'id'>;
  /** What publishing gives; null when the file has errors. */
  dataset: Dataset | null;
}

/**
 * Rows removed from a published sheet by an upload: a warning, so a partial sheet is not
 * published by mistake; past REMOVAL_CONFIRM_SHARE publishing also needs the count confirmed.
 */
function removalWarnings(removals: readonly SheetRemoval[], findings: Findings) {
  for (const { name, removed, published, needsConfirmation } of removals) {
    findings.add({
      severity: 'warning',
      code: 'rows_removed',
      sheet: name,
      message: {
        'zh-CN': `发布后将删除“${name}”表已发布的 ${published} 行中的 ${removed} 行（上传的表中没有这些行），详见预览。${needsConfirmation ? `发布前须另行确认删除这 ${removed} 行。` : ''}`,
        en: `Publishing removes ${removed} of the ${published} published rows of "${name}" (they are not in the uploaded sheet); see the preview.${needsConfirmation ? ` Publishing needs a separate confirmation of these ${removed} removals.` : ''}`,
      },
    });
  }
}

/** Why a checked upload may not be published as asked, or null when it may: the one rule of the admin page and the CLI. */
export type PublishRefusal =
  | { code: 'has_errors'; errors: number }
  | { code: 'no_changes' }
  | { code: 'warnings_not_accepted'; warnings: number }
  | {
      code: 'removal_not_confirmed';
      removal: number;
      removals: SheetRemoval[];
      indicators: NonNullable<ImportPreview['indicatorsRemoved']>;
    };

export function publishRefusal(
  report: Pick<ImportReport, 'errors' | 'warnings' | 'preview'>,
  request: { acceptWarnings: boolean; confirmRemoval?: number | undefined },
): PublishRefusal | null {
  const { preview } = report;
  if (report.errors > 0 || !preview) return { code: 'has_errors', errors: report.errors };
  if (changesNothing(preview)) return { code: 'no_changes' };
  if (report.warnings > 0 && !request.acceptWarnings)
    return { code: 'warnings_not_accepted', warnings: report.warnings };
  if (preview.removalToConfirm > 0 && request.confirmRemoval !== preview.removalToConfirm) {
    return {
      code: 'removal_not_confirmed',
      removal: preview.removalToConfirm,
      removals: preview.removals.filter((r) => r.needsConfirmation),
      indicators: preview.indicatorsRemoved ?? [],
    };
  }
  return null;
}

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  base: Dataset;
  /** The published version `base` is; publishing the upload makes the next one. */
  baseVersion: number;
  /** Today, YYYY-MM-DD: what counts as the future. */
  today: string;
}

/** What every report says of the file itself, whatever became of it. */
export const fileFacts = ({
  bytes,
  fileName,
  baseVersion,
}: Pick<ImportInput, 'bytes' | 'fileName' | 'baseVersion'>) => ({
  fileName,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  bytes: bytes.length,
  baseVersion,
});

/**
 * The report of a file refused as a whole, before anything in it was read into the data (not a
 * spreadsheet, a zip bomb, too many rows, too heavy to check): one error for the file.
 */
export function refusedFile(
  facts: ReturnType<typeof fileFacts>,
  refusal: { format: ImportReport['format']; encoding: ImportReport['encoding']; problem: FileProblem },
): PreparedImport {
  return {
    report: {
      ...facts,
      format: refusal.format,
      encoding: refusal.encoding,
      sheets: [],
      errors: 1,
      warnings: 0,
      issues: [
        {
          severity: 'error',
          code: refusal.problem.code,
          sheet: null,
          row: null,
          column: null,
          header: null,
          value: null,
          message: { 'zh-CN': refusal.problem.zh, en: refusal.problem.en },
        },
      ],
      preview: null,
    },
    dataset: null,
  };
}

/** Reads, validates, merges and compares in this thread; the server and the commands call it through prepareInWorker. */
export async function prepareImport(input: ImportInput): Promise<PreparedImport> {
  const { bytes, fileName, base, baseVersion, today } = input;
  const common = fileFacts(input);
  const read = await readUpload(bytes);
  if (!read.ok) return refusedFile(common, read);
  const { parsed, findings } = validateUpload(read.sheets, base, today, read.format);
  const names = Object.fromEntries(parsed.sheets.map((s) => [s.sheet, s.name])) as Partial<Record<ImportSheet, string>>;
  let dataset: Dataset | null = null;
  let preview: ImportPreview | null = null;
  if (findings.errorCount() === 0) {
    const merged = mergeUpload(
      base,
      parsed,
      { file: fileName, version: baseVersion + 1, format: read.format, sheetNames: names },
      findings,
      today,
    );
    const problem = findings.errorCount() === 0 ? contractProblem(merged) : null;
    if (problem) {
      findings.add({
        severity: 'error',
        code: 'contract',
        sheet: null,
        message: {
          'zh-CN': `导入后的数据不符合看板的数据规范（${problem}）；请核对对应的行。`,
          en: `The data after the import would break the dashboard's data contract (${problem}); check the rows concerned.`,
        },
      });
    }
    if (findings.errorCount() === 0) {
      preview = compare(base, merged, names);
      removalWarnings(preview.removals, findings);
      dataset = merged;
    }
  }
  const order = { error: 0, warning: 1 };
  const issues = [...findings.issues].sort(
    (x, y) =>
      order[x.severity] - order[y.severity] ||
      (x.sheet ?? '').localeCompare(y.sheet ?? '') ||
      (x.row ?? 0) - (y.row ?? 0),
  );
  return {
    report: {
      ...common,
      format: read.format,
      encoding: read.encoding,
      sheets: parsed.sheets,
      errors: findings.errorCount(),
      warnings: issues.length - findings.errorCount(),
      issues: issues.slice(0, MAX_LISTED_ISSUES),
      preview,
    },
    dataset,
  };
}
