import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CsvCell } from '../shared/csv';
import type { LegendEntry, LegendGroup } from '../lib/chartLegend';
import { useT } from '../stores/prefs';
import { chartMessages } from './chartMessages';
import { ErrorPanel } from './ErrorPanel';
import { useSampleLabel } from './SampleBanner';
import { Skeleton } from './Skeleton';
import './ChartFrame.css';

export interface ChartColumn {
  key: string;
  /** Header in the UI language; also the CSV header unless `csvHeader` is given. */
  header: string;
  /**
   * The CSV's header where its values are in another unit than the table's: a CSV keeps one unit
   * in every language (亿元), the table the reader's (¥B).
   */
  csvHeader?: string;
  numeric?: boolean;
}

export interface ChartRow {
  key: string;
  /** What the table shows (text, links, badges), one per column. */
  cells: ReactNode[];
  /** The same row for the CSV: plain values, numbers unformatted. */
  csv: CsvCell[];
}

export interface ChartRenderArgs {
  /** A fixed width in pixels, or undefined to follow the container's width. */
  width: number | undefined;
  height: number;
  /** True only while the chart enters for the first time: refreshed data never animates. */
  animate: boolean;
}

export interface ChartFrameProps {
  title: string;
  description?: string;
  /** Unit of the values, as words ("亿元", "%"). */
  unit?: string;
  /** The period, already formatted. */
  period?: string;
  /** Source line, already formatted ("来源：报告第 38、40 行"). */
  source?: string;
  /** Chart height in pixels (default 300). */
  height?: number;
  /** A fixed size instead of the container's width (tests, exports). */
  size?: { width: number; height: number };
  /** The table fallback and CSV: the same data as the chart. */
  columns: ChartColumn[];
  rows: ChartRow[];
  /** Base name of downloaded files, without extension. */
  filename: string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** When set, nothing is drawn and this says why; the table still lists the rows. */
  empty?: string;
  /** The legend under the chart, as data: shown as HTML and drawn into the PNG from the same entries. */
  legend?: ChartLegendGroup[];
  /** A line under the chart (illustrative marking, sectors not reported…). */
  note?: ReactNode;
  /** Start on the table instead of the chart. */
  defaultView?: 'chart' | 'table';
  /** The chart itself (Recharts or any SVG); the frame never imports a chart library. */
  children: (args: ChartRenderArgs) => ReactNode;
}

const ENTRY_ANIMATION_MS = 1600;

const reducedMotion = () =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Animation on when the chart first has data, off for good once the entry animation is over. */
function useEntryAnimation(ready: boolean): boolean {
  const [animate, setAnimate] = useState(() => !reducedMotion());
  useEffect(() => {
    if (!ready || !animate) return;
    const timer = setTimeout(() => setAnimate(false), ENTRY_ANIMATION_MS);
    return () => clearTimeout(timer);
  }, [ready, animate]);
  return animate;
}

/**
 * Every chart of the dashboard: title, unit, period and source; its legend; a chart/table toggle (the
 * table is the same data as an accessible HTML table); CSV and PNG downloads; loading and
 * error states. The chart is passed as a render function, so the frame stays light.
 */
export function ChartFrame({
  title,
  description,
  unit,
  period,
  source,
  height = 300,
  size,
  columns,
  rows,
  filename,
  loading = false,
  error,
  onRetry,
  retrying,
  empty,
  legend,
  note,
  defaultView = 'chart',
  children,
}: ChartFrameProps) {
  const t = useT(chartMessages);
  // Sample data says so in every export: the CSV's first line, the image's title.
  const sampleLabel = useSampleLabel();
  const [view, setView] = useState(defaultView);
  const [pngFailed, setPngFailed] = useState(false);
  const frameRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const captionId = useId();
  const failed = error !== undefined && error !== null;
  const ready = !loading && !failed;
  const animate = useEntryAnimation(ready);
  const chartHeight = size?.height ?? height;
  const canDraw = ready && empty === undefined;

  const metaLine = [unit ? t('meta.unit', { unit }) : null, period ? t('meta.period', { period }) : null]
    .filter(Boolean)
    .join(t('meta.sep'));

  // The export code is loaded on the first download, not with every chart.
  const onCsv = async () => {
    const [{ toCsv }, { downloadCsv }] = await Promise.all([import('../shared/csv'), import('../lib/download')]);
    downloadCsv(
      `${filename}.csv`,
      toCsv(
        columns.map((c) => c.csvHeader ?? c.header),
        rows.map((r) => r.csv),
        sampleLabel,
      ),
    );
  };

  const onPng = async () => {
    const plot = plotRef.current;
    const frame = frameRef.current;
    if (!plot || !frame) return;
    try {
      setPngFailed(false);
      const [{ plotToPng }, { downloadBlob }] = await Promise.all([
        import('../lib/chartImage'),
        import('../lib/download'),
      ]);
      const blob = await plotToPng(plot, frame, {
        title: sampleLabel ? `${title}（${sampleLabel}）` : title,
        subtitle: metaLine,
        source,
        legend,
      });
      if (blob) downloadBlob(`${filename}.png`, blob);
      // No chart drawn in time; unless the reader has since switched to the table (no plot shown).
      else if (plotRef.current === plot) setPngFailed(true);
    } catch {
      setPngFailed(true);
    }
  };

  return (
    <section
      ref={frameRef}
      className="chart-frame"
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
    >
      <header className="chart-frame__head">
        <div className="chart-frame__titles">
          <h2 id={titleId} className="chart-frame__title">
            {title}
          </h2>
          {metaLine && <p className="chart-frame__meta">{metaLine}</p>}
          {description && (
            <p id={descId} className="chart-frame__desc">
              {description}
            </p>
          )}
        </div>
        <div className="chart-frame__actions">
          <div role="group" aria-label={t('view.label')} className="chart-frame__view">
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              {t('view.chart')}
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('view.table')}
            </button>
          </div>
          <div role="group" aria-label={t('download.label')} className="chart-frame__downloads">
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t('download.csvLabel', { title })}
              disabled={!ready || rows.length === 0}
              onClick={() => void onCsv()}
            >
              {t('download.csv')}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t('download.pngLabel', { title })}
              disabled={!canDraw || view !== 'chart'}
              onClick={() => void onPng()}
            >
              {t('download.png')}
            </button>
          </div>
        </div>
      </header>

      {failed ? (
        <ErrorPanel what={title} error={error} onRetry={onRetry} retrying={retrying} />
      ) : loading ? (
        <div className="chart-frame__loading" role="status" aria-label={t('loading')}>
          <Skeleton height={`${chartHeight}px`} />
          {/* A chart with a legend keeps a line for it: what follows the chart moves less. */}
          {legend && (
            <div className="chart-legend">
              <Skeleton width="12em" height="var(--legend-line)" />
            </div>
          )}
        </div>
      ) : view === 'table' ? (
        // A table wider than a phone scrolls sideways: the keyboard reaches it (tab, then arrows).
        <div className="chart-frame__table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table className="chart-frame__table">
            <caption id={captionId}>{t('table.caption', { title, period: period ?? '' })}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={columns[i]?.key ?? i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={columns[i]?.key ?? i} className={columns[i]?.numeric ? 'num' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : empty !== undefined ? (
        <p className="chart-frame__empty" style={{ minHeight: `${Math.min(chartHeight, 160)}px` }}>
          {empty}
        </p>
      ) : (
        <div
          ref={plotRef}
          className="chart-frame__plot"
          // At least the chart's height, and more for a legend under it: the notes below never overprint it.
          style={size ? { width: size.width, height: size.height } : { minHeight: chartHeight }}
        >
          {children({ width: size?.width, height: chartHeight, animate })}
          {legend && <ChartLegend groups={legend} />}
        </div>
      )}

      {pngFailed && (
        <p className="chart-frame__warning" role="alert">
          {t('download.pngFailed')}
        </p>
      )}
      {note && !failed && !loading && <div className="chart-frame__note">{note}</div>}
      {source && <p className="chart-frame__source">{source}</p>}
    </section>
  );
}

export interface ChartLegendItem extends LegendEntry {
  key: string;
  /** Makes the item a button (e.g. open the sector's page). */
  onSelect?: () => void;
  /** Accessible name of the button, when the label alone would be ambiguous. */
  actionLabel?: string;
}

export interface ChartLegendGroup extends LegendGroup<ChartLegendItem> {
  key: string;
}

/** The frame's `legend`: grouped entries under the chart, a button each when it has an action. */
function ChartLegend({ groups }: { groups: ChartLegendGroup[] }) {
  const t = useT(chartMessages);
  const idBase = useId();
  return (
    <div className="chart-legend" role="group" aria-label={t('legend.label')}>
      {groups.map((g) => (
        <div key={g.key} className="chart-legend__group">
          {g.label && <span className="chart-legend__group-label">{g.label}</span>}
          <ul>
            {g.items.map((item) => {
              const content = (
                <>
                  <span
                    aria-hidden="true"
                    className={`chart-legend__marker chart-legend__marker--${item.marker ?? 'square'}`}
                    style={{ color: item.color }}
                  />
                  {item.label}
                </>
              );
              return (
                <li key={item.key}>
                  {item.onSelect ? (
                    // Named by what it shows (label in name); what it does is its description.
                    <button
                      type="button"
                      className="chart-legend__button"
                      aria-describedby={item.actionLabel ? `${idBase}-${g.key}-${item.key}` : undefined}
                      onClick={item.onSelect}
                    >
                      {content}
                    </button>
                  ) : (
                    <span className="chart-legend__text">{content}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {/* The buttons' descriptions, outside the entries (whose text is their name). */}
          {g.items.map(
            (item) =>
              item.onSelect &&
              item.actionLabel && (
                <span key={item.key} id={`${idBase}-${g.key}-${item.key}`} className="visually-hidden">
                  {item.actionLabel}
                </span>
              ),
          )}
        </div>
      ))}
    </div>
  );
}
