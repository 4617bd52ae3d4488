import { BOOT_SCRIPT_HASH, MODULES_SCRIPT_HASH } from './boot.ts';

/**
 * The Content-Security-Policy of the app's pages: no foreign scripts and no inline ones but the
 * first-paint script and the modules script of pages rendered on the server (boot.ts, by their
 * hashes), and network access only to this origin and the configured API's origin. Production builds write it into index.html (vite.config.ts); the
 * data service sends the build's as a header (routes/webapp.ts), this one when it has none.
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
    `script-src 'self' ${BOOT_SCRIPT_HASH} ${MODULES_SCRIPT_HASH}`,
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
