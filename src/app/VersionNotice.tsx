import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AppLink } from '../components/AppLink';
import { componentMessages } from '../components/messages';
import { defineCatalog } from '../lib/i18n';
import { useT } from '../stores/prefs';
import './VersionNotice.css';

const versionMessages = defineCatalog(
  {
    'version.region': '数据更新',
    'version.updated': '数据已更新至第 {n} 版。',
    'version.changes': '查看变化',
  },
  {
    'version.region': 'Data update',
    'version.updated': 'Figures updated to version {n}.',
    'version.changes': 'What changed',
  },
);

/** A wall screen has no one to dismiss the notice: it goes after a minute. */
const WALL_NOTICE_MS = 60_000;

export interface VersionNoticeProps {
  version: string;
  onWall: boolean;
  /** Takes the notice away (called with null: no version change to tell of). */
  dismiss: (change: null) => void;
}

/**
 * Says that the page now shows version `version` and, on the dashboard, links to what it changed
 * (the wall screen has no one to follow a link). Its own chunk: loaded only when a version comes.
 * The status is mounted empty and filled a moment later, so that screen readers announce it.
 */
export default function VersionNotice({ version, onWall, dismiss }: VersionNoticeProps) {
  const t = useT(versionMessages);
  const tc = useT(componentMessages);
  const [search] = useSearchParams();
  const [said, setSaid] = useState(false);
  useEffect(() => {
    const fill = setTimeout(() => setSaid(true), 100);
    return () => clearTimeout(fill);
  }, []);
  useEffect(() => {
    if (!onWall) return;
    const hide = setTimeout(() => dismiss(null), WALL_NOTICE_MS);
    return () => clearTimeout(hide);
  }, [onWall, dismiss]);
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
                <AppLink to="/changes" params={{ version }}>
                  {t('version.changes')}
                </AppLink>
              </>
            )}
          </p>
          {!onWall && (
            <button type="button" className="button button--small button--quiet" onClick={() => dismiss(null)}>
              {tc('notice.dismiss')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
