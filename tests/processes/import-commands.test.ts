/**
 * The monthly update as processes: the server with READ_ACCESS=login, and the commands (export,
 * import --dry-run and --publish, history), including a publish killed in the middle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, spawnCli, spawnServer, tempDirs } from '../server/harness';
import { addMonth, loadWorkbook, MONTH_FILE, saveWorkbook } from '../server/sheets';

const answer = async (res: Response) => (await res.json()) as { error?: string };
const tempDir = tempDirs('beibei-import-');

describe('READ_ACCESS=login', () => {
  it('closes the figures to anyone not signed in; the admin sign-in stays open', async () => {
    const dir = tempDir();
    const port = await freePort();
    const server = spawnServer({ DATA_DIR: dir, PORT: String(port), READ_ACCESS: 'login', DIST_DIR: dir });
    try {
      await server.ready();
      expect((await server.request('/readyz')).status).toBe(200);
      const res = await server.request('/api/v1/meta');
      expect(res.status).toBe(401);
      expect((await answer(res)).error).toBe('signed_out');
      expect((await server.request('/api/v1/admin/session')).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('the commands', () => {
  const dir = tempDir();
  const run = async (args: string[], input?: string) => {
    const cli = spawnCli({ DATA_DIR: join(dir, 'db') }, args, input);
    return { code: await cli.exited, out: cli.output() };
  };

  it('export, import --dry-run (non-zero with errors, nothing changed), import --publish, history', async () => {
    const file = join(dir, 'data.xlsx');
    expect((await run(['export', file])).code).toBe(0);
    const workbook = await loadWorkbook(readFileSync(file));
    addMonth(workbook);
    writeFileSync(join(dir, MONTH_FILE), await saveWorkbook(workbook));
    workbook.getWorksheet('产业')!.addRow(['steel', null, '2023M08', 1]);
    writeFileSync(join(dir, 'bad.xlsx'), await saveWorkbook(workbook));

    const bad = await run(['import', join(dir, 'bad.xlsx'), '--dry-run']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('错误 1 个');
    expect(bad.out).toMatch(/错误\s+产业!A\d+\s+“产业代码”的值“steel”不在可用值中/);
    const dry = await run(['import', join(dir, MONTH_FILE), '--dry-run', '--lang', 'en']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Preview: 3 added, 0 changed, 0 removed');
    expect(dry.out).toContain('periods added: 2023M08');

    expect((await run(['add-user', 'editor'], 'long enough password\n')).code).toBe(0);
    const published = await run(['import', join(dir, MONTH_FILE), '--publish', '--as', 'editor']);
    expect(published.out).toContain('已发布第 2 版');
    expect(published.code).toBe(0);
    const listed = await run(['history', '--json']);
    const versions = JSON.parse(listed.out) as { id: number; sourceName: string; current: boolean }[];
    expect(versions.map((v) => [v.id, v.sourceName, v.current])).toEqual([
      [2, MONTH_FILE, true],
      [1, 'data/ (2023 mid-year report)', false],
    ]);
  });

  it('import --publish removing published rows needs --confirm-removal with the count; the report prints no control character', async () => {
    const file = join(dir, 'data-indicators.csv');
    expect((await run(['export', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    const partial = join(dir, 'partial-indicators.csv');
    writeFileSync(partial, lines.slice(0, lines.length - 11).join('\r\n'));
    expect((await run(['add-user', 'editor'], 'long enough password\n')).code).toBe(0);
    const publish = ['import', partial, '--publish', '--as', 'editor', '--accept-warnings'];
    const refused = await run(publish);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /发布将删除已发布的“.*”表 \d+ 行中的 10 行：确认无误后加 --confirm-removal 10 再发布。未作任何更改。/,
    );
    expect((await run([...publish, '--confirm-removal', '9'])).code).toBe(1);
    const confirmed = await run([...publish, '--confirm-removal', '10']);
    expect(confirmed.out).toContain('已发布第');
    expect(confirmed.code).toBe(0);

    const hostile = join(dir, 'hostile-indicators.csv');
    writeFileSync(
      hostile,
      [...lines.slice(0, 3), 'investment-signed,\u001b]0;pwned\u0007\u001b[2J,实际,2023M09,1,亿元'].join('\r\n'),
    );
    const dry = await run(['import', hostile, '--dry-run']);
    // eslint-disable-next-line no-control-regex
    expect(dry.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('a publish killed in the middle leaves the previous version intact', async () => {
    const big = join(dir, 'big');
    const env = { DATA_DIR: big, SEED_EXTRA_PROJECTS: '20000' };
    const exported = join(dir, 'big-projects.csv');
    expect(await spawnCli(env, ['export', exported]).exited).toBe(0);
    // A version of 20,198 projects: a long write, to kill inside.
    const csv = readFileSync(exported, 'utf8').replace(',2023H1,', ',2023M07,');
    writeFileSync(exported, csv);
    expect(await spawnCli(env, ['add-user', 'editor'], 'long enough password\n').exited).toBe(0);
    const publishing = spawnCli(env, ['import', exported, '--publish', '--as', 'editor', '--accept-warnings']);
    await publishing.waitFor(/正在发布/, 60_000);
    publishing.child.kill('SIGKILL');
    await publishing.exited;
    const history = spawnCli(env, ['history', '--json']);
    await history.exited;
    const versions = JSON.parse(history.output()) as { id: number; current: boolean }[];
    expect(versions.map((v) => [v.id, v.current])).toEqual([[1, true]]);
  });
});
