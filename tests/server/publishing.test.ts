/**
 * One way to publish a file: the admin page (POST /admin/imports/{id}/publish) and the command
 * (`npm run data:import -- FILE --publish --as NAME`, importFile) both publish through
 * publishUpload, so the same file on the same version gives the same version, note and checks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { saveUser } from '../../server/auth/accounts';
import { history } from '../../server/db/publish';
import { ServiceError } from '../../server/errors';
import { importFile } from '../../server/import/cli';
import { templateXlsx } from '../../server/import/export';
import { PublishResultSchema } from '../../src/api/admin';
import { editorOn, startService } from './harness';
import type { TestServer } from './harness';
import { loadWorkbook, saveWorkbook } from './sheets';

const FILE = 'illustrative-jump.xlsx';

describe('publishing from the admin page and from npm run data:import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beibei-publishing-'));
  const file = join(dir, FILE);
  const servers: TestServer[] = [];
  let bytes: Buffer;
  beforeAll(async () => {
    // An illustrative August figure a tenth of the half-year's: a file that publishes only with its warnings accepted.
    const workbook = await loadWorkbook(await templateXlsx(reportDataset, 1));
    workbook.getWorksheet('指标')!.addRow(['investment-signed', null, '实际', '2023M08', 15, '亿元']);
    bytes = await saveWorkbook(workbook);
    writeFileSync(file, bytes);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });
  const started = async () => {
    const server = await startService();
    servers.push(server);
    return server;
  };
  /** The command in this process, its printing kept out of the test's output. */
  const command = async (server: TestServer, options: { publishAs: string; acceptWarnings: boolean }) => {
    const write = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    try {
      await importFile(server.service.database(), file, { ...options, lang: 'en' });
    } finally {
      write.mockRestore();
    }
  };

  it('write the same version with the same note, the accepted warnings included', async () => {
    const page = await started();
    const editor = await editorOn(page, 'editor');
    const report = await editor.upload(bytes, FILE);
    expect(report.warnings).toBe(4);
    const res = await editor.publish(report.id, { acceptWarnings: true });
    expect(res.status).toBe(201);
    const fromPage = PublishResultSchema.parse(await res.json()).version;

    const terminal = await started();
    await saveUser(terminal.service.database(), 'editor', 'long enough password');
    await command(terminal, { publishAs: 'editor', acceptWarnings: true });
    const [fromCommand] = await history(terminal.service.database());

    expect(fromPage.note).toBe('Imported: 1 added, 0 changed, 0 removed; 4 warnings accepted');
    const same = ({ id, publishedBy, sourceName, sourceSha256, basedOn, note, counts }: typeof fromPage) => ({
      id,
      publishedBy,
      sourceName,
      sourceSha256,
      basedOn,
      note,
      counts,
    });
    expect(same(fromCommand!)).toEqual(same(fromPage));
  });

  it('look the editor up the same way: the command refuses a name that is no editor, and publishes nothing', async () => {
    const terminal = await started();
    const refused = command(terminal, { publishAs: 'nobody', acceptWarnings: true });
    await expect(refused).rejects.toBeInstanceOf(ServiceError);
    await expect(refused).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'nobody: no such editor (create one with npm run admin:add-user)',
    });
    expect((await history(terminal.service.database())).map((v) => v.id)).toEqual([1]);
  });

  it('refuse unaccepted warnings with the same rule: 422 on the page, the command’s own words in the terminal', async () => {
    const terminal = await started();
    await saveUser(terminal.service.database(), 'editor', 'long enough password');
    const refused = command(terminal, { publishAs: 'editor', acceptWarnings: false });
    await expect(refused).rejects.toMatchObject({
      kind: 'refused',
      code: 'warnings_not_accepted',
      message: '4 warnings: read them, then add --accept-warnings to publish. Nothing was changed.',
    });
    expect((await history(terminal.service.database())).map((v) => v.id)).toEqual([1]);
  });
});
