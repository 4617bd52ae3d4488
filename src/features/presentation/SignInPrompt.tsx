import type { PresentationTranslate } from './messages';

/**
 * What the wall screen shows when the API refuses it for want of a session (READ_ACCESS=login):
 * where to sign in, announced at once, with the link reachable by Tab. Never the figures it
 * last had, and never "connection lost": asking again will not help until someone signs in.
 */
export function SignInPrompt({ t }: { t: PresentationTranslate }) {
  return (
    <div className="wall-waiting wall-signin" role="alert">
      <p className="wall-waiting__body">{t('signedOut.body')}</p>
      <p>
        <a className="wall-signin__link" href="/admin">
          {t('signedOut.link')}
        </a>
      </p>
    </div>
  );
}
