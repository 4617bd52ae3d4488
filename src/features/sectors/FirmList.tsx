import type { NamedFirm } from '../../api/sectors';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { formatMeasure } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import { useLocale } from '../../stores/prefs';

/**
 * A firm's name as a reader of `locale` sees it: in English its English name where there is one,
 * with the Chinese name beside it (smaller, marked as Chinese); else the Chinese name alone.
 */
function FirmName({ firm, locale }: { firm: NamedFirm; locale: Locale }) {
  if (locale === 'en' && firm.nameEn) {
    return (
      <span>
        <span className="sector-firms__name">{firm.nameEn}</span> <small lang="zh-CN">{firm.name}</small>
      </span>
    );
  }
  return (
    <span className="sector-firms__name" lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>
      {firm.name}
    </span>
  );
}

/** Firms the report names: what it says of each, the figures it gives about them, each with its line. */
export function FirmList({ firms }: { firms: readonly NamedFirm[] }) {
  const locale = useLocale();
  return (
    <ul className="sector-firms">
      {firms.map((f) => (
        <li key={f.name}>
          <FirmName firm={f} locale={locale} />
          <span className="sector-firms__note">{localized(f.note, locale)}</span>
          <ProvenanceBadge provenance={f.provenance} />
          {f.facts && f.facts.length > 0 && (
            <dl className="sector-firms__facts">
              {f.facts.map((fact) => (
                <div key={fact.label.en}>
                  <dt>{localized(fact.label, locale)}</dt>
                  <dd>
                    {formatMeasure(fact.value, locale)} <ProvenanceBadge provenance={fact.value.provenance} compact />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
