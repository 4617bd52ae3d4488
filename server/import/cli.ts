/**
 * `npm run data:export` and `npm run data:import`: the same template, checks, preview and
 * publishing as the admin page, from a terminal, on the server's database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../../src/api/admin';
import { audit } from '../auth/accounts';
import type { Db } from '../db/client';
import { loadDataset, publish } from '../db/publish';
import { publishedVersion } from '../db/versions';
import { templateCsv, templateXlsx } from './export';
import { stampVersion } from './merge';
import { officeToday, publishRefusal } from './prepare';
import { prepareInWorker } from './worker';
import { visible } from './text';

async function published(db: Db) {
  const version = await publishedVersion(db);
  if (!version) throw new Error('no data version has been published yet');
  return { version: version.id, dataset: await loadDataset(db, version.id) };
}

/** Writes the template with the published data: xlsx, or one sheet as CSV (FILE-indicators.csv …). */
export async function exportTemplate(db: Db, file: string): Promise<void> {
  const { version, dataset } = await published(db);
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

/**
 * Checks FILE against the published version and prints the report; with `publishAs`, publishes
 * it when it has no errors (and its warnings are accepted). Returns the exit code.
 */
export async function importFile(
  db: Db,
  file: string,
  options: { publishAs: string | null; acceptWarnings: boolean; confirmRemoval?: number; lang: Lang },
): Promise<number> {
  const { version, dataset } = await published(db);
  const bytes = readFileSync(file);
  const { report, dataset: merged } = await prepareInWorker({
    bytes,
    fileName: basename(file),
    base: dataset,
    baseVersion: version,
    today: officeToday(),
  });
  process.stdout.write(reportText(report, options.lang));
  const zh = options.lang === 'zh-CN';
  if (report.errors > 0 || !merged) {
    process.stderr.write(zh ? '文件有错误，未作任何更改。\n' : 'The file has errors; nothing was changed.\n');
    return 1;
  }
  if (!options.publishAs) return 0;
  const refusal = publishRefusal(report, options);
  if (refusal?.code === 'no_changes') {
    process.stdout.write(zh ? '没有变化，无需发布。\n' : 'Nothing changes; nothing to publish.\n');
    return 0;
  }
  const [user] = await db.query<{ name: string }>('SELECT name FROM users WHERE name = $1 AND NOT disabled', [
    options.publishAs,
  ]);
  if (!user) {
    process.stderr.write(`${options.publishAs}: no such editor (create one with npm run admin:add-user)\n`);
    return 1;
  }
  if (refusal?.code === 'warnings_not_accepted') {
    process.stderr.write(
      zh
        ? `有 ${report.warnings} 条警告：确认无误后加 --accept-warnings 再发布。未作任何更改。\n`
        : `${report.warnings} warnings: read them, then add --accept-warnings to publish. Nothing was changed.\n`,
    );
    return 1;
  }
  if (refusal?.code === 'removal_not_confirmed') {
    const sheets = refusal.removals
      .map((r) =>
        zh
          ? `“${r.name}”表 ${r.published} 行中的 ${r.removed} 行`
          : `${r.removed} of the ${r.published} rows of ${r.name}`,
      )
      .join(zh ? '、' : ', ');
    process.stderr.write(
      visible(
        zh
          ? `发布将删除已发布的${sheets}：确认无误后加 --confirm-removal ${refusal.removal} 再发布。未作任何更改。\n`
          : `Publishing removes ${sheets}: if that is meant, add --confirm-removal ${refusal.removal} to publish. Nothing was changed.\n`,
        { keepLineBreaks: true },
      ),
    );
    return 1;
  }
  if (refusal) {
    process.stderr.write(zh ? '文件有错误，未作任何更改。\n' : 'The file has errors; nothing was changed.\n');
    return 1;
  }
  const counts = report.preview?.counts;
  const published_ = await publish(
    db,
    (v) => stampVersion(merged, v),
    {
      publishedBy: user.name,
      sourceName: report.fileName,
      sourceSha256: report.sha256,
      basedOn: version,
      note: counts
        ? `Imported: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed`
        : 'Imported',
    },
    () => process.stdout.write(zh ? '正在发布…\n' : 'Publishing…\n'),
  );
  await audit(db, {
    user: user.name,
    action: 'data.published',
    detail: { version: published_, file: report.fileName, sha256: report.sha256, counts, via: 'cli' },
    client: 'cli',
  });
  process.stdout.write(zh ? `已发布第 ${published_} 版。\n` : `Published version ${published_}.\n`);
  return 0;
}
