/**
 * `npm run data:export` and `npm run data:import`: the same template, checks, preview and
 * publishing as the admin page, from a terminal, on the server's database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../../src/api/admin';
import type { Db } from '../db/client';
import { publishedDataset } from '../db/publish';
import { ServiceError } from '../errors';
import { templateCsv, templateXlsx } from './export';
import { officeToday } from './prepare';
import { publishUpload } from './publish';
import { prepareInWorker } from './worker';
import { visible } from './text';

/** Writes the template with the published data: xlsx, or one sheet as CSV (FILE-indicators.csv …). */
export async function exportTemplate(db: Db, file: string): Promise<void> {
  const { version, dataset } = await publishedDataset(db);
  const sheet = /-(indicators|sectors|projects)\.csv$/i.exec(file)?.[1]?.toLowerCase();
  if (file.toLowerCase().endsWith('.csv')) {
    if (!sheet)
      throw new Error('a CSV holds one sheet: name the file …-indicators.csv, …-sectors.csv or …-projects.csv');
    writeFileSync(file, templateCsv(dataset, sheet as 'indicators' | 'sectors' | 'projects'));
  } else {
    writeFileSync(file, await templateXlsx(dataset, version));
  }
  process.stdout.write(`Wrote ${file}: the template with version ${version}'s data.\n`);
}

type Lang = 'zh-CN' | 'en';

export function reportText(report: Omit<ImportReport, 'id'>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const lines: string[] = [];
  lines.push(
    `${report.fileName}  ${report.bytes} bytes  ${report.format ?? '?'}${report.encoding ? ` (${report.encoding})` : ''}  sha256 ${report.sha256.slice(0, 12)}…`,
  );
  for (const s of report.sheets)
    lines.push(`  ${zh ? '表' : 'sheet'} ${s.name} (${s.sheet}): ${s.rows} ${zh ? '行' : 'rows'}`);
  lines.push(
    zh
      ? `错误 ${report.errors} 个，警告 ${report.warnings} 个（对照第 ${report.baseVersion} 版）`
      : `${report.errors} errors, ${report.warnings} warnings (against version ${report.baseVersion})`,
  );
  for (const i of report.issues) {
    const where = [
      i.sheet,
      i.column && i.row ? `${i.column}${i.row}` : i.row ? `${zh ? '第' : 'row '}${i.row}${zh ? '行' : ''}` : null,
    ]
      .filter(Boolean)
      .join('!');
    const tag = i.severity === 'error' ? (zh ? '错误' : 'ERROR') : zh ? '警告' : 'warning';
    lines.push(`  ${tag.padEnd(7)} ${where.padEnd(10)} ${i.message[lang]}${i.value === null ? '' : `  [${i.value}]`}`);
  }
  const p = report.preview;
  if (p) {
    lines.push(
      zh
        ? `预览：新增 ${p.counts.added} 行，修改 ${p.counts.changed} 行，删除 ${p.counts.removed} 行`
        : `Preview: ${p.counts.added} added, ${p.counts.changed} changed, ${p.counts.removed} removed`,
    );
    if (p.periodsAdded.length) lines.push(`  ${zh ? '新增时期' : 'periods added'}: ${p.periodsAdded.join(', ')}`);
    if (p.periodsRemoved.length) lines.push(`  ${zh ? '删除时期' : 'periods removed'}: ${p.periodsRemoved.join(', ')}`);
    if (p.asOf.before !== p.asOf.after)
      lines.push(`  ${zh ? '数据截至' : 'as of'}: ${p.asOf.before} → ${p.asOf.after}`);
    for (const t of p.tiles)
      lines.push(`  ${zh ? '首页指标' : 'headline tile'}: ${t.label[lang]} (${t.periods.join(', ')})`);
    for (const c of p.changes.slice(0, 50)) {
      const detail =
        c.change === 'changed'
          ? `${c.field}: ${c.before ?? '—'} → ${c.after ?? '—'}${c.unit ? ` ${c.unit}` : ''}`
          : ((c.change === 'added' ? c.after : c.before) ?? '');
      lines.push(`  ${c.change.padEnd(7)} ${c.label[lang]} ${detail}`);
    }
    if (p.changes.length > 50) lines.push(`  … ${p.changes.length - 50} ${zh ? '项更多变化' : 'more'}`);
    if (p.counts.added + p.counts.changed + p.counts.removed === 0) lines.push(zh ? '  没有变化。' : '  No changes.');
  }
  // Every text from the file is shown, never acted on by the terminal (escape sequences, bidi overrides).
  return `${lines.map((line) => visible(line)).join('\n')}\n`;
}

/** Why publishing was refused, in the command's words (its options, the report's counts). */
function refusalText(code: string, report: Omit<ImportReport, 'id'>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (code) {
    case 'warnings_not_accepted':
      return zh
        ? `有 ${report.warnings} 条警告：确认无误后加 --accept-warnings 再发布。未作任何更改。`
        : `${report.warnings} warnings: read them, then add --accept-warnings to publish. Nothing was changed.`;
    case 'removal_not_confirmed': {
      const removals = report.preview?.removals.filter((r) => r.needsConfirmation) ?? [];
      const count = report.preview?.removalToConfirm ?? 0;
      const sheets = removals
        .map((r) =>
          zh
            ? `“${r.name}”表 ${r.published} 行中的 ${r.removed} 行`
            : `${r.removed} of the ${r.published} rows of ${r.name}`,
        )
        .join(zh ? '、' : ', ');
      const indicators = (report.preview?.indicatorsRemoved ?? [])
        .map((i) => (zh ? `“${i.label['zh-CN']}”（${i.figures} 项数据）` : `"${i.label.en}" (${i.figures} figures)`))
        .join(zh ? '、' : ', ');
      const also = indicators
        ? zh
          ? `，其中包括已有数据的指标${indicators}（以前的版本仍保留）`
          : `, among them indicators with published figures: ${indicators} (earlier versions keep them)`
        : '';
      return visible(
        zh
          ? `发布将删除已发布的${sheets}${also}：确认无误后加 --confirm-removal ${count} 再发布。未作任何更改。`
          : `Publishing removes ${sheets}${also}: if that is meant, add --confirm-removal ${count} to publish. Nothing was changed.`,
      );
    }
    default:
      return zh ? '文件有错误，未作任何更改。' : 'The file has errors; nothing was changed.';
  }
}

/**
 * Checks FILE against the published version and prints the report; with `publishAs`, publishes
 * it (publishUpload) when it has no errors and its warnings are accepted. A file with errors, or
 * one publishing refuses, is a ServiceError whose message says why in the command's words.
 */
export async function importFile(
  db: Db,
  file: string,
  options: { publishAs: string | null; acceptWarnings: boolean; confirmRemoval?: number; lang: Lang },
): Promise<void> {
  const { version, dataset } = await publishedDataset(db);
  const bytes = readFileSync(file);
  const upload = await prepareInWorker({
    bytes,
    fileName: basename(file),
    base: dataset,
    baseVersion: version,
    today: officeToday(),
  });
  const { report } = upload;
  process.stdout.write(reportText(report, options.lang));
  const zh = options.lang === 'zh-CN';
  if (report.errors > 0 || !upload.dataset) {
    throw new ServiceError('refused', refusalText('has_errors', report, options.lang), { code: 'has_errors' });
  }
  if (!options.publishAs) return;
  try {
    const published = await publishUpload(db, upload, {
      editor: options.publishAs,
      acceptWarnings: options.acceptWarnings,
      confirmRemoval: options.confirmRemoval,
      client: 'cli',
      onWriting: () => process.stdout.write(zh ? '正在发布…\n' : 'Publishing…\n'),
    });
    process.stdout.write(zh ? `已发布第 ${published.id} 版。\n` : `Published version ${published.id}.\n`);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.kind !== 'refused') throw error;
    // Nothing to publish is not a failure: the published data already is the file's.
    if (error.code === 'no_changes') {
      process.stdout.write(zh ? '没有变化，无需发布。\n' : 'Nothing changes; nothing to publish.\n');
      return;
    }
    throw new ServiceError('refused', refusalText(error.code, report, options.lang), {
      code: error.code,
      cause: error,
    });
  }
}
