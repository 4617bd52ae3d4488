import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodId, SectorId, Series } from '../../api/common';
import { ChartFrame, ChartLegend } from '../../components/ChartFrame';
import type { ChartLegendGroup, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { formatMeasure, formatMoney, formatMonthShort, formatPeriod } from '../../lib/format';
import { sectorColor } from '../../lib/sectorColors';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { CHART_INK } from './chartTheme';
import { sectorMessages } from './messages';
import { csvValue, provenanceCell, sourceLines } from './sectorData';

interface TrendProps {
  sector: SectorId;
  sectorLabel: string;
  period: PeriodId;
  series: Series | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}

interface Point {
  name: string;
  /** Every point, drawn as the dashed line (the illustrative shape of the year). */
  all: number;
  /** Reported points only, drawn as filled dots. */
  reported: number | null;
  illustrative: boolean;
  label: string;
}

/** Monthly cumulative output: reported totals as filled dots, illustrative months hollow and dashed. */
export function TrendChart({ sector, sectorLabel, period, series, loading, error, onRetry, retrying }: TrendProps) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const color = sectorColor(sector, theme);
  const periodText = formatPeriod(period, locale);
  const points = series?.points ?? [];
  const data: Point[] = points.map((p) => {
    const m = { value: p.value, unit: series?.unit ?? 'cny', provenance: p.provenance } as const;
    return {
      name: formatMonthShort(p.period, locale, series?.cumulative ?? true),
      all: p.value,
      reported: p.provenance.kind === 'illustrative' ? null : p.value,
      illustrative: p.provenance.kind === 'illustrative',
      label: m.unit === 'cny' ? formatMoney(m.value, locale) : formatMeasure(m, locale),
    };
  });
  const rows: ChartRow[] = points.map((p, i) => {
    const m = { value: p.value, unit: series?.unit ?? 'cny', provenance: p.provenance } as const;
    const kind = p.provenance.kind === 'illustrative' ? t('trend.illustrative') : t('trend.reported');
    return {
      key: p.period,
      cells: [
        data[i]?.name ?? p.period,
        data[i]?.label ?? '',
        <ProvenanceBadge key="p" provenance={p.provenance} compact />,
      ],
      csv: [
        data[i]?.name ?? p.period,
        csvValue(m),
        `${kind} ${String(provenanceCell(p.provenance, '')).trim()}`.trim(),
      ],
    };
  });
  const hasIllustrative = data.some((d) => d.illustrative);
  const legend: ChartLegendGroup[] = [
    {
      key: 'trend',
      items: [
        { key: 'reported', label: t('trend.reported'), color, marker: 'circle' },
        ...(hasIllustrative
          ? [{ key: 'illustrative', label: t('trend.illustrative'), color, marker: 'hollow' as const }]
          : []),
      ],
    },
  ];
  const lines = sourceLines(points.map((p) => p.provenance));
  return (
    <ChartFrame
      title={t('trend.title', { sector: sectorLabel })}
      description={t('trend.desc')}
      unit={t('unit.money')}
      period={periodText}
      source={
        lines.length > 0
          ? t(lines.length === 1 ? 'source.line' : 'source.lines', { lines: lines.join(t('list.sep')) })
          : undefined
      }
      columns={[
        { key: 'month', header: t('col.month') },
        { key: 'value', header: t('col.cumulative'), numeric: true },
        { key: 'kind', header: t('col.kind') },
      ]}
      rows={rows}
      filename={`sector-${sector}-trend-${period}`}
      loading={loading}
      error={error ?? undefined}
      onRetry={onRetry}
      retrying={retrying}
      empty={data.length === 0 ? t('trend.empty', { sector: sectorLabel, period: periodText }) : undefined}
      note={hasIllustrative ? <p className="sectors-trend-note">{t('trend.note')}</p> : undefined}
      height={300}
    >
      {(args) => (
        <>
          <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
            <LineChart data={data} accessibilityLayer margin={{ top: 12, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="name" interval="preserveStartEnd" tick={{ fill: CHART_INK[theme].muted }} />
              <YAxis
                tickFormatter={(v: number) => formatMoney(v, locale)}
                tick={{ fill: CHART_INK[theme].muted }}
                width={locale === 'en' ? 70 : 80}
              />
              <Tooltip
                formatter={(_v, _name, item) => {
                  const d = item.payload as Point;
                  return [d.label, d.illustrative ? t('trend.illustrative') : t('trend.reported')];
                }}
              />
              <Line
                dataKey="all"
                name={t('trend.illustrative')}
                stroke={color}
                strokeWidth={2}
                strokeDasharray="6 4"
                isAnimationActive={args.animate}
                legendType="none"
                dot={(p: { cx?: number; cy?: number; index: number }) => {
                  const d = data[p.index];
                  if (!d?.illustrative || p.cx === undefined || p.cy === undefined) return <g key={p.index} />;
                  return (
                    <circle
                      key={p.index}
                      cx={p.cx}
                      cy={p.cy}
                      r={4}
                      style={{ fill: 'var(--surface)' }}
                      stroke={color}
                      strokeWidth={2}
                    />
                  );
                }}
                activeDot={false}
              />
              <Line
                dataKey="reported"
                name={t('trend.reported')}
                stroke={color}
                strokeWidth={0}
                tooltipType="none"
                legendType="none"
                isAnimationActive={args.animate}
                dot={{ r: 6, fill: color, stroke: color }}
                activeDot={{ r: 7 }}
              />
            </LineChart>
          </ResponsiveContainer>
          <ChartLegend groups={legend} />
        </>
      )}
    </ChartFrame>
  );
}
