/**
 * Editors, their sessions and the audit log. A session is a random token in an HttpOnly,
 * SameSite=Strict cookie (only its SHA-256 is stored) with a CSRF token the page sends back in a
 * header on every change; sign-in attempts are limited per client and name.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/client';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export const SESSION_HOURS = 8;
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const token = () => randomBytes(32).toString('base64url');

export class AccountError extends Error {
  override name = 'AccountError';
}

export function checkNewAccount(name: string, password: string): void {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
    throw new AccountError('a user name is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  }
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
 * Signs in: the session's cookie token and the session, or null for a wrong name or password
 * (the same answer for both, after the same work, so names cannot be probed).
 */
export async function signIn(
  sql: Sql,
  name: string,
  password: string,
): Promise<{ cookieToken: string; session: Session } | null> {
  const [user] = await sql.query<{ id: number; password_hash: string }>(
    'SELECT id, password_hash FROM users WHERE name = $1 AND NOT disabled',
    [name],
  );
  // An unknown name still costs a hash, like a known one.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  const cookieToken = token();
  const csrfToken = token();
  const [row] = await sql.query<{ expires_at: string }>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at`,
    [sha256(cookieToken), user.id, csrfToken, SESSION_HOURS],
  );
  await sql.query('DELETE FROM sessions WHERE expires_at < now()');
  return { cookieToken, session: { user: name, csrfToken, expiresAt: row?.expires_at ?? '' } };
}

export async function signOut(sql: Sql, cookieToken: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(cookieToken)]);
}

/** A hash of a random password, verified against when the name is unknown. */
const DUMMY_HASH = await hashPassword(token());

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

/**
 * Sign-in attempts per client and name: at most `limit` failures in `windowMs`, then refused
 * until the window has passed. Kept in the process (each server of several counts its own).
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed. */
  waitSeconds(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit) return 0;
    return Math.ceil(((list[0] ?? 0) + this.windowMs - this.now()) / 1000);
  }

  failed(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
