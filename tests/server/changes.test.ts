/**
 * The public record of what each version changed (/versions, /versions/{id}/changes): a month is
 * published through the import on a test server, as an office does it, with one published figure
 * corrected; readers then see the versions without the editor's name and the corrected figure
 * with its value before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishedVersionListSchema, VersionChangesSchema } from '../../src/api/changes';
import type { VersionChanges } from '../../src/api/changes';
import { READ_ACCESS_HEADER } from '../../src/api/access';
import { createApp } from '../../server/app';
import { editorOn, silent, startService } from './harness';
import type { Editor, TestServer } from './harness';
import { addMonth, loadWorkbook, MONTH_FILE, saveWorkbook } from './sheets';

const EDITOR = '王芳';

describe('what each published version changed', () => {
  let server: TestServer;
  let editor: Editor;
  /** The published figure the month corrects: its row's label, and its value before and after. */
  let corrected: { key: string; before: string; after: string };

  beforeAll(async () => {
    server = await startService();
    editor = await editorOn(server, EDITOR);
    const template = Buffer.from(
      await (await server.request('/api/v1/admin/template.xlsx', { headers: { Cookie: editor.cookie } })).arrayBuffer(),
    );
    const workbook = await loadWorkbook(template);
    addMonth(workbook);
    // The first published figure of the 指标 sheet, corrected in the same upload.
    const row = workbook.getWorksheet('指标')!.getRow(3);
    const before = Number(row.getCell(5).value);
    row.getCell(5).value = before + 1;
    corrected = {
      // A row of the 指标 sheet is known by its indicator, kind (实际/目标) and period.
      key: [1, 3, 4].map((column) => row.getCell(column).text).join(' '),
      before: String(before),
      after: String(before + 1),
    };
    const report = await editor.upload(await saveWorkbook(workbook), MONTH_FILE);
    expect(report.errors).toBe(0);
    expect((await editor.publish(report.id, { acceptWarnings: true })).status).toBe(201);
  });
  afterAll(() => server.stop());

  const changesOf = async (id: number): Promise<VersionChanges> => {
    const res = await server.request(`/api/v1/versions/${id}/changes`);
    expect(res.status).toBe(200);
    return VersionChangesSchema.parse(await res.json());
  };

  it('lists the published versions newest first, without who published them or from which file', async () => {
    const res = await server.request('/api/v1/versions');
    expect(res.status).toBe(200);
    const text = await res.text();
    const { versions } = PublishedVersionListSchema.parse(JSON.parse(text));
    expect(versions.map((v) => [v.id, v.basedOn, v.current])).toEqual([
      [2, 1, true],
      [1, null, false],
    ]);
    expect(versions[0]?.note).toMatch(/^Imported: \d+ added, 1 changed/);
    expect(versions[0]?.counts.kpiValues).toBeGreaterThan(versions[1]?.counts.kpiValues ?? Infinity);
    for (const secret of [EDITOR, MONTH_FILE, 'publishedBy', 'sourceName', 'sha256', 'Sha256']) {
      expect(text).not.toContain(secret);
    }
  });

  it('lists the figures a version changed, each with its value before and after, and the month it added', async () => {
    const { version, comparedWith, changes } = await changesOf(2);
    expect(version).toMatchObject({ id: 2, basedOn: 1, current: true });
    expect(comparedWith).toBe(1);
    expect(changes?.counts.changed).toBe(1);
    expect(changes?.periodsAdded).toEqual(['2023M08']);
    expect(changes?.periodsRemoved).toEqual([]);
    expect(changes?.asOf).toEqual({ before: '2023-08-26', after: '2023-09-20' });
    expect(changes?.changes).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        sheet: 'indicators',
        key: corrected.key,
        field: '数值',
        before: corrected.before,
        after: corrected.after,
      }),
    );
    // The month's new rows: the signed investment of 2023M08 with its value and unit.
    const signed = changes?.changes.find((c) => c.change === 'added' && c.key === 'investment-signed 实际 2023M08');
    expect(signed?.before).toBeNull();
    expect(signed?.after).toContain('205.6');
    expect(changes?.tiles.map((t) => t.kpi)).toContain('investment-signed');
    const text = JSON.stringify(changes);
    expect(text).not.toContain(EDITOR);
    expect(text).not.toContain(MONTH_FILE);
  });

  it('says the first version has nothing before it', async () => {
    expect(await changesOf(1)).toMatchObject({
      version: { id: 1, basedOn: null, current: false },
      comparedWith: null,
      changes: null,
    });
  });

  it('answers 404 with a reason for a version that does not exist, and 400 to a parameter', async () => {
    for (const id of ['3', '0', 'abc', '1.5']) {
      const res = await server.request(`/api/v1/versions/${id}/changes`);
      expect(res.status, id).toBe(404);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error, id).toBe('not_found');
      expect(body.message, id).toContain('no data version');
    }
    expect((await server.request('/api/v1/versions?x=1')).status).toBe(400);
  });

  it('answers a version’s changes the same after later versions, with which version is current answered afresh', async () => {
    const before = await changesOf(2);
    const back = await editor.post('/admin/versions/1/rollback', JSON.stringify({ basedOn: 2 }), {
      'Content-Type': 'application/json',
    });
    expect(back.status).toBe(201);
    const after = await changesOf(2);
    expect(after.version.current).toBe(false);
    expect(after.changes).toEqual(before.changes);
    // The rollback is a version of its own: it takes back what version 2 changed.
    const rolledBack = await changesOf(3);
    expect(rolledBack).toMatchObject({ version: { id: 3, basedOn: 2, current: true }, comparedWith: 2 });
    expect(rolledBack.changes?.periodsRemoved).toEqual(['2023M08']);
    expect(rolledBack.changes?.changes).toContainEqual(
      expect.objectContaining({ change: 'changed', before: corrected.after, after: corrected.before }),
    );
  });

  it('is closed under READ_ACCESS=login to a reader who is not signed in, as the figures are, and open to an editor', async () => {
    // The same service behind an app configured as READ_ACCESS=login.
    const closed = createApp({ service: server.service, app: null, logger: silent, readAccess: 'login' });
    for (const path of ['/api/v1/versions', '/api/v1/versions/1/changes']) {
      const res = await closed.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get(READ_ACCESS_HEADER), path).toBe('login');
      expect((await closed.request(path, { headers: { Cookie: editor.cookie } })).status, path).toBe(200);
    }
  });
});
