import type { PeriodId, SectorId, Series } from '../../api/common';
import { ChartFrame } from '../../components/ChartFrame';
import type { ChartLegendGroup, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { formatPeriod } from '../../lib/format';
import { lazyComponent } from '../../lib/lazyComponent';
import { sectorColor } from '../../lib/sectorColors';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { PlotSlot } from './PlotSlot';
import { sectorMessages } from './messages';
import { csvValue, provenanceCell, sourceLines } from './figureCells';
import { trendPoints } from './trendData';

const TrendPlot = lazyComponent(() => import('./TrendPlot').then((m) => m.TrendPlot));

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

/** Monthly cumulative output: reported totals as filled dots, illustrative months hollow and dashed. */
export function TrendChart({ sector, sectorLabel, period, series, loading, error, onRetry, retrying }: TrendProps) {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const color = sectorColor(sector, theme);
  const periodText = formatPeriod(period, locale);
  const points = series?.points ?? [];
  const data = trendPoints(series, locale);
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
      legend={legend}
      note={hasIllustrative ? <p className="sectors-trend-note">{t('trend.note')}</p> : undefined}
      height={300}
    >
      {(args) => (
        <PlotSlot
          args={args}
          plot={TrendPlot}
          props={{
            data,
            args,
            color,
            theme,
            locale,
            names: { reported: t('trend.reported'), illustrative: t('trend.illustrative') },
          }}
        />
      )}
    </ChartFrame>
  );
}
