/**
 * The one error type of the data service and its commands. A ServiceError says what kind of
 * failure it is; the kind alone decides the HTTP status, in one place (the app's onError,
 * server/app.ts), and a command prints the message and exits non-zero (server/cli.ts). The
 * mock API (mocks/) answers errors through the same table, as the server it simulates. No
 * module imports here: the mocks run in the browser too.
 */

/** Every kind of error, with the HTTP status it answers. */
export const ERROR_STATUS = {
  /** A parameter, a body or a path the service cannot read. */
  invalid: 400,
  /** Not signed in, or a wrong name or password. */
  unauthorized: 401,
  /** Signed in, but the request lacks its CSRF token or comes from another site. */
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  /** Another version was published since the one the change started from. */
  conflict: 409,
  too_large: 413,
  /** Understood, but a rule refuses it (a file with errors, warnings not accepted). */
  refused: 422,
  /** Too many failed sign-ins: try again after Retry-After. */
  rate_limited: 429,
  /** A fault of the service itself: logged, and answered without its details. */
  internal: 500,
  /** The database cannot be reached: try again after Retry-After. */
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;

export interface ErrorOptions {
  /** The answer's `error` field when clients tell this case apart (`bad_period`, `csrf`); the kind otherwise. */
  code?: string;
  /** More fields of the answer, beside `error` and `message` (a conflict's winner). */
  detail?: object;
  /** Headers of the answer (Retry-After, Allow). */
  headers?: Record<string, string>;
  /** What went wrong underneath, for the log; never shown. */
  cause?: unknown;
}

export class ServiceError extends Error {
  override name = 'ServiceError';
  readonly kind: ErrorKind;
  readonly code: string;
  readonly detail: object;
  readonly headers: Readonly<Record<string, string>>;

  constructor(kind: ErrorKind, message: string, { code, detail = {}, headers = {}, cause }: ErrorOptions = {}) {
    // The type allows no other kind; this keeps plain JavaScript and casts to it too.
    if (!Object.hasOwn(ERROR_STATUS, kind)) throw new TypeError(`unknown error kind ${JSON.stringify(kind)}`);
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.code = code ?? kind;
    this.detail = detail;
    this.headers = headers;
  }

  get status(): (typeof ERROR_STATUS)[ErrorKind] {
    return ERROR_STATUS[this.kind];
  }

  /** The JSON body of every error answer: `{ error, message }`, and the detail's fields. */
  get body(): { error: string; message: string } {
    return { error: this.code, message: this.message, ...this.detail };
  }
}
