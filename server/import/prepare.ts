/**
 * An upload from bytes to report: read the file, validate it against the published version,
 * merge it, and compare the result with the published version in the sheets' own terms (the
 * preview, changes.ts). Nothing is written here; publishing is publish.ts.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../../data/dataset';
import type { ImportPreview, ImportReport, ImportSheet, SheetRemoval } from '../../src/api/admin';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { compactKpiList, kpiList, metaOf, sectorList } from '../answers/figures';
import { KpiListSchema } from '../../src/api/kpis';
import { MetaSchema } from '../../src/api/meta';
import { ProjectDetailSchema } from '../../src/api/projects';
import { SectorListSchema } from '../../src/api/sectors';
import { compareDatasets } from './changes';
import { mergeUpload } from './merge';
import { readUpload } from './read';
import type { FileProblem } from './read';
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
      check(KpiListSchema, compactKpiList(kpiList(figures, id, null)), `kpis ${id}`) ??
      figures.meta.sectors
        .map((s) => check(KpiListSchema, compactKpiList(kpiList(figures, id, s.id)), `kpis ${id} ${s.id}`))
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
      preview = compareDatasets(base, merged, names);
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
