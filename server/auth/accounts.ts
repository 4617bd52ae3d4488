/**
 * Editors, their sessions and the audit log. A session is a random token in an HttpOnly,
 * SameSite=Strict cookie (only its SHA-256 is stored) with a CSRF token the page sends back in a
 * header on every change; failed sign-ins are limited per name, per client and for the whole
 * service (SIGN_IN_LIMITS).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/client';
import { ServiceError } from '../errors';
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export const SESSION_HOURS = 8;
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const token = () => randomBytes(32).toString('base64url');

export function checkNewAccount(name: string, password: string): void {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
    throw new ServiceError('invalid', 'a user name is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ServiceError('invalid', `a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export interface Editor {
  id: number;
  name: string;
  passwordHash: string;
}

/** The editor of this name, or null when there is none or the account is disabled. */
export async function findEditor(sql: Sql, name: string): Promise<Editor | null> {
  const [row] = await sql.query<{ id: number; password_hash: string }>(
    'SELECT id, password_hash FROM users WHERE name = $1 AND NOT disabled',
    [name],
  );
  return row ? { id: row.id, name, passwordHash: row.password_hash } : null;
}

/** Creates an editor, or sets a new password for an existing one. Returns whether it was new. */
export async function saveUser(sql: Sql, name: string, password: string): Promise<boolean> {
  checkNewAccount(name, password);
  const [row] = await sql.query<{ created: boolean }>(
    `INSERT INTO users (name, password_hash) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, disabled = false
     RETURNING (xmax = 0) AS created`,
    [name, await hashPassword(password)],
  );
  await audit(sql, { user: name, action: row?.created ? 'user.created' : 'user.password_set' });
  return row?.created ?? false;
}

export interface Session {
  user: string;
  csrfToken: string;
  expiresAt: string;
}

/** The signed-in session for a cookie token, or null (unknown, expired or disabled). */
export async function sessionFor(sql: Sql, cookieToken: string): Promise<Session | null> {
  const [row] = await sql.query<{ name: string; csrf_token: string; expires_at: string }>(
    `SELECT u.name, s.csrf_token, to_char(s.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [sha256(cookieToken)],
  );
  return row ? { user: row.name, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

/**
 * How many failed sign-ins are allowed within how many minutes before further sign-ins are refused
 * (429 with Retry-After) for the rest of that window. Failures are counted in the database, so the
 * limits hold across restarts and across several servers on one PostgreSQL.
 */
export const SIGN_IN_LIMITS = {
  /** One name, from any address: someone guessing an editor's password. */
  name: { failures: 5, minutes: 15 },
  /** One client address, over any names. */
  client: { failures: 20, minutes: 15 },
  /** The whole service: a spray of names from many addresses. */
  service: { failures: 30, minutes: 1 },
} as const;
type LimitRule = keyof typeof SIGN_IN_LIMITS;

/** Failed sign-ins are kept this long, well beyond every window; each new one deletes older ones. */
const ATTEMPTS_KEPT_HOURS = 24;

export type SignInResult =
  | { kind: 'signed_in'; cookieToken: string; session: Session }
  /** A wrong name or password: the same answer for both, after the same work, so names cannot be probed. */
  | { kind: 'wrong' }
  /** Refused before the password was checked: a limit is reached; try again after `retryAfter` seconds. */
  | { kind: 'limited'; retryAfter: number };

const recentFailuresOf = (where: string, limit: string, minutes: string) => `
  SELECT count(*)::integer AS failures,
         -- The failure that has to leave the window before another attempt is allowed.
         ceil(extract(epoch FROM (array_agg(at ORDER BY at DESC))[${limit} + 1]
           + make_interval(mins => ${minutes}) - $1::timestamptz))::integer AS wait
  FROM sign_in_attempts
  WHERE ${where} AND at > $1::timestamptz - make_interval(mins => ${minutes})`;

/** Per rule, the failures in its window (this attempt's included) and the wait when they are over its limit. */
async function recentFailures(
  sql: Sql,
  at: string,
  name: string,
  client: string,
): Promise<{ rule: LimitRule; failures: number; wait: number | null }[]> {
  const { name: byName, client: byClient, service } = SIGN_IN_LIMITS;
  return sql.query(
    `SELECT 'name' AS rule, * FROM (${recentFailuresOf('name = $2', '$4::integer', '$5::integer')}) n
     UNION ALL SELECT 'client', * FROM (${recentFailuresOf('client = $3', '$6::integer', '$7::integer')}) c
     UNION ALL SELECT 'service', * FROM (${recentFailuresOf('true', '$8::integer', '$9::integer')}) s`,
    [
      at,
      name,
      client,
      byName.failures,
      byName.minutes,
      byClient.failures,
      byClient.minutes,
      service.failures,
      service.minutes,
    ],
  );
}

/**
 * Signs in, within the limits of SIGN_IN_LIMITS, and audits it. The attempt is written as a
 * failure before the password is checked, so attempts on several servers at once count each
 * other; a refused one is taken back (it does not lengthen a lock) and a successful one clears the
 * name's failures. A refusal costs no password hash and writes no audit row; the failure that
 * reaches a limit writes one `session.locked`.
 */
export async function signIn(
  sql: Sql,
  { name, password, client }: { name: string; password: string; client: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const at = now.toISOString();
  const [attempt] = await sql.query<{ id: string }>(
    'INSERT INTO sign_in_attempts (at, name, client) VALUES ($1, $2, $3) RETURNING id',
    [at, name, client],
  );
  await sql.query('DELETE FROM sign_in_attempts WHERE at < $1::timestamptz - make_interval(hours => $2)', [
    at,
    ATTEMPTS_KEPT_HOURS,
  ]);
  const rules = await recentFailures(sql, at, name, client);
  const over = rules.filter((r) => r.wait !== null);
  if (over.length > 0) {
    await sql.query('DELETE FROM sign_in_attempts WHERE id = $1', [attempt?.id]);
    return { kind: 'limited', retryAfter: Math.max(1, ...over.map((r) => r.wait ?? 0)) };
  }

  const user = await findEditor(sql, name);
  // An unknown name still costs a hash, like a known one.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) {
    await audit(sql, { user: name, action: 'session.sign_in_failed', client });
    for (const { rule, failures } of rules) {
      if (failures !== SIGN_IN_LIMITS[rule].failures) continue;
      await audit(sql, {
        user: rule === 'name' ? name : null,
        action: 'session.locked',
        detail: { rule, ...SIGN_IN_LIMITS[rule] },
        client,
      });
    }
    return { kind: 'wrong' };
  }
  await sql.query('DELETE FROM sign_in_attempts WHERE name = $1', [name]);
  const cookieToken = token();
  const csrfToken = token();
  const [row] = await sql.query<{ expires_at: string }>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at`,
    [sha256(cookieToken), user.id, csrfToken, SESSION_HOURS],
  );
  await sql.query('DELETE FROM sessions WHERE expires_at < now()');
  await audit(sql, { user: name, action: 'session.signed_in', client });
  return { kind: 'signed_in', cookieToken, session: { user: name, csrfToken, expiresAt: row?.expires_at ?? '' } };
}

/**
 * Clears a name's failed sign-ins, which lifts its lock (`npm run admin:unlock`), and audits it.
 * Returns whether the name was locked and how many failures were in its window.
 */
export async function unlock(
  sql: Sql,
  name: string,
  by: string,
  now: Date = new Date(),
): Promise<{ wasLocked: boolean; failures: number }> {
  const { failures: limit, minutes } = SIGN_IN_LIMITS.name;
  const [row] = await sql.query<{ failures: number }>(
    `WITH cleared AS (DELETE FROM sign_in_attempts WHERE name = $1 RETURNING at)
     SELECT count(*)::integer AS failures FROM cleared WHERE at > $2::timestamptz - make_interval(mins => $3)`,
    [name, now.toISOString(), minutes],
  );
  const failures = row?.failures ?? 0;
  const wasLocked = failures >= limit;
  await audit(sql, { user: name, action: 'user.unlocked', detail: { wasLocked, failures, by } });
  return { wasLocked, failures };
}

export async function signOut(sql: Sql, cookieToken: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(cookieToken)]);
}

export async function audit(
  sql: Sql,
  entry: { user: string | null; action: string; detail?: Record<string, unknown>; client?: string | null },
): Promise<void> {
  await sql.query('INSERT INTO audit_log (user_name, action, detail, client) VALUES ($1, $2, $3::jsonb, $4)', [
    entry.user,
    entry.action,
    JSON.stringify(entry.detail ?? {}),
    entry.client ?? null,
  ]);
}
