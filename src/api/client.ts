import { config, safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
// With its extension: vite.config.ts loads this module, and Node resolves no bare relative paths.
import { readAccessOf } from './access.ts';
import type { ReadAccess } from './access.ts';

/**
 * The header in which every answer of the API names the data version it is from (its `id`);
 * versions.ts keeps a page on one version with it.
 */
export const DATA_VERSION_HEADER = 'X-Data-Version';

/** An answer of the API and the data version it is from (null: the API did not say). */
export interface Answer<T> {
  data: T;
  version: string | null;
}

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'schema';

/** Every failure of the data layer, typed so the UI can explain it in words. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  /** Seconds the server asked us to wait (HTTP Retry-After). */
  readonly retryAfter?: number;
  /** For schema errors: the first failing path in the response, e.g. `items[3].completed.value`. */
  readonly issuePath?: string;
  /** For HTTP errors of `apiSend`: the answer's JSON body (`{error, message, …}`), when it had one. */
  readonly body?: unknown;

  constructor(
    kind: ApiErrorKind,
    endpoint: string,
    message: string,
    extra: { status?: number; retryAfter?: number; issuePath?: string; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = extra.status;
    this.retryAfter = extra.retryAfter;
    this.issuePath = extra.issuePath;
    this.body = extra.body;
  }

  /** 4xx answers will not change by asking again; 408 and 429 are the exceptions. */
  get isRetryable(): boolean {
    if (this.kind === 'schema') return false;
    if (this.kind !== 'http' || this.status === undefined) return true;
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }

  /**
   * The API refused for want of a session: the reader is signed out (or never signed in) and the
   * figures are closed to them. A sign-in's own "wrong name or password" is not a session lost.
   */
  get isSignedOut(): boolean {
    if (this.status !== 401) return false;
    const code = typeof this.body === 'object' && this.body !== null && 'error' in this.body ? this.body.error : null;
    return code !== 'bad_credentials';
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

// Responses are parsed without zod's compiled parsers: the page's Content-Security-Policy forbids
// the `new Function` they need (so zod's probe for it would only be refused), and for responses of
// this size the interpreted parsers were as fast in our measurements (Node 20: 2–3 ms vs 5–14 ms
// for the figures of a period).
config({ jitless: true });

/**
 * Client settings; tests shorten the timeout to exercise it without waiting 15 s. `fetch` replaces
 * the browser's for every request: a render on the server asks the data service in its own process.
 */
export const apiConfig: { timeoutMs: number; fetch?: typeof fetch } = { timeoutMs: DEFAULT_TIMEOUT_MS };

let statedReadAccess: ReadAccess | null = null;

/**
 * Who may read the figures, as the API's last good answer said (see access.ts); null before the
 * first. Only answers bring figures, and each says this before its figures reach the page.
 */
export const readAccess = (): ReadAccess | null => statedReadAccess;

/** Where the API is unless VITE_API_BASE_URL says otherwise: the same origin. */
export const DEFAULT_API_BASE_URL = '/api/v1';

/** The API's base URL from a configured value (VITE_API_BASE_URL): without a trailing slash, or the default. */
export function resolveApiBaseUrl(configured: unknown): string {
  return typeof configured === 'string' && configured.length > 0 ? configured.replace(/\/$/, '') : DEFAULT_API_BASE_URL;
}

export const apiBaseUrl = (): string => resolveApiBaseUrl(import.meta.env.VITE_API_BASE_URL);

export type QueryParams = Record<string, string | number | readonly string[] | null | undefined>;

export function buildUrl(path: string, params: QueryParams = {}): URL {
  const base = apiBaseUrl();
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  const url = new URL(base + path, origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) url.searchParams.set(key, value.join(','));
    } else {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** A signal that aborts when the caller aborts or the timeout passes, telling the two apart. */
function linkSignals(outer: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** An answer checked against its contract schema; a violation is an ApiError of kind `schema` naming the path. */
function parseAnswer<S extends z.ZodMiniType>(schema: S, data: unknown, path: string): z.infer<S> {
  const parsed = safeParse(schema, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const issuePath = formatPath(issue?.path ?? []);
    throw new ApiError('schema', path, `${path} returned unexpected data at ${issuePath}: ${issue?.message ?? ''}`, {
      issuePath,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export interface ApiGetOptions {
  params?: QueryParams;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** `no-cache`: revalidate with the browser's copy (its ETag), as a poll does. */
  cache?: RequestCache;
}

export interface ApiSendOptions {
  /** POST unless said otherwise; a GET here is `apiGet` for a resource whose refusals are expected (the session). */
  method?: 'GET' | 'POST';
  /** A JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body, e.g. a file's bytes; give its `Content-Type` in `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One request to the API, its answer parsed with the contract schema (`null`: an answer without
 * a body, e.g. 204). Rejects with an ApiError (a caller's abort with the caller's own reason); an
 * HTTP error keeps its JSON body in `ApiError.body`, so a caller can read the `error` code and
 * whatever the answer names (a conflicting version, say). Reading it also ends the request,
 * which an unread body would leave open in the browser.
 */
async function request<S extends z.ZodMiniType>(
  url: URL,
  path: string,
  schema: S | null,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: BodyInit; cache?: RequestCache },
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Answer<z.infer<S>>> {
  const linked = linkSignals(signal, timeoutMs);
  const failed = (cause: unknown, kind: 'network' | 'schema') => {
    if (linked.timedOut()) {
      return new ApiError('timeout', path, `${path} did not answer within ${timeoutMs / 1000} s`, { cause });
    }
    if (signal?.aborted) return signal.reason as unknown;
    return kind === 'network'
      ? new ApiError('network', path, `${path} could not be reached`, { cause })
      : new ApiError('schema', path, `${path} did not return valid JSON`, { issuePath: '(root)', cause });
  };
  let response: Response;
  let data: unknown;
  let version: string | null = null;
  try {
    try {
      response = await (apiConfig.fetch ?? fetch)(url, {
        ...init,
        signal: linked.signal,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...init.headers },
      });
    } catch (cause) {
      throw failed(cause, 'network');
    }
    if (!response.ok) {
      let errorBody: unknown;
      try {
        errorBody = await response.json();
      } catch {
        errorBody = undefined;
      }
      throw new ApiError('http', path, `${path} answered HTTP ${response.status}`, {
        status: response.status,
        retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
        body: errorBody,
      });
    }
    statedReadAccess = readAccessOf(response.headers);
    version = response.headers.get(DATA_VERSION_HEADER);
    if (schema === null) return { data: undefined as z.infer<S>, version };
    try {
      data = await response.json();
    } catch (cause) {
      throw failed(cause, 'schema');
    }
  } finally {
    linked.dispose();
  }
  return { data: parseAnswer(schema, data, path), version };
}

/** `apiGet`, with the data version the answer is from. */
export function apiAnswer<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  { params, signal, timeoutMs = apiConfig.timeoutMs, cache }: ApiGetOptions = {},
): Promise<Answer<z.infer<S>>> {
  return request(buildUrl(path, params), path, schema, { method: 'GET', headers: {}, cache }, signal, timeoutMs);
}

/**
 * GET a JSON resource and parse it with its contract schema. Resolves with typed data or
 * rejects with an ApiError; a caller's abort rejects with the caller's own abort reason.
 */
export const apiGet = <S extends z.ZodMiniType>(path: string, schema: S, options?: ApiGetOptions) =>
  apiAnswer(path, schema, options).then((answer) => answer.data);

/** POST to the API (or GET, see ApiSendOptions), failing as `apiGet` does. */
export function apiSend<S extends z.ZodMiniType>(
  path: string,
  schema: S | null,
  { method = 'POST', json, body, headers = {}, signal, timeoutMs = apiConfig.timeoutMs }: ApiSendOptions = {},
): Promise<z.infer<S>> {
  return request(
    buildUrl(path),
    path,
    schema,
    {
      method,
      headers: json === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      body: json === undefined ? body : JSON.stringify(json),
    },
    signal,
    timeoutMs,
  ).then((answer) => answer.data);
}
