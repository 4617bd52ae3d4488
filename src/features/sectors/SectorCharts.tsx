import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Measure, PeriodId, SectorId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import type { CsvCell } from '../../lib/csv';
import { ChartFrame, ChartLegend } from '../../components/ChartFrame';
import type { ChartColumn, ChartLegendGroup, ChartRenderArgs, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { formatCount, formatMeasure, formatMoney, formatPeriod } from '../../lib/format';
import { localized } from '../../lib/i18n';
import type { Locale, Translate } from '../../lib/i18n';
import type { Theme } from '../../lib/searchParams';
import { sectorColor } from '../../lib/sectorColors';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { CHART_INK } from './chartTheme';
import { sectorMessages } from './messages';
import { csvValue, GROUPS, orderSectors, provenanceCell, remainderShare, sourceLines, useSectorTo } from './sectorData';
import type { FigureKey } from './sectorData';

type Key = keyof (typeof sectorMessages)['en'];

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

interface Context {
  t: Translate<Key>;
  locale: Locale;
  theme: Theme;
  periodText: string;
  sectorTo: ReturnType<typeof useSectorTo>;
  open: (id: SectorId) => void;
}

function useChartContext(period: PeriodId): Context {
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

const sourceText = (ctx: Context, measures: readonly (Measure | null)[]) => {
  const lines = sourceLines(measures.map((m) => m?.provenance));
  if (lines.length === 0) return undefined;
  return ctx.t(lines.length === 1 ? 'source.line' : 'source.lines', { lines: lines.join(ctx.t('list.sep')) });
};

function SectorName({ sector, ctx }: { sector: SectorFigure; ctx: Context }) {
  return (
    <Link to={ctx.sectorTo(sector.id)} className="sector-name">
      <span aria-hidden="true" className="sector-swatch" style={{ background: sectorColor(sector.id, ctx.theme) }} />
      {localized(sector.label, ctx.locale)}
    </Link>
  );
}

function columnsFor(ctx: Context, valueHeader: string): ChartColumn[] {
  return [
    { key: 'sector', header: ctx.t('col.sector') },
    { key: 'group', header: ctx.t('col.group') },
    { key: 'value', header: valueHeader, numeric: true },
    { key: 'source', header: ctx.t('col.source') },
  ];
}

function measureCells(m: Measure | null, ctx: Context, signed = false): { cells: ReactNode[]; csv: CsvCell[] } {
  if (!m) return { cells: [ctx.t('notReported'), ''], csv: [ctx.t('notReported'), ''] };
  return {
    cells: [formatMeasure(m, ctx.locale, { signed }), <ProvenanceBadge key="p" provenance={m.provenance} compact />],
    csv: [csvValue(m), provenanceCell(m.provenance, ctx.t('provenance.illustrative'))],
  };
}

function rowsFor(items: readonly SectorFigure[], key: FigureKey, ctx: Context, signed = false): ChartRow[] {
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

function legendFor(items: readonly SectorFigure[], ctx: Context): ChartLegendGroup[] {
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
function NotReported({ items, ctx }: { items: readonly SectorFigure[]; ctx: Context }) {
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

interface BarDatum {
  id: SectorId;
  sector: SectorFigure;
  name: string;
  value: number;
  label: string;
}

/** Horizontal bars, one per reported sector in its colour, leading industries on top. */
function SectorBars({
  data,
  args,
  ctx,
  tick,
  domain,
  zeroLine = false,
  seriesName,
}: {
  data: BarDatum[];
  args: ChartRenderArgs;
  ctx: Context;
  tick: (v: number) => string;
  domain?: [number, number];
  zeroLine?: boolean;
  seriesName: string;
}) {
  const groups = legendFor(
    data.map((d) => d.sector),
    ctx,
  );
  const yWidth = ctx.locale === 'en' ? 150 : 80;
  // The legend is plain HTML under the chart (Recharts' Legend machinery is not needed for it).
  return (
    <>
      <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
        <BarChart
          data={data}
          layout="vertical"
          accessibilityLayer
          margin={{ top: 8, right: 72, bottom: 4, left: 8 }}
          barCategoryGap="22%"
        >
          <CartesianGrid horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={tick}
            domain={domain ?? [0, 'auto']}
            allowDecimals
            tick={{ fill: CHART_INK[ctx.theme].muted }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={yWidth}
            interval={0}
            tick={{ fill: CHART_INK[ctx.theme].text }}
          />
          {zeroLine && <ReferenceLine x={0} strokeWidth={1.5} />}
          <Tooltip
            cursor={{ fillOpacity: 0.12 }}
            formatter={(_v, _n, item) => [(item.payload as BarDatum).label, seriesName]}
          />
          <Bar
            dataKey="value"
            name={seriesName}
            isAnimationActive={args.animate}
            maxBarSize={30}
            className="sector-bar"
            onClick={(_d, index) => {
              const d = data[index];
              if (d) ctx.open(d.id);
            }}
            shape={(props) => {
              const d = data[props.index];
              const x = props.x;
              const y = props.y;
              const w = props.width;
              const h = props.height;
              const negative = d !== undefined && d.value < 0;
              // Value labels drawn with the bar (not LabelList): they stay when the entry animation is switched off.
              return (
                <g>
                  <Rectangle {...props} fill={d ? sectorColor(d.id, ctx.theme) : undefined} />
                  {d && (
                    <text
                      x={negative ? Math.min(x, x + w) - 6 : Math.max(x, x + w) + 6}
                      y={y + h / 2}
                      dominantBaseline="central"
                      textAnchor={negative ? 'end' : 'start'}
                      fill={CHART_INK[ctx.theme].text}
                      className="sector-bar__label"
                    >
                      {d.label}
                    </text>
                  )}
                </g>
              );
            }}
          />
        </BarChart>
      </ResponsiveContainer>
      <ChartLegend groups={groups} />
    </>
  );
}

function barData(items: readonly SectorFigure[], key: FigureKey, ctx: Context, signed = false): BarDatum[] {
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

export function OutputChart(props: SectorChartProps) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const data = barData(props.items, 'output', ctx);
  const missing = orderSectors(props.items).filter((s) => s.output === null);
  return (
    <ChartFrame
      title={t('chart.output.title')}
      description={t('chart.output.desc')}
      unit={t('unit.money')}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s.output),
      )}
      columns={columnsFor(ctx, t('col.output'))}
      rows={rowsFor(props.items, 'output', ctx)}
      filename={`sector-output-${props.period}`}
      empty={data.length === 0 ? t('chart.output.empty', { period: ctx.periodText }) : undefined}
      note={data.length > 0 ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={Math.max(200, data.length * 44 + 90)}
      {...frameState(props)}
    >
      {(args) => (
        <SectorBars
          data={data}
          args={args}
          ctx={ctx}
          tick={(v) => formatMoney(v, ctx.locale)}
          seriesName={t('figure.output')}
        />
      )}
    </ChartFrame>
  );
}

export function GrowthChart(props: SectorChartProps) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const data = barData(props.items, 'growth', ctx, true);
  const missing = orderSectors(props.items).filter((s) => s.growth === null);
  const values = data.map((d) => d.value);
  const domain: [number, number] = [-niceCeil(-Math.min(0, ...values)), niceCeil(Math.max(0, ...values))];
  return (
    <ChartFrame
      title={t('chart.growth.title')}
      description={t('chart.growth.desc')}
      unit={t('unit.percent')}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s.growth),
      )}
      columns={columnsFor(ctx, t('col.growth'))}
      rows={rowsFor(props.items, 'growth', ctx, true)}
      filename={`sector-growth-${props.period}`}
      empty={data.length === 0 ? t('chart.growth.empty', { period: ctx.periodText }) : undefined}
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
          zeroLine
          tick={(v) => formatMeasure({ value: v, unit: 'percent', provenance: { kind: 'illustrative' } }, ctx.locale)}
          seriesName={t('figure.growth')}
        />
      )}
    </ChartFrame>
  );
}

export function FirmsChart(props: SectorChartProps) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const data = barData(props.items, 'firms', ctx);
  const missing = orderSectors(props.items).filter((s) => s.firms === null);
  return (
    <ChartFrame
      title={t('chart.firms.title')}
      description={t('chart.firms.desc')}
      unit={t('unit.firms')}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s.firms),
      )}
      columns={columnsFor(ctx, t('col.firms'))}
      rows={rowsFor(props.items, 'firms', ctx)}
      filename={`sector-firms-${props.period}`}
      empty={data.length === 0 ? t('chart.firms.empty', { period: ctx.periodText }) : undefined}
      note={data.length > 0 ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={Math.max(200, data.length * 44 + 90)}
      {...frameState(props)}
    >
      {(args) => (
        <SectorBars
          data={data}
          args={args}
          ctx={ctx}
          tick={(v) => formatCount(v, ctx.locale)}
          seriesName={t('figure.firms')}
        />
      )}
    </ChartFrame>
  );
}

interface ShareDatum {
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
        // A 100 % stacked bar rather than a donut: the same reading, and no polar-chart code to download.
        <>
          <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
            <BarChart
              accessibilityLayer
              layout="vertical"
              data={[Object.fromEntries([['name', ctx.periodText], ...data.map((d) => [d.id, d.value])])]}
              margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
              barCategoryGap={8}
            >
              <XAxis
                type="number"
                domain={[0, 100]}
                ticks={[0, 25, 50, 75, 100]}
                unit="%"
                tick={{ fill: CHART_INK[theme].muted }}
              />
              <YAxis type="category" dataKey="name" hide />
              <Tooltip
                cursor={false}
                formatter={(_v, key) => {
                  const d = data.find((x) => x.id === key);
                  return [d?.label ?? '', d?.name ?? ''];
                }}
              />
              {data.map((d) => (
                <Bar
                  key={d.id}
                  dataKey={d.id}
                  name={d.id}
                  stackId="share"
                  fill={d.color}
                  isAnimationActive={args.animate}
                  className="sector-bar"
                  onClick={() => {
                    if (d.id !== 'other') ctx.open(d.id);
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
          <ChartLegend groups={legend} />
        </>
      )}
    </ChartFrame>
  );
}
