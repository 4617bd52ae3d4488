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
import type { Session } from '../auth/accounts';
import { ServiceError } from '../errors';
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

const signedOut = (message = 'not signed in') => new ServiceError('unauthorized', message, { code: 'signed_out' });

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
      throw signedOut(change ? 'sign in to change the data' : 'sign in to the admin area first');
    }
    if (change) {
      const origin = c.req.header('Origin');
      if (origin && origin !== new URL(c.req.url).origin) {
        throw new ServiceError('forbidden', 'this request did not come from the dashboard', { code: 'foreign_origin' });
      }
      const csrf = c.req.header('X-CSRF-Token') ?? '';
      if (!sameText(csrf, session.csrfToken)) {
        const message = 'the request lacks the session’s CSRF token; reload the page and try again';
        throw new ServiceError('forbidden', message, { code: 'csrf' });
      }
    }
    c.set('session', session);
    c.set('sessionToken', cookieToken);
    await next();
  };

export const requireSession = (kit: RouteKit) => requireSigned(kit, false);
export const requireEditor = (kit: RouteKit) => requireSigned(kit, true);

/** The signed-in editor's session, on a route behind requireSession or requireEditor. */
export function sessionOf(c: Context<Env>): Session {
  const session = c.get('session');
  if (!session) throw signedOut();
  return session;
}

/** A request's JSON body read by `schema`, or 400 `bad_body` with `hint`. */
export async function jsonBody<T>(c: Context<Env>, schema: z.ZodMiniType<T>, hint: string): Promise<T> {
  const body = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!body.success) throw new ServiceError('invalid', hint, { code: 'bad_body' });
  return body.data;
}

/** `now`: the clock sign-in limits are counted by (a test moves it instead of waiting). */
export function adminRoutes(api: Api, kit: RouteKit, { now = () => new Date() }: { now?: () => Date } = {}) {
  const db = () => kit.service.database();

  api.post(
    '/admin/login',
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new ServiceError('too_large', 'a sign-in is a name and a password');
      },
    }),
    async (c) => {
      const { name, password } = await jsonBody(c, LoginSchema, 'send {"name": …, "password": …} as JSON');
      const result = await signIn(db(), { name, password, client: client(c) }, now());
      if (result.kind === 'limited') {
        throw new ServiceError(
          'rate_limited',
          `too many failed sign-ins; try again in ${Math.ceil(result.retryAfter / 60)} min`,
          { code: 'too_many_attempts', headers: { 'Retry-After': String(result.retryAfter) } },
        );
      }
      if (result.kind === 'wrong') {
        throw new ServiceError('unauthorized', 'wrong name or password', { code: 'bad_credentials' });
      }
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
    if (!session) throw signedOut();
    return c.json(session, 200, noStore);
  });

  api.post('/admin/logout', requireEditor(kit), async (c) => {
    const { user } = sessionOf(c);
    const sessionToken = c.get('sessionToken');
    if (!sessionToken) throw signedOut();
    await signOut(db(), sessionToken);
    await audit(db(), { user, action: 'session.signed_out', client: client(c) });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
    return c.body(null, 204, noStore);
  });
}
