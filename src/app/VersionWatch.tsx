import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { askVersion } from '../api/meta';
import { followVersions } from '../api/versions';
import type { VersionChange } from '../api/versions';

/** Most pages never see a new version: the notice's code comes only with one. */
const VersionNotice = lazy(() => import('./VersionNotice'));

/**
 * Keeps the page on one published data version and follows a new one (api/versions.ts), then
 * says so in a polite status: the version now shown and, on the dashboard, a link to what it
 * changed (/changes).
 */
export function VersionWatch() {
  const client = useQueryClient();
  const onWall = useLocation().pathname === '/present';
  const [change, setChange] = useState<VersionChange | null>(null);
  useEffect(() => followVersions(client, askVersion, setChange), [client]);
  if (!change) return null;
  return (
    <Suspense fallback={null}>
      <VersionNotice key={change.to} version={change.to} onWall={onWall} dismiss={setChange} />
    </Suspense>
  );
}
