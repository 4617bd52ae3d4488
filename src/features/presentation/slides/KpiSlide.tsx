import { valuePeriodOf } from '../../../domain/pace';
import { usePageTurns } from '../hooks/useSlideshow';
import { formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { Detail } from './Detail';
import { Figure } from './Figure';
import { PaceBar } from './PaceBar';
import { Source } from './Source';
import { Trend } from './Trend';
import { Empty } from './Waiting';
import { kpiDetails } from './kpiDetails';
import type { KpiSlideProps } from './kpiDetails';

/**
 * The figures of a slide in pages. Six or fewer are one page of three columns (the report's six in
 * two rows). More turn in pages of one row of up to four, of about equal size (eight are two pages
 * of four): a tile with its pace, its verdict and its source is half the slide's height, and eight
 * of them in two rows were cut at the bottom of the screen.
 */
export function tilePages<T>(tiles: readonly T[]): T[][] {
  if (tiles.length <= 6) return [[...tiles]];
  const pages = Math.ceil(tiles.length / 4);
  const size = Math.ceil(tiles.length / pages);
  return Array.from({ length: pages }, (_, i) => tiles.slice(i * size, (i + 1) * size));
}

/**
 * The headline figures (and the chosen sector's), each with its pace against a target where it
 * has one, a page at a time: the pages turn within the slide's interval, as the projects' do.
 */
export function KpiSlide({
  items,
  period,
  locale,
  t,
  intervalMs,
  paused,
}: KpiSlideProps & { intervalMs: number; paused: boolean }) {
  const shown = items.filter((k) => k.value && (k.headline || k.sector !== null)).slice(0, 8);
  const pages = tilePages(shown);
  const page = usePageTurns(pages.length, intervalMs, paused);
  if (shown.length === 0) return <Empty text={t('empty.period', { period: formatPeriod(period, locale) })} />;
  return (
    <div className="wall-tile-pages">
      {pages.length > 1 && <p className="wall-tile-pages__page">{t('page', { n: page + 1, total: pages.length })}</p>}
      {pages.map((tiles, i) => (
        <ul
          key={tiles[0]?.id ?? i}
          className={`wall-tiles wall-tiles--fill wall-tiles--${pages.length === 1 ? 3 : tiles.length}`}
          hidden={i !== page}
        >
          {tiles.map((kpi) => (
            <li key={kpi.id} className="wall-tile">
              <h2 className="wall-tile__label">{localized(kpi.label, locale)}</h2>
              {/* Between label and source, centred: a tile with little more than its figure is not empty below it. */}
              <div className="wall-tile__body">
                {/* The figure with, beside it, its course over the year where the data has one. */}
                <div className="wall-tile__headline">
                  {kpi.value && (
                    <p className="wall-tile__value">
                      <Figure measure={kpi.value} locale={locale} />
                    </p>
                  )}
                  {!kpi.target && <Trend series={kpi.series} locale={locale} t={t} />}
                </div>
                {/* The latest figure up to the period may be an earlier period's: it says whose. */}
                {kpi.value && valuePeriodOf(kpi) !== period && (
                  <p className="wall-tile__detail">
                    {t('value.period', { period: formatPeriod(valuePeriodOf(kpi), locale) })}
                  </p>
                )}
                {kpiDetails(kpi, locale)
                  .slice(0, 2)
                  .map((detail) => (
                    <Detail key={detail.text} detail={detail} />
                  ))}
                <PaceBar kpi={kpi} period={period} locale={locale} t={t} />
              </div>
              {kpi.value && <Source provenance={kpi.value.provenance} />}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
