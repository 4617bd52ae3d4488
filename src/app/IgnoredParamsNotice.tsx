import { useEffect } from 'react';
import { useFilters } from '../stores/filters';
import { useT } from '../stores/prefs';
import { componentMessages } from '../components/messages';
import { appMessages } from './messages';

interface IgnoredParamsNoticeProps {
  /** Floating over a wall screen instead of in the page flow; hides itself after `autoHideMs`. */
  overlay?: boolean;
  autoHideMs?: number;
}

/** Says which address values were ignored, so a mistyped shared link does not fail silently. */
export function IgnoredParamsNotice({ overlay = false, autoHideMs }: IgnoredParamsNoticeProps) {
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const ignored = useFilters((s) => s.ignored);
  useEffect(() => {
    if (autoHideMs === undefined || ignored.length === 0) return;
    const timer = setTimeout(() => useFilters.setState({ ignored: [] }), autoHideMs);
    return () => clearTimeout(timer);
  }, [autoHideMs, ignored]);
  if (ignored.length === 0) return null;
  return (
    <div className={overlay ? 'notice notice--overlay' : 'notice'} role="status" aria-label={t('notice.region')}>
      <ul>
        {ignored.map((i) => (
          <li key={`${i.param}=${i.value}`}>{t('notice.ignored', { param: i.param, value: i.value })}</li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={() => useFilters.setState({ ignored: [] })}>
        {tc('notice.dismiss')}
      </button>
    </div>
  );
}
