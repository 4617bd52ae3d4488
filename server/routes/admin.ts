/**
 * Signing in and out of the admin area. Reading the dashboard needs no account; changing its
 * data does: an editor signs in (accounts are created with `npm run admin:add-user`), gets an
 * HttpOnly, SameSite=Strict session cookie and a CSRF token to send back in `X-CSRF-Token` on
 * every change. Sign-in attempts are limited; every sign-in, failure and sign-out is audited.
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { audit, SESSION_HOURS, sessionFor, signIn, signOut } from '../auth/accounts';
import { jsonError } from '../http';
import type { Api, Env, RouteKit } from '../http';

export const SESSION_COOKIE = 'beibei_session';

const LoginSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

const noStore = { 'Cache-Control': 'no-store' };

export function client(c: Context<Env>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Behind HTTPS (directly or through a proxy that says so), the cookie is Secure. */
const isHttps = (c: Context<Env>) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';

/**
 * A signed-in session, and for changes (`change`) also a CSRF token equal to the session's and
 * no foreign Origin; answers 401 or 403 otherwise. Reading the admin area (the template, the
 * history) needs the session only.
 */
const requireSigned =
  (kit: RouteKit, change: boolean): MiddlewareHandler<Env> =>
  async (c, next) => {
    const cookieToken = getCookie(c, SESSION_COOKIE);
    const session = cookieToken ? await sessionFor(kit.service.database(), cookieToken) : null;
    if (!session || !cookieToken) {
      return jsonError(c, 401, 'signed_out', change ? 'sign in to change the data' : 'sign in to the admin area first');
    }
    if (change) {
      const origin = c.req.header('Origin');
      if (origin && origin !== new URL(c.req.url).origin) {
        return jsonError(c, 403, 'foreign_origin', 'this request did not come from the dashboard');
      }
      const csrf = c.req.header('X-CSRF-Token') ?? '';
      if (!sameText(csrf, session.csrfToken)) {
        return jsonError(c, 403, 'csrf', 'the request lacks the session’s CSRF token; reload the page and try again');
      }
    }
    c.set('session', session);
    c.set('sessionToken', cookieToken);
    await next();
  };

export const requireSession = (kit: RouteKit) => requireSigned(kit, false);
export const requireEditor = (kit: RouteKit) => requireSigned(kit, true);

/** `now`: the clock sign-in limits are counted by (a test moves it instead of waiting). */
export function adminRoutes(api: Api, kit: RouteKit, { now = () => new Date() }: { now?: () => Date } = {}) {
  const db = () => kit.service.database();

  api.post(
    '/admin/login',
    bodyLimit({
      maxSize: 4096,
      onError: (c: Context<Env>) => jsonError(c, 413, 'too_large', 'a sign-in is a name and a password'),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return jsonError(c, 400, 'bad_body', 'send {"name": …, "password": …} as JSON');
      }
      const parsed = LoginSchema.safeParse(body);
      if (!parsed.success) return jsonError(c, 400, 'bad_body', 'send {"name": …, "password": …} as JSON');
      const { name, password } = parsed.data;
      const result = await signIn(db(), { name, password, client: client(c) }, now());
      if (result.kind === 'limited') {
        return jsonError(
          c,
          429,
          'too_many_attempts',
          `too many failed sign-ins; try again in ${Math.ceil(result.retryAfter / 60)} min`,
          { 'Retry-After': String(result.retryAfter) },
        );
      }
      if (result.kind === 'wrong') return jsonError(c, 401, 'bad_credentials', 'wrong name or password');
      setCookie(c, SESSION_COOKIE, result.cookieToken, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json(result.session, 200, noStore);
    },
  );

  api.get('/admin/session', async (c) => {
    const cookieToken = getCookie(c, SESSION_COOKIE);
    const session = cookieToken ? await sessionFor(db(), cookieToken) : null;
    return session ? c.json(session, 200, noStore) : jsonError(c, 401, 'signed_out', 'not signed in');
  });

  api.post('/admin/logout', requireEditor(kit), async (c) => {
    const session = c.get('session');
    const sessionToken = c.get('sessionToken');
    if (!session || !sessionToken) return jsonError(c, 401, 'signed_out', 'not signed in');
    const { user } = session;
    await signOut(db(), sessionToken);
    await audit(db(), { user, action: 'session.signed_out', client: client(c) });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
    return c.body(null, 204, noStore);
  });
}
