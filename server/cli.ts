/**
 * The data commands, on the same DATA_DIR / DATABASE_URL as the server:
 *   npm run data:export -- FILE.xlsx             the import template filled with the published data
 *   npm run data:import -- FILE --dry-run        check FILE (xlsx or csv): report and preview, change nothing
 *   npm run data:import -- FILE --publish --as NAME [--accept-warnings] [--confirm-removal N]
 *                                                check FILE and publish it as a new version
 *   npm run data:history                         every data version, newest first
 *   npm run data:rollback -- VERSION [--as NAME]   publish VERSION's content again as a new version
 *   npm run admin:add-user -- NAME               create an editor (or set a new password); the
 *                                                password is asked twice, or read from stdin
 *   npm run admin:unlock -- NAME                 clear NAME's failed sign-ins, lifting its lock
 * The embedded database is opened by one process at a time: stop the server first (with
 * PostgreSQL the server may keep running; it shows the new version within VERSION_POLL_MS).
 */
import { userInfo } from 'node:os';
import { pino } from 'pino';
import { saveUser, SIGN_IN_LIMITS, unlock } from './auth/accounts';
import { ConfigError, readConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { history, rollback } from './db/publish';
import { exportTemplate, importFile } from './import/cli';
import { seedDataset, seedIfEmpty } from './db/seed';
import type { VersionRecord } from '../src/api/admin';

const USAGE = `Usage:
  npm run data:export -- FILE.xlsx
  npm run data:import -- FILE --dry-run [--lang en]
  npm run data:import -- FILE --publish --as NAME [--accept-warnings] [--confirm-removal N] [--lang en]
  npm run data:history [-- --json]
  npm run data:rollback -- VERSION [--as NAME]
  npm run admin:add-user -- NAME          (password asked twice, or one line on stdin)
  npm run admin:unlock -- NAME            (clears NAME's failed sign-ins)`;

class UsageError extends Error {}

function table(records: readonly VersionRecord[]): string {
  const rows = records.map((r) => [
    `${r.current ? '*' : ' '} ${r.id}`,
    r.publishedAt.replace('T', ' ').slice(0, 19),
    r.publishedBy,
    r.sourceName,
    r.sourceSha256 ? r.sourceSha256.slice(0, 12) : '—',
    String(r.counts.projects ?? '—'),
    String(r.counts.kpiValues ?? '—'),
    r.basedOn === null ? '—' : String(r.basedOn),
  ]);
  const head = ['  version', 'published (UTC)', 'by', 'source', 'sha-256', 'projects', 'figures', 'based on'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), ...rows.map(line), '', '* the version the dashboard serves'].join('\n');
}

/** Reads a line from the terminal without showing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stdout.write(question);
    input.setRawMode(true);
    input.resume();
    let text = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        text = ch === '\u007f' ? text.slice(0, -1) : text + ch;
      }
    };
    input.on('data', onData);
  });
}

/** The new password: asked twice on a terminal, otherwise the first line of stdin. */
async function newPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Password: ');
    const second = await askHidden('Password again: ');
    if (first !== second) throw new UsageError('the two passwords differ; nothing was changed');
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (!['history', 'rollback', 'add-user', 'unlock', 'export', 'import'].includes(command ?? '')) {
    throw new UsageError(USAGE);
  }
  if ((command === 'export' || command === 'import') && !rest[0]) throw new UsageError(USAGE);
  if (command === 'import' && rest.includes('--dry-run') === rest.includes('--publish')) throw new UsageError(USAGE);
  if (command === 'import' && rest.includes('--publish') && !option(rest, '--as')) throw new UsageError(USAGE);
  const userName = command === 'add-user' || command === 'unlock' ? rest[0] : undefined;
  if ((command === 'add-user' || command === 'unlock') && !userName) throw new UsageError(USAGE);
  // Asked before the database is opened, so a mistyped password costs no wait.
  const password = command === 'add-user' ? await newPassword() : '';
  const config = readConfig();
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const db = await openDatabase(config, logger);
  try {
    // The same first start as the server's: the schema, and the report's figures as version 1.
    await migrate(db);
    await seedIfEmpty(db, () => seedDataset(config.seedExtraProjects));
    if (command === 'add-user' && userName) {
      const created = await saveUser(db, userName, password);
      process.stdout.write(`${created ? 'Created' : 'Set a new password for'} editor ${userName}.\n`);
      return;
    }
    if (command === 'unlock' && userName) {
      const { wasLocked, failures } = await unlock(db, userName, `cli:${userInfo().username}`);
      const recent = `${failures} failed sign-in${failures === 1 ? '' : 's'} in the last ${SIGN_IN_LIMITS.name.minutes} min`;
      process.stdout.write(
        wasLocked
          ? `${userName} was locked (${recent}) and is unlocked now.\n`
          : `${userName} was not locked (${recent}); its failed sign-ins are cleared.\n`,
      );
      return;
    }
    if (command === 'export' && rest[0]) {
      await exportTemplate(db, rest[0]);
      return;
    }
    if (command === 'import' && rest[0]) {
      await importFile(db, rest[0], {
        publishAs: rest.includes('--publish') ? (option(rest, '--as') ?? null) : null,
        acceptWarnings: rest.includes('--accept-warnings'),
        confirmRemoval:
          option(rest, '--confirm-removal') === undefined ? undefined : Number(option(rest, '--confirm-removal')),
        lang: option(rest, '--lang') === 'en' ? 'en' : 'zh-CN',
      });
      return;
    }
    if (command === 'history') {
      const records = await history(db);
      process.stdout.write(rest.includes('--json') ? `${JSON.stringify(records, null, 2)}\n` : `${table(records)}\n`);
      return;
    }
    const version = Number(rest[0]);
    // Who rolled back: named with --as, or the account running the command.
    const by = option(rest, '--as') ?? `cli:${userInfo().username}`;
    if (!Number.isInteger(version) || version < 1) throw new UsageError(USAGE);
    const published = await rollback(db, version, by, () =>
      process.stdout.write(`Publishing the content of version ${version} as a new version…\n`),
    );
    process.stdout.write(`Published version ${published} (the content of version ${version}).\n`);
  } finally {
    await db.close();
  }
}

/**
 * How a command ends when it fails: a wrong command line shows the usage and exits 2; anything
 * else (a ServiceError, whatever its kind, a configuration error, the database held by a
 * server) prints its message and exits 1.
 */
function exitCode(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof ConfigError ? `Configuration error: ${message}` : message}\n`);
  process.exit(exitCode(error));
});
