import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useMatch, useNavigate, useSearchParams } from 'react-router';
import { metaOptions } from '../api/meta';
import { formatDate, formatPeriod } from '../lib/format';
import { LOCALES, localized } from '../lib/i18n';
import { AppNavLink } from '../components/AppLink';
import { SelectField } from '../components/SelectField';
import { periodsByYear } from '../domain/periods';
import { usePageFilters, useSetSearch, useSharedQuery } from '../lib/routeSearch';
import { patchSearch } from '../lib/search';
import { rememberPrefs, useLocale, useResolvedTheme, useT } from '../stores/prefs';
import { appMessages } from './messages';
import './Header.css';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

export function Header() {
  const t = useT(appMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const { period, sector } = usePageFilters();
  const setSearch = useSetSearch();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // On a sector's page the path names the sector; the header's links carry it on to the other pages.
  const sectorPage = useMatch('/sectors/:sectorId') !== null;
  const pageSearch = useSharedQuery();
  const carried = sectorPage && sector && !search.has('sector') ? { sector } : {};
  const chooseSector = (id: string) => {
    if (!sectorPage) return setSearch({ sector: id || null });
    // On a sector's page, choosing another sector opens its page; "all sectors" the overview.
    const next = patchSearch(new URLSearchParams(pageSearch), { sector: null }).toString();
    void navigate({ pathname: id ? `/sectors/${id}` : '/sectors', search: next ? `?${next}` : '' });
  };
  const { data: meta } = useQuery(metaOptions());
  const periodId = useId();

  const periods = meta?.periods ?? [{ id: period, kind: 'actual' as const }];
  const sectors =
    meta?.sectors.map((s) => ({ id: s.id, label: localized(s.label, locale) })) ??
    (sector ? [{ id: sector, label: sector }] : []);

  const navItems = [
    { to: '/', label: t('nav.overview'), end: true },
    { to: '/sectors', label: t('nav.sectors'), end: false },
    { to: '/projects', label: t('nav.projects'), end: false },
    { to: '/briefing', label: t('nav.briefing'), end: false },
  ];

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__district">{meta ? localized(meta.district, locale) : t('app.district')}</span>
        <span className="app-header__title">{t('app.title')}</span>
      </div>
      <nav className="app-header__nav" aria-label={t('nav.label')}>
        {navItems.map((item) => (
          <AppNavLink key={item.to} to={item.to} params={carried} end={item.end}>
            {item.label}
          </AppNavLink>
        ))}
        <AppNavLink to="/present" params={carried}>
          {t('nav.present')}
        </AppNavLink>
      </nav>
      <div className="app-header__filters">
        <div className="app-header__field">
          <label htmlFor={periodId}>{t('filter.period')}</label>
          <select
            id={periodId}
            className="app-header__period"
            value={period}
            onChange={(e) => setSearch({ period: e.target.value })}
          >
            {periodsByYear(periods).map(({ year, periods: inYear }) => (
              <optgroup key={year} label={formatPeriod(String(year), locale)}>
                {inYear.map((p) => (
                  <option key={p.id} value={p.id}>
                    {formatPeriod(p.id, locale, { target: p.kind === 'target' })}
                    {p.kind === 'target' ? t('filter.targetSuffix') : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <SelectField
          className="app-header__field app-header__field--sector"
          label={t('filter.sector')}
          value={sector}
          options={sectors}
          allLabel={t('filter.allSectors')}
          onChange={(id) => chooseSector(id ?? '')}
        />
      </div>
      <div className="app-header__prefs">
        <div className="app-header__switches">
          <div role="group" aria-label={t('prefs.language')} className="segmented">
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                aria-pressed={locale === l}
                onClick={() => {
                  rememberPrefs({ locale: l });
                  setSearch({ lang: l }, { replace: true });
                }}
              >
                {LANGUAGE_NAMES[l]}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button--quiet"
            aria-label={theme === 'dark' ? t('prefs.switchToLight') : t('prefs.switchToDark')}
            onClick={() => {
              const next = theme === 'dark' ? 'light' : 'dark';
              rememberPrefs({ theme: next });
              setSearch({ theme: next }, { replace: true });
            }}
          >
            <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>{' '}
            {theme === 'dark' ? t('prefs.themeLight') : t('prefs.themeDark')}
          </button>
        </div>
        {/* Always rendered, so the header does not reflow when the date arrives. */}
        <span className="app-header__asof">{meta ? t('asOf', { date: formatDate(meta.asOf, locale) }) : '\u00a0'}</span>
      </div>
    </header>
  );
}
