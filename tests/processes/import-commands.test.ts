/**
 * The monthly update as processes: the server with READ_ACCESS=login, and the commands (export,
 * import --dry-run and --publish, history), including a publish killed in the middle.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../server/harness';
import { addMonth, loadWorkbook, MONTH_FILE, saveWorkbook } from '../server/sheets';

const answer = async (res: Response) => (await res.json()) as { error?: string };

describe('READ_ACCESS=login', () => {
  it('closes the figures to anyone not signed in; the admin sign-in stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beibei-read-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawnServer({ DATA_DIR: dir, PORT: String(port), READ_ACCESS: 'login', DIST_DIR: dir });
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready = false;
      for (let i = 0; i < 600 && !ready; i++) {
        ready = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      const res = await fetch(`${base}/api/v1/meta`);
      expect(res.status).toBe(401);
      expect((await answer(res)).error).toBe('signed_out');
      expect((await fetch(`${base}/api/v1/admin/session`)).status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the commands', () => {
  let dir: string;
  const run = (args: string[], input?: string) => {
    const child = spawnServer({ DATA_DIR: join(dir, 'db') }, ['server/cli.ts', ...args]);
    if (input !== undefined) child.child.stdin.end(input);
    return new Promise<{ code: number | null; out: string }>((resolve) =>
      child.child.once('exit', (code) => resolve({ code, out: child.output() })),
    );
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'beibei-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    const exportRun = spawnServer({ ...env }, ['server/cli.ts', 'export', exported]);
    await new Promise((r) => exportRun.child.once('exit', r));
    // A version of 20,198 projects: a long write, to kill inside.
    const csv = readFileSync(exported, 'utf8').replace(',2023H1,', ',2023M07,');
    writeFileSync(exported, csv);
    const add = spawnServer(env, ['server/cli.ts', 'add-user', 'editor']);
    add.child.stdin.end('long enough password\n');
    await new Promise((r) => add.child.once('exit', r));
    const publishing = spawnServer(env, [
      'server/cli.ts',
      'import',
      exported,
      '--publish',
      '--as',
      'editor',
      '--accept-warnings',
    ]);
    for (let i = 0; i < 1200 && !publishing.output().includes('正在发布'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(publishing.output()).toContain('正在发布');
    publishing.child.kill('SIGKILL');
    await new Promise((r) => publishing.child.once('exit', r));
    const history = spawnServer(env, ['server/cli.ts', 'history', '--json']);
    await new Promise((r) => history.child.once('exit', r));
    const versions = JSON.parse(history.output()) as { id: number; current: boolean }[];
    expect(versions.map((v) => [v.id, v.current])).toEqual([[1, true]]);
  });
});
