/**
 * Editors' accounts: scrypt password hashes, sign-in with an HttpOnly SameSite=Strict session
 * cookie, CSRF and Origin checks on changes, sign-in attempts limited, an audit row for each step
 * (`npm run admin:add-user` as a process: tests/processes/add-user.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptLimiter, saveUser } from '../../server/auth/accounts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';
import { startService } from './harness';
import type { TestServer } from './harness';

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse');
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('the sign-in limiter', () => {
  it('refuses after five failures in fifteen minutes, for that client and name only, until the window passes', () => {
    let now = 0;
    const limiter = new AttemptLimiter(5, 15 * 60_000, () => now);
    for (let i = 0; i < 5; i++) {
      expect(limiter.waitSeconds('1.2.3.4|王芳')).toBe(0);
      limiter.failed('1.2.3.4|王芳');
      now += 1000;
    }
    expect(limiter.waitSeconds('1.2.3.4|王芳')).toBe(15 * 60 - 5);
    expect(limiter.waitSeconds('1.2.3.4|李雷')).toBe(0);
    now += 15 * 60_000;
    expect(limiter.waitSeconds('1.2.3.4|王芳')).toBe(0);
    limiter.failed('x');
    limiter.succeeded('x');
    expect(limiter.waitSeconds('x')).toBe(0);
  });
});

describe('signing in and out', () => {
  let server: TestServer;
  const login = (name: string, password: string, headers: Record<string, string> = {}) =>
    server.request('/api/v1/admin/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ name, password }),
    });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const auditActions = async () =>
    (
      await server.service
        .database()
        .query<{ action: string; user_name: string }>('SELECT action, user_name FROM audit_log ORDER BY id')
    ).map((r) => `${r.action}:${r.user_name}`);

  beforeAll(async () => {
    server = await startService();
    await saveUser(server.service.database(), '王芳', 'correct horse battery');
  });
  afterAll(() => server.stop());

  it('answers a wrong password and an unknown name the same way, and audits both', async () => {
    const wrong = await login('王芳', 'wrong password!');
    const unknown = await login('nobody', 'wrong password!');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'bad_credentials', message: 'wrong name or password' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: 'bad_credentials', message: 'wrong name or password' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['session.sign_in_failed:王芳', 'session.sign_in_failed:nobody']),
    );
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie (Secure behind HTTPS) and a CSRF token', async () => {
    const res = await login('王芳', 'correct horse battery');
    expect(res.status).toBe(200);
    const session = (await res.json()) as { user: string; csrfToken: string; expiresAt: string };
    expect(session.user).toBe('王芳');
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^beibei_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const https = await login('王芳', 'correct horse battery', { 'X-Forwarded-Proto': 'https' });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);

    const who = await server.request('/api/v1/admin/session', { headers: { Cookie: cookieOf(res) } });
    expect(await who.json()).toMatchObject({ user: '王芳', csrfToken: session.csrfToken });
    expect((await server.request('/api/v1/admin/session')).status).toBe(401);
  });

  it('refuses a change without the CSRF token or from another origin, and signs out with it', async () => {
    const res = await login('王芳', 'correct horse battery');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = cookieOf(res);
    const logout = (headers: Record<string, string>) =>
      server.request('http://localhost/api/v1/admin/logout', {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
      });
    expect((await server.request('/api/v1/admin/logout', { method: 'POST' })).status).toBe(401);
    const noToken = await logout({});
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: string }).error).toBe('csrf');
    expect((await logout({ 'X-CSRF-Token': 'x'.repeat(43) })).status).toBe(403);
    const foreign = await logout({ 'X-CSRF-Token': csrfToken, Origin: 'https://evil.example' });
    expect(((await foreign.json()) as { error: string }).error).toBe('foreign_origin');
    const out = await logout({ 'X-CSRF-Token': csrfToken, Origin: 'http://localhost' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/beibei_session=;.*Max-Age=0/);
    expect((await server.request('/api/v1/admin/session', { headers: { Cookie: cookie } })).status).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['session.signed_in:王芳', 'session.signed_out:王芳']));
  });

  it('limits failed sign-ins: the sixth attempt within the window is refused even with the right password', async () => {
    await saveUser(server.service.database(), 'li.lei', 'another good password');
    for (let i = 0; i < 5; i++) expect((await login('li.lei', 'not it at all')).status).toBe(401);
    const refused = await login('li.lei', 'another good password');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await refused.json()) as { error: string }).error).toBe('too_many_attempts');
  });

  it('refuses a body that is not a sign-in, one too large, and changes anywhere but the admin area', async () => {
    const notJson = await server.request('/api/v1/admin/login', { method: 'POST', body: 'name=a&password=b' });
    expect(notJson.status).toBe(400);
    const tooLarge = await server.request('/api/v1/admin/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '10000' },
      body: JSON.stringify({ name: 'a', password: 'b'.repeat(9000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect((await server.request('/api/v1/kpis', { method: 'POST' })).status).toBe(405);
  });
});
