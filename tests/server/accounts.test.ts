/**
 * Editors' accounts: scrypt password hashes, sign-in with an HttpOnly SameSite=Strict session
 * cookie, CSRF and Origin checks on changes, failed sign-ins limited in the database (per name, per
 * client, for the whole service), an audit row for each step (`npm run admin:add-user` and
 * `admin:unlock` as processes: tests/processes/add-user.test.ts, unlock.test.ts).
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveUser, SIGN_IN_LIMITS, unlock } from '../../server/auth/accounts';
import { HASH_COST, hashPassword, setHashCost, verifyPassword } from '../../server/auth/passwords';
import type { Db } from '../../server/db/client';
import { answerWith, errorHandler } from '../../server/http';
import type { Env } from '../../server/http';
import { adminRoutes } from '../../server/routes/admin';
import { emptyTestPostgres, memoryPglite, openTestPostgres, silent, startService, TEST_DATABASE_URL } from './harness';
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

/**
 * A database that outlives the servers started on it: several at once, or one after another (a
 * restart). On PGlite the servers share one in-memory database; on PostgreSQL each opens its own pool.
 */
interface SharedDatabase {
  open: () => Promise<Db>;
  close: () => Promise<void>;
}

const ONE_MINUTE = 60_000;

function limitSuite(label: string, shared: () => Promise<SharedDatabase>) {
  describe(`sign-in limits on ${label}`, () => {
    let database: SharedDatabase;
    const servers: TestServer[] = [];
    /** The time every server's sign-in limits are counted by; a test moves it instead of waiting. */
    let now = Date.parse('2024-03-01T09:00:00Z');

    /** A data service on the shared database, and its sign-in as a client at `address` sees it. */
    async function startServer() {
      const server = await startService({ open: database.open });
      servers.push(server);
      const api = new Hono<Env>();
      api.onError(errorHandler(silent));
      adminRoutes(api, { service: server.service, answer: answerWith(server.service) }, { now: () => new Date(now) });
      const login = (name: string, password: string, address: string) =>
        api.request(
          '/admin/login',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name, password }),
          },
          // What @hono/node-server gives a request: the socket it came on.
          { incoming: { socket: { remoteAddress: address } } },
        );
      return { server, login };
    }
    const db = () => servers[0]!.service.database();
    const auditRows = async () =>
      (
        await db().query<{ action: string; user_name: string | null; detail: Record<string, unknown> }>(
          'SELECT action, user_name, detail FROM audit_log WHERE id > $1 ORDER BY id',
          [auditBefore],
        )
      ).map((r) => ({ action: r.action, user: r.user_name, ...r.detail }));
    /** The audit log's last row before the test: the test's own rows come after it. */
    let auditBefore = 0;

    beforeAll(async () => {
      // Hundreds of failed sign-ins: hashes a thirty-second as costly as an editor's (what is
      // counted is the same; the cost itself is the test of the passwords above).
      setHashCost({ ...HASH_COST, N: HASH_COST.N / 32 });
      database = await shared();
      await startServer();
      await saveUser(db(), '王芳', 'correct horse battery');
    });
    afterAll(async () => {
      setHashCost(HASH_COST);
      for (const server of servers) await server.stop();
      await database.close();
    });
    beforeEach(async () => {
      // Each test starts a day after the last one: no window of a test reaches into the next.
      now += 24 * 60 * ONE_MINUTE;
      const [last] = await db().query<{ id: string | null }>('SELECT max(id)::text AS id FROM audit_log');
      auditBefore = Number(last?.id ?? 0);
    });

    it('locks a name after five failures from any addresses, refuses even the right password, on another server and after a restart', async () => {
      const { login } = await startServer();
      for (let i = 0; i < 5; i++) {
        const res = await login('王芳', `guess number ${i}`, `192.0.2.${i + 1}`);
        expect(res.status).toBe(401);
        now += ONE_MINUTE;
      }
      const refused = await login('王芳', 'correct horse battery', '198.51.100.7');
      expect(refused.status).toBe(429);
      // The first failure leaves the 15-minute window 10 minutes from now.
      expect(refused.headers.get('retry-after')).toBe('600');
      expect(await refused.json()).toEqual({
        error: 'too_many_attempts',
        message: 'too many failed sign-ins; try again in 10 min',
      });

      // Another server on the same database, and a restart of it, know the lock.
      const other = await startServer();
      expect((await other.login('王芳', 'correct horse battery', '203.0.113.9')).status).toBe(429);
      await other.server.stop();
      const restarted = await startServer();
      now += 9 * ONE_MINUTE;
      const later = await restarted.login('王芳', 'correct horse battery', '203.0.113.9');
      expect(later.status).toBe(429);
      expect(later.headers.get('retry-after')).toBe('60');

      // Refused attempts neither lengthen the lock nor write an audit row each: one row says it began.
      now += ONE_MINUTE;
      expect((await restarted.login('王芳', 'correct horse battery', '203.0.113.9')).status).toBe(200);
      expect(await auditRows()).toEqual([
        ...Array.from({ length: 5 }, () => ({ action: 'session.sign_in_failed', user: '王芳' })),
        { action: 'session.locked', user: '王芳', rule: 'name', failures: 5, minutes: 15 },
        { action: 'session.signed_in', user: '王芳' },
      ]);
    });

    it('clears a name’s failures when it signs in', async () => {
      const { login } = await startServer();
      for (let i = 0; i < 4; i++) expect((await login('王芳', 'not the password', '192.0.2.1')).status).toBe(401);
      expect((await login('王芳', 'correct horse battery', '192.0.2.1')).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login('王芳', 'not the password', '192.0.2.1')).status).toBe(401);
      expect((await login('王芳', 'correct horse battery', '192.0.2.1')).status).toBe(200);
    });

    it('lifts a lock when an admin unlocks the name, and audits it', async () => {
      const { login } = await startServer();
      for (let i = 0; i < 5; i++) expect((await login('王芳', 'not the password', '192.0.2.1')).status).toBe(401);
      expect((await login('王芳', 'correct horse battery', '192.0.2.1')).status).toBe(429);
      expect(await unlock(db(), '王芳', 'cli:root', new Date(now))).toEqual({ wasLocked: true, failures: 5 });
      expect((await login('王芳', 'correct horse battery', '192.0.2.1')).status).toBe(200);
      expect(await unlock(db(), '王芳', 'cli:root', new Date(now))).toEqual({ wasLocked: false, failures: 0 });
      expect((await auditRows()).filter((r) => r.action === 'user.unlocked')).toEqual([
        { action: 'user.unlocked', user: '王芳', wasLocked: true, failures: 5, by: 'cli:root' },
        { action: 'user.unlocked', user: '王芳', wasLocked: false, failures: 0, by: 'cli:root' },
      ]);
    });

    it('limits one address over many names, and not the other addresses', async () => {
      const { login } = await startServer();
      const { failures } = SIGN_IN_LIMITS.client;
      for (let i = 0; i < failures; i++) {
        expect((await login(`name-${i}`, 'not the password', '192.0.2.50')).status).toBe(401);
        // Slower than the whole service's limit: only the address's applies.
        now += 10_000;
      }
      const refused = await login('王芳', 'correct horse battery', '192.0.2.50');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60 - failures * 10);
      expect((await login('王芳', 'correct horse battery', '192.0.2.51')).status).toBe(200);
      expect((await auditRows()).filter((r) => r.action === 'session.locked')).toEqual([
        { action: 'session.locked', user: null, rule: 'client', failures, minutes: 15 },
      ]);
    });

    it('throttles a spray of names from many addresses for the whole service; the audit log stops growing', async () => {
      const { login } = await startServer();
      const statuses: number[] = [];
      // 60 names from 60 addresses in 8.7 s.
      for (let i = 0; i < 60; i++) {
        statuses.push((await login(`sprayed-${i}`, 'password123', `10.0.${i}.1`)).status);
        now += 145;
      }
      const { failures } = SIGN_IN_LIMITS.service;
      expect(statuses).toEqual([...Array<number>(failures).fill(401), ...Array<number>(60 - failures).fill(429)]);
      const rows = await auditRows();
      expect(rows).toHaveLength(failures + 1);
      expect(rows.at(-1)).toEqual({ action: 'session.locked', user: null, rule: 'service', failures, minutes: 1 });

      const refused = await login('王芳', 'correct horse battery', '192.0.2.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      now += ONE_MINUTE;
      expect((await login('王芳', 'correct horse battery', '192.0.2.1')).status).toBe(200);
    });

    it('keeps failed attempts for a day only', async () => {
      const { login } = await startServer();
      for (let i = 0; i < 3; i++) expect((await login(`old-${i}`, 'not the password', '192.0.2.1')).status).toBe(401);
      now += 25 * 60 * ONE_MINUTE;
      expect((await login('new', 'not the password', '192.0.2.1')).status).toBe(401);
      const kept = await db().query<{ name: string }>('SELECT name FROM sign_in_attempts');
      expect(kept.map((r) => r.name)).toEqual(['new']);
    });
  });
}

limitSuite('PGlite', async () => {
  const db = await memoryPglite();
  // Each server "closes" it on stopping; the database itself closes after the suite.
  return { open: () => Promise.resolve({ ...db, close: () => Promise.resolve() }), close: () => db.close() };
});
if (TEST_DATABASE_URL) {
  limitSuite('PostgreSQL (TEST_DATABASE_URL)', async () => {
    const url = await emptyTestPostgres('accounts');
    return { open: openTestPostgres(url), close: () => Promise.resolve() };
  });
}
