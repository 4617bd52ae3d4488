import { useQuery } from '@tanstack/react-query';
import { metaOptions } from '../../../api/meta';
import type { Project } from '../../../api/projects';
import { projectText } from '../../../api/projects';
import type { SectorDetail } from '../../../api/sectors';
import { trendOf } from '../../../domain/trend';
import { formatCount } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import type { SectorColorOf } from '../../../lib/sectorColors';
import type { Theme } from '../../../lib/search';
import { useT } from '../../../stores/prefs';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { Figure, FigureParts } from './Figure';
import { Panel } from './Panel';
import { Source } from './Source';
import { Trend } from './Trend';
import type { PresentationTranslate } from '../messages';

/** The most firms and projects a panel lists, at a size read across the room. */
const LISTED = 6;

interface Named {
  key: string;
  name: string;
  /** The Chinese name, beside an English one. */
  original: string | null;
  note: string;
}

/** Firms or projects by name, each with a line about it. */
function NamedList({ items }: { items: readonly Named[] }) {
  return (
    <ul className="wall-firms">
      {items.map((item) => (
        <li key={item.key} className="wall-firm">
          <span className="wall-firm__name">{item.name}</span>
          <span className="wall-firm__note">
            {item.original && <span lang="zh-CN">{item.original} · </span>}
            {item.note}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * One sector: its figures for the period; under them the output's course over the year, the
 * firms and the projects the report names in it, each panel only when it has something to show. A sector the report says little about
 * gives its figures the whole slide.
 */
export function SectorSlide({
  detail,
  projects,
  theme,
  sectorColor,
  locale,
  t,
}: {
  detail: SectorDetail;
  /** The projects the report names in this sector; null until the project list has come. */
  projects: readonly Project[] | null;
  theme: Theme;
  sectorColor: SectorColorOf;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const names = useT(projectLabelMessages);
  // Sample data until /meta says otherwise: a count is never shown as more than it is.
  const sample = useQuery({ ...metaOptions(), select: (meta) => meta.sample }).data ?? true;
  const s = detail.sector;
  const figures = [
    { key: 'output', label: t('sector.output'), measure: s.output, signed: false },
    { key: 'growth', label: t('sector.growth'), measure: s.growth, signed: true },
    { key: 'firms', label: t('sector.firms'), measure: s.firms, signed: false },
    { key: 'share', label: t('sector.share'), measure: s.share, signed: false },
  ];
  const firms = detail.firms.slice(0, LISTED);
  const named = (projects ?? []).slice(0, LISTED);
  // The output's course over the year, where the series has a line's worth of known points.
  const course = trendOf(detail.series)?.kind === 'line';
  const panels = [firms.length > 0, named.length > 0, course].filter(Boolean).length;
  return (
    <div
      className={`wall-sector${panels > 0 ? '' : ' wall-sector--figures'}`}
      style={{ borderColor: sectorColor(s.id, theme) }}
    >
      <ul className="wall-tiles wall-tiles--5">
        {figures.map((f) => (
          <li key={f.key} className="wall-tile wall-tile--small">
            <h2 className="wall-tile__label">{f.label}</h2>
            <div className="wall-tile__body">
              <p className="wall-tile__value">
                {f.measure ? (
                  <>
                    {f.signed && <ChangeMarker change={f.measure.value} />}
                    <Figure measure={f.measure} locale={locale} signed={f.signed} />
                  </>
                ) : (
                  <span className="wall-tile__missing">{t('sectors.notReported')}</span>
                )}
              </p>
            </div>
            {f.measure && <Source provenance={f.measure.provenance} />}
          </li>
        ))}
        <li className="wall-tile wall-tile--small">
          <h2 className="wall-tile__label">{t(sample ? 'sector.projects' : 'sector.namedCount')}</h2>
          <div className="wall-tile__body">
            <p className="wall-tile__value">
              <FigureParts
                parts={[
                  { kind: 'number', text: t('sector.projectsValue', { n: formatCount(detail.projectCount, locale) }) },
                ]}
              />
            </p>
          </div>
          {/*
            The report gives no project count by sector: the sample's count is made up, and says so;
            the report's dataset counts the projects the report names, and says that.
          */}
          <Source
            provenance={sample ? { kind: 'illustrative' } : { kind: 'derived', formula: t('sector.namedCountFormula') }}
          />
        </li>
      </ul>
      {panels > 0 ? (
        <div className={`wall-columns wall-columns--${['one', 'even', 'three'][panels - 1]}`}>
          {course && (
            <Panel id="wall-sector-course" title={t('sector.course')} className="wall-panel--course">
              <Trend series={detail.series} locale={locale} t={t} />
            </Panel>
          )}
          {firms.length > 0 && (
            <Panel id="wall-named-firms" title={t('sector.namedFirms')}>
              <NamedList
                items={firms.map((firm) => {
                  // In English, the English name where known, with the Chinese name beside the note.
                  const english = locale === 'en' && firm.nameEn ? firm.nameEn : null;
                  return {
                    key: firm.name,
                    name: english ?? firm.name,
                    original: english ? firm.name : null,
                    note: localized(firm.note, locale),
                  };
                })}
              />
            </Panel>
          )}
          {named.length > 0 && (
            <Panel id="wall-sector-projects" title={t('sector.namedProjects')}>
              <NamedList
                items={named.map((p) => {
                  const text = projectText(p, locale);
                  return {
                    key: p.id,
                    name: text.name,
                    original: text.original,
                    note: `${names(`stage.${p.stage}`)} · ${names(`type.${p.type}`)}`,
                  };
                })}
              />
            </Panel>
          )}
        </div>
      ) : (
        <p className="wall-sector__none">{t('sector.nothingNamed')}</p>
      )}
    </div>
  );
}
