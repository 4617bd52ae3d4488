import { dismissAddressNotices, useAddressNotices } from '../stores/addressNotices';
import { useT } from '../stores/prefs';
import { componentMessages } from '../components/messages';
import { appMessages } from './messages';

/**
 * Says which address values were ignored (on any page, shared or the page's own parameters), so a
 * mistyped shared link does not fail silently. The wall screen says it in its footer instead.
 */
export function IgnoredParamsNotice() {
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const ignored = useAddressNotices((s) => s.ignored);
  if (ignored.length === 0) return null;
  return (
    <div className="notice" role="status" aria-label={t('notice.region')}>
      <ul>
        {ignored.map((i) => (
          <li key={`${i.param}=${i.value}`}>{t('notice.ignored', { param: i.param, value: i.value })}</li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={dismissAddressNotices}>
        {tc('notice.dismiss')}
      </button>
    </div>
  );
}
