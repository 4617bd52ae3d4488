import { useFilters } from '../stores/filters';
import { useT } from '../stores/prefs';
import { componentMessages } from '../components/messages';
import { appMessages } from './messages';

/** Says which address values were ignored, so a mistyped shared link does not fail silently. */
export function IgnoredParamsNotice() {
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const ignored = useFilters((s) => s.ignored);
  if (ignored.length === 0) return null;
  return (
    <div className="notice" role="status" aria-label={t('notice.region')}>
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
