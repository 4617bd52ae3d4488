import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatTime } from '../../../lib/format';
import { useSharedQuery } from '../../../lib/routeSearch';
import { useFullscreen } from '../hooks/useFullscreen';
import { useKeyboardControls } from '../hooks/useKeyboardControls';
import { usePointerActive } from '../hooks/usePointerActive';
import { useWakeLock } from '../hooks/useWakeLock';
import type { Staleness } from '../live';
import type { PresentationTranslate } from '../messages';

/**
 * What a wall screen needs around its content, whichever its layout: the screen kept awake, its
 * keys (Space, ←/→ for what the layout steps through, F full screen, Esc back to the dashboard
 * with the shared parameters) and on-screen controls that show on pointer movement and stay
 * while keyboard focus is in them.
 */
export function useWallChrome(steps: { toggle: () => void; next: () => void; previous: () => void }) {
  const { toggle, next, previous } = steps;
  const navigate = useNavigate();
  const globalSearch = useSharedQuery();
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const [pointerActive] = usePointerActive();
  const [focused, setFocused] = useState(false);
  useWakeLock();
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void navigate(`/${globalSearch}`);
  }, [navigate, globalSearch]);
  const handlers = useMemo(
    () => ({ toggle, next, previous, fullscreen: toggleFullscreen, leave }),
    [toggle, next, previous, toggleFullscreen, leave],
  );
  useKeyboardControls(handlers);
  return { controlsShown: pointerActive || focused, setFocused, fullscreen, toggleFullscreen, leave };
}

/** The on-screen controls: one button per action, in the order given. */
export function WallToolbar({
  label,
  actions,
  onFocusedChange,
}: {
  label: string;
  actions: readonly { label: string; run: () => void }[];
  onFocusedChange: (focused: boolean) => void;
}) {
  return (
    <div
      className="wall-controls"
      role="toolbar"
      aria-label={label}
      onFocus={() => onFocusedChange(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) onFocusedChange(false);
      }}
    >
      {actions.map((action) => (
        <button key={action.label} type="button" className="wall-controls__button" onClick={action.run}>
          {action.label}
        </button>
      ))}
    </div>
  );
}

/** Data the screen could not refresh: since when it has what it shows, or that it never had it. */
export function StaleNotice({ staleness, t }: { staleness: Staleness; t: PresentationTranslate }) {
  if (!staleness.stale) return null;
  const { since } = staleness;
  return (
    <p className="wall-stale" role="status">
      {since === null ? t('stale.never') : t('stale.badge', { time: formatTime(new Date(since)) })}
    </p>
  );
}
