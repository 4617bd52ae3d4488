import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { askVersion } from '../api/meta';
import { followVersions } from '../api/versions';
import type { VersionChange } from '../api/versions';
import { AppLink } from '../components/AppLink';
import { componentMessages } from '../components/messages';
import { useT } from '../stores/prefs';
import { appMessages } from './messages';
import './VersionWatch.css';

/** A wall screen has no one to dismiss the notice: it goes after a minute. */
const WALL_NOTICE_MS = 60_000;

/**
 * Keeps the page on one published data version and follows a new one (api/versions.ts), then
 * says so in a polite status: the version now shown and, on the dashboard, a link to the version
 * history (the admin page lists every version with its file, author, note and counts).
 */
export function VersionWatch() {
  const client = useQueryClient();
  const onWall = useLocation().pathname === '/present';
  const [change, setChange] = useState<VersionChange | null>(null);
  useEffect(() => followVersions(client, askVersion, setChange), [client]);
  useEffect(() => {
    if (!change || !onWall) return;
    const hide = setTimeout(() => setChange(null), WALL_NOTICE_MS);
    return () => clearTimeout(hide);
  }, [change, onWall]);
  if (!change) return null;
  return <VersionNotice key={change.to} version={change.to} onWall={onWall} dismiss={() => setChange(null)} />;
}

/** The status is mounted empty and filled a moment later, so that screen readers announce it. */
function VersionNotice({ version, onWall, dismiss }: { version: string; onWall: boolean; dismiss: () => void }) {
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const [search] = useSearchParams();
  const [said, setSaid] = useState(false);
  useEffect(() => {
    const fill = setTimeout(() => setSaid(true), 100);
    return () => clearTimeout(fill);
  }, []);
  return (
    <div
      className="version-notice"
      role="status"
      aria-label={t('version.region')}
      // The wall is dark unless its address asks for light, whatever the page's theme.
      data-theme={onWall ? (search.get('theme') === 'light' ? 'light' : 'dark') : undefined}
    >
      {said && (
        <>
          <p>
            {t('version.updated', { n: version })}
            {!onWall && (
              <>
                {' '}
                <AppLink to="/admin">{t('version.history')}</AppLink>
              </>
            )}
          </p>
          {!onWall && (
            <button type="button" className="button button--small button--quiet" onClick={dismiss}>
              {tc('notice.dismiss')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
