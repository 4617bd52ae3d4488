import { Fragment, lazy } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Measure, PeriodId, SectorId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import type { CsvCell } from '../../domain/csv';
import { ChartFrame, ChartLegend } from '../../components/ChartFrame';
import type { ChartColumn, ChartLegendGroup, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { formatCount, formatMeasure, formatMoney, formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { Locale, Translate } from '../../lib/i18n';
import type { Theme } from '../../lib/search';
import { sectorColor } from '../../lib/sectorColors';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { CHART_INK } from './chartTheme';
import { sectorMessages } from './messages';
import { csvValue, GROUPS, orderSectors, provenanceCell, remainderShare, sourceLines, useSectorTo } from './sectorData';
import type { FigureKey } from '../../domain/sectorFigures';
import { PlotSlot } from './PlotSlot';
import type { BarsPlotProps } from './SectorPlots';
import type { SectorMessageKey } from './messages';

type Key = SectorMessageKey;

export interface SectorChartProps {
  period: PeriodId;
  items: readonly SectorFigure[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  /** Fixed chart size (tests); otherwise the width follows the page. */
  size?: { width: number; height: number };
}

export interface ChartContext {
  t: Translate<Key>;
  locale: Locale;
  theme: Theme;
  periodText: string;
  sectorTo: ReturnType<typeof useSectorTo>;
  open: (id: SectorId) => void;
}

function useChartContext(period: PeriodId): ChartContext {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const sectorTo = useSectorTo();
  const navigate = useNavigate();
  return {
    t,
    locale,
    theme,
    periodText: formatPeriod(period, locale),
    sectorTo,
    open: (id) => void navigate(sectorTo(id)),
  };
}

const sourceText = (ctx: ChartContext, measures: readonly (Measure | null)[]) => {
  const lines = sourceLines(measures.map((m) => m?.provenance));
  if (lines.length === 0) return undefined;
  return ctx.t(lines.length === 1 ? 'source.line' : 'source.lines', { lines: lines.join(ctx.t('list.sep')) });
};

function SectorName({ sector, ctx }: { sector: SectorFigure; ctx: ChartContext }) {
  return (
    <Link to={ctx.sectorTo(sector.id)} className="sector-name">
      <span aria-hidden="true" className="sector-swatch" style={{ background: sectorColor(sector.id, ctx.theme) }} />
      {localized(sector.label, ctx.locale)}
    </Link>
  );
}

function columnsFor(ctx: ChartContext, valueHeader: string): ChartColumn[] {
  return [
    { key: 'sector', header: ctx.t('col.sector') },
    { key: 'group', header: ctx.t('col.group') },
    { key: 'value', header: valueHeader, numeric: true },
    { key: 'source', header: ctx.t('col.source') },
  ];
}

function measureCells(m: Measure | null, ctx: ChartContext, signed = false): { cells: ReactNode[]; csv: CsvCell[] } {
  if (!m) return { cells: [ctx.t('notReported'), ''], csv: [ctx.t('notReported'), ''] };
  return {
    cells: [formatMeasure(m, ctx.locale, { signed }), <ProvenanceBadge key="p" provenance={m.provenance} compact />],
    csv: [csvValue(m), provenanceCell(m.provenance, ctx.t('provenance.illustrative'))],
  };
}

function rowsFor(items: readonly SectorFigure[], key: FigureKey, ctx: ChartContext, signed = false): ChartRow[] {
  return orderSectors(items).map((s) => {
    const { cells, csv } = measureCells(s[key], ctx, signed);
    const group = ctx.t(`group.${s.group}`);
    return {
      key: s.id,
      cells: [<SectorName key="n" sector={s} ctx={ctx} />, group, ...cells],
      csv: [localized(s.label, ctx.locale), group, ...csv],
    };
  });
}

function legendFor(items: readonly SectorFigure[], ctx: ChartContext): ChartLegendGroup[] {
  return GROUPS.map((g) => ({
    key: g,
    label: ctx.t(`group.${g}`),
    items: items
      .filter((s) => s.group === g)
      .map((s) => {
        const label = localized(s.label, ctx.locale);
        return {
          key: s.id,
          label,
          color: sectorColor(s.id, ctx.theme),
          actionLabel: ctx.t('chart.openSector', { sector: label }),
          onSelect: () => ctx.open(s.id),
        };
      }),
  })).filter((g) => g.items.length > 0);
}

/** Sectors without a figure, listed in words (never drawn as zero), each a link to its page. */
function NotReported({ items, ctx }: { items: readonly SectorFigure[]; ctx: ChartContext }) {
  if (items.length === 0) return null;
  return (
    <p className="sectors-not-reported">
      {ctx.t('chart.notReported')}
      {items.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 && ctx.t('list.sep')}
          <Link to={ctx.sectorTo(s.id)}>{localized(s.label, ctx.locale)}</Link>
        </Fragment>
      ))}
    </p>
  );
}

export interface BarDatum {
  id: SectorId;
  sector: SectorFigure;
  name: string;
  value: number;
  label: string;
}

const BarsPlot = lazy(() => import('./SectorPlots').then((m) => ({ default: m.BarsPlot })));
const SharePlot = lazy(() => import('./SectorPlots').then((m) => ({ default: m.SharePlot })));

/** Horizontal bars, one per reported sector in its colour, leading industries on top. */
function SectorBars(props: BarsPlotProps) {
  const groups = legendFor(
    props.data.map((d) => d.sector),
    props.ctx,
  );
  // The legend is plain HTML under the chart (Recharts' Legend machinery is not needed for it).
  return (
    <>
      <PlotSlot args={props.args}>
        <BarsPlot {...props} />
      </PlotSlot>
      <ChartLegend groups={groups} />
    </>
  );
}

function barData(items: readonly SectorFigure[], key: FigureKey, ctx: ChartContext, signed = false): BarDatum[] {
  return orderSectors(items).flatMap((s) => {
    const m = s[key];
    return m
      ? [
          {
            id: s.id,
            sector: s,
            name: localized(s.label, ctx.locale),
            value: m.value,
            label: formatMeasure(m, ctx.locale, { signed }),
          },
        ]
      : [];
  });
}

function frameState(p: SectorChartProps) {
  return {
    loading: p.loading,
    error: p.error ?? undefined,
    onRetry: p.onRetry,
    retrying: p.retrying,
    size: p.size,
  };
}

/** A nice rounded bound: 54.9 → 60, 12.8 → 20. */
function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

type BarFigure = Exclude<FigureKey, 'share'>;

/** What differs between the output, growth and firms charts. */
const BAR_FIGURES: Record<
  BarFigure,
  { unit: Key; column: Key; signed: boolean; tick: (v: number, ctx: ChartContext) => string }
> = {
  output: { unit: 'unit.money', column: 'col.output', signed: false, tick: (v, ctx) => formatMoney(v, ctx.locale) },
  growth: {
    unit: 'unit.percent',
    column: 'col.growth',
    signed: true,
    tick: (v, ctx) => formatMeasure({ value: v, unit: 'percent', provenance: { kind: 'illustrative' } }, ctx.locale),
  },
  firms: { unit: 'unit.firms', column: 'col.firms', signed: false, tick: (v, ctx) => formatCount(v, ctx.locale) },
};

/** One bar per sector for one figure; growth is drawn either side of zero. */
export function FigureChart({ figure, ...props }: SectorChartProps & { figure: BarFigure }) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const spec = BAR_FIGURES[figure];
  const data = barData(props.items, figure, ctx, spec.signed);
  const missing = orderSectors(props.items).filter((s) => s[figure] === null);
  const values = data.map((d) => d.value);
  const domain: [number, number] | undefined = spec.signed
    ? [-niceCeil(-Math.min(0, ...values)), niceCeil(Math.max(0, ...values))]
    : undefined;
  return (
    <ChartFrame
      title={t(`chart.${figure}.title`)}
      description={t(`chart.${figure}.desc`)}
      unit={t(spec.unit)}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s[figure]),
      )}
      columns={columnsFor(ctx, t(spec.column))}
      rows={rowsFor(props.items, figure, ctx, spec.signed)}
      filename={`sector-${figure}-${props.period}`}
      empty={data.length === 0 ? t(`chart.${figure}.empty`, { period: ctx.periodText }) : undefined}
      note={data.length > 0 ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={Math.max(200, data.length * 44 + 90)}
      {...frameState(props)}
    >
      {(args) => (
        <SectorBars
          data={data}
          args={args}
          ctx={ctx}
          domain={domain}
          zeroLine={spec.signed}
          tick={(v) => spec.tick(v, ctx)}
          seriesName={t(`figure.${figure}`)}
        />
      )}
    </ChartFrame>
  );
}

export interface ShareDatum {
  id: SectorId | 'other';
  name: string;
  value: number;
  label: string;
  color: string;
}

export function ShareChart(props: SectorChartProps) {
  const ctx = useChartContext(props.period);
  const { t, locale, theme } = ctx;
  const reported = orderSectors(props.items).filter((s) => s.share !== null);
  const missing = orderSectors(props.items).filter((s) => s.share === null);
  const data: ShareDatum[] = reported.flatMap((s) =>
    s.share
      ? [
          {
            id: s.id,
            name: localized(s.label, locale),
            value: s.share.value,
            label: formatMeasure(s.share, locale),
            color: sectorColor(s.id, theme),
          },
        ]
      : [],
  );
  const total = data.reduce((a, d) => a + d.value, 0);
  const rest =
    reported.length > 0 && total < 100
      ? remainderShare({
          ...(reported[0]?.share ?? { unit: 'percent', provenance: { kind: 'derived', formula: '' } }),
          value: total,
        })
      : null;
  if (rest) {
    data.push({
      id: 'other',
      name: t('chart.share.other'),
      value: rest.value,
      label: formatMeasure(rest, locale),
      color: CHART_INK[theme].other,
    });
  }
  const rows = rowsFor(props.items, 'share', ctx);
  if (rest) {
    const cells = measureCells(rest, ctx);
    rows.push({
      key: 'other',
      cells: [t('chart.share.other'), '', ...cells.cells],
      csv: [t('chart.share.other'), '', ...cells.csv],
    });
  }
  const legend: ChartLegendGroup[] = [
    {
      key: 'share',
      items: data.map((d) => {
        const id = d.id;
        return {
          key: d.id,
          label: `${d.name} ${d.label}`,
          color: d.color,
          ...(id === 'other'
            ? {}
            : { onSelect: () => ctx.open(id), actionLabel: t('chart.openSector', { sector: d.name }) }),
        };
      }),
    },
  ];
  const source = [
    sourceText(
      ctx,
      reported.map((s) => s.share),
    ),
    rest ? t('source.derived') : null,
  ]
    .filter(Boolean)
    .join(t('source.join'));
  return (
    <ChartFrame
      title={t('chart.share.title')}
      description={t('chart.share.desc')}
      unit={t('unit.percent')}
      period={ctx.periodText}
      source={source || undefined}
      columns={columnsFor(ctx, t('col.share'))}
      rows={rows}
      filename={`sector-share-${props.period}`}
      empty={data.length === 0 ? t('chart.share.empty', { period: ctx.periodText }) : undefined}
      note={data.length > 0 && !rest ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={180}
      {...frameState(props)}
    >
      {(args) => (
        <>
          <PlotSlot args={args}>
            <SharePlot data={data} args={args} ctx={ctx} />
          </PlotSlot>
          <ChartLegend groups={legend} />
        </>
      )}
    </ChartFrame>
  );
}
