/**
 * The Content-Security-Policy of production builds: no inline or foreign scripts, and
 * network access only to this origin and the configured API's origin.
 */
export function contentSecurityPolicy(apiBaseUrl: string | undefined): string {
  let apiOrigin = '';
  try {
    if (apiBaseUrl && /^https?:\/\//.test(apiBaseUrl)) apiOrigin = new URL(apiBaseUrl).origin;
  } catch {
    apiOrigin = '';
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
