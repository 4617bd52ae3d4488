/**
 * Publishing on a test's own data service (own-server.ts) as an editor does it, through the
 * admin API: signing in, then uploading a corrected sheet of the template and publishing it.
 */
import { expect } from '../fixtures';

/** A request to the admin API (`path` under /api/v1/admin) with the editor's session cookie and CSRF token. */
export type AdminRequest = (
  path: string,
  init?: { body?: BodyInit; headers?: Record<string, string> },
) => Promise<Response>;

/** Signs `editor` in on the server at `url(path)`: the function that sends the editor's admin requests. */
export async function signIn(url: (path: string) => string, editor: string, password: string): Promise<AdminRequest> {
  const res = await fetch(url('/api/v1/admin/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: editor, password }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (path, init = {}) =>
    fetch(url(`/api/v1/admin${path}`), {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, ...init.headers },
      body: init.body,
    });
}

/** Publishes the template's sectors sheet with automotive's Jan–Jul output set to `output`; the new version's id. */
export async function publishAutomotiveOutput(admin: AdminRequest, output: string): Promise<number> {
  const csv = await (await admin('/template/sectors.csv')).text();
  const row = /^automotive,汽车,2023M07,56\.67,/m;
  expect(csv).toMatch(row);
  const upload = await admin('/imports', {
    body: csv.replace(row, `automotive,汽车,2023M07,${output},`),
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent('产业-更正.csv') },
  });
  expect(upload.status).toBe(200);
  const report = (await upload.json()) as { id: string; errors: number };
  expect(report.errors).toBe(0);
  const published = await admin(`/imports/${report.id}/publish`, {
    body: JSON.stringify({ acceptWarnings: true }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(published.status).toBe(201);
  return ((await published.json()) as { version: { id: number } }).version.id;
}
