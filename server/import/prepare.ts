/**
 * An upload from bytes to report: read the file, validate it against the published version,
 * merge it, and compare the result with the published version in the sheets' own terms (the
 * preview). Nothing is written here; publishing is db/publish.ts.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../../data/dataset';
import { MAX_LISTED_CHANGES } from '../../src/api/admin';
import type { ImportChange, ImportPreview, ImportReport, ImportSheet } from '../../src/api/admin';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { kpiList, metaOf, sectorKpis, sectorList } from '../../data/answers';
import { KpiListSchema } from '../../src/api/kpis';
import { MetaSchema } from '../../src/api/meta';
import { ProjectDetailSchema } from '../../src/api/projects';
import { SectorListSchema } from '../../src/api/sectors';
import { mergeUpload, stampVersion } from './merge';
import { readUpload } from './read';
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
export function compareDatasets(before: Dataset, after: Dataset): ImportPreview {
  return compare(before, after).preview;
}

function compare(before: Dataset, after: Dataset) {
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
  };
  return { preview, removedBySheet };
}

/**
 * The merged data checked against the API's contract, as every answer would give it: a figure
 * the app would refuse must never be published. Null when it passes.
 */
export function contractProblem(dataset: Dataset): string | null {
  const stamped = stampVersion(dataset, 1);
  const { projects, ...figures } = stamped;
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

/** Rows removed from a published sheet by an upload: shown as a warning, so a partial sheet is not published by mistake. */
function removalWarnings(
  removedBySheet: Partial<Record<ImportSheet, number>>,
  findings: Findings,
  names: Partial<Record<ImportSheet, string>>,
) {
  for (const sheet of SHEET_ORDER) {
    const removed = removedBySheet[sheet] ?? 0;
    if (removed === 0) continue;
    findings.add({
      severity: 'warning',
      code: 'rows_removed',
      sheet: names[sheet] ?? null,
      message: {
        'zh-CN': `发布后将删除 ${removed} 行已发布的数据（上传的“${names[sheet]}”表中没有这些行），详见预览。`,
        en: `Publishing removes ${removed} published rows (they are not in the uploaded "${names[sheet]}" sheet); see the preview.`,
      },
    });
  }
}

export async function prepareImport(input: {
  bytes: Buffer;
  fileName: string;
  base: Dataset;
  baseVersion: number;
  /** Today, YYYY-MM-DD: what counts as the future. */
  today: string;
}): Promise<PreparedImport> {
  const { bytes, fileName, base, baseVersion, today } = input;
  const common = {
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    baseVersion,
  };
  const read = await readUpload(bytes);
  if (!read.ok) {
    return {
      report: {
        ...common,
        format: read.format,
        encoding: read.encoding,
        sheets: [],
        errors: 1,
        warnings: 0,
        issues: [
          {
            severity: 'error',
            code: read.problem.code,
            sheet: null,
            row: null,
            column: null,
            header: null,
            value: null,
            message: { 'zh-CN': read.problem.zh, en: read.problem.en },
          },
        ],
        preview: null,
      },
      dataset: null,
    };
  }
  const { parsed, findings } = validateUpload(read.sheets, base, today, read.format);
  const names = Object.fromEntries(parsed.sheets.map((s) => [s.sheet, s.name])) as Partial<Record<ImportSheet, string>>;
  let dataset: Dataset | null = null;
  let preview: ImportPreview | null = null;
  if (findings.errorCount() === 0) {
    const merged = mergeUpload(base, parsed, { file: fileName, sheetNames: names }, findings, today);
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
      const compared = compare(base, merged);
      preview = compared.preview;
      removalWarnings(compared.removedBySheet, findings, names);
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
