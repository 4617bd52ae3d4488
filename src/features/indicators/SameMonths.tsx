import { ChartFrame } from '../../components/ChartFrame';
import type { ChartColumn, ChartLegendGroup, ChartRow } from '../../components/ChartFrame';
import { localized } from '../../lib/i18n';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { csvChange, csvMoney, csvNumber, FigureCell, PlotSlot, spanText, valueScale } from './chartParts';
import type { IndicatorChartProps } from './chartParts';
import { indicatorMessages } from './messages';
import { sameMonthsOf } from './model';
import { yearColor } from './palette';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The same months of each year side by side: a line per year over the months, and a table of
 * month × year with each year's 同比 against the year before.
 */
export function SameMonths({ history, picked }: IndicatorChartProps) {
  const t = useT(indicatorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const same = sameMonthsOf(history);
  if (same.months.length === 0) return <p className="indicator-note">{t('same.none')}</p>;
  const label = localized(history.label, locale);
  const unit = history.points[0]?.value.unit ?? 'count';
  // A monthly period (YYYYMmm) is a total from January unless the catalog says the figures are levels.
  const cumulative = history.cumulative !== false;
  const monthName = (m: number) =>
    t(cumulative && m > 1 ? 'same.monthName.ytd' : 'same.monthName', { m, mon: MONTHS_EN[m - 1] ?? '' });
  const scale = valueScale(
    unit,
    same.months.flatMap((m) => [...m.byYear.values()].map((c) => c.drawn ?? 0)),
    locale,
  );
  const yearKey = (y: number) => `y${y}`;
  const lines = same.years.map((y) => ({
    key: yearKey(y),
    name: t('same.year', { y }),
    color: yearColor(same.years, y, theme),
  }));
  const legend: ChartLegendGroup[] = [
    { key: 'years', items: lines.map((l) => ({ key: l.key, label: l.name, color: l.color, marker: 'line' })) },
  ];
  const money = csvMoney(unit, locale);
  const yoyUnit = csvChange(
    history.points.map((p) => p.yoy),
    locale,
  );
  // Each year's value, then from the second year on its 同比.
  const columns: ChartColumn[] = [
    { key: 'month', header: t('same.month') },
    ...same.years.flatMap((y, i) => [
      { key: yearKey(y), header: t('same.year', { y }), csvHeader: `${t('same.year', { y })}${money}`, numeric: true },
      ...(i > 0
        ? [
            {
              key: `yoy${y}`,
              header: t('same.yoy', { y }),
              csvHeader: `${t('same.yoy', { y })}${yoyUnit}`,
              numeric: true,
            },
          ]
        : []),
    ]),
  ];
  const none = t('none');
  const rows: ChartRow[] = same.months.map(({ month, byYear }) => ({
    key: String(month),
    cells: [
      monthName(month),
      ...same.years.flatMap((y, i) => {
        const cell = byYear.get(y);
        const mark = cell?.point.period === picked;
        const value = (
          <span key={yearKey(y)} className={mark ? 'indicator-picked-cell' : undefined}>
            <FigureCell measure={cell?.point.value ?? null} none={none} />
            {mark && <span className="indicator-picked"> {t('picked')}</span>}
          </span>
        );
        return i > 0
          ? [value, <FigureCell key={`yoy${y}`} measure={cell?.point.yoy ?? null} signed none={none} />]
          : [value];
      }),
    ],
    csv: [
      monthName(month),
      ...same.years.flatMap((y, i) => {
        const cell = byYear.get(y);
        const value = csvNumber(cell?.point.value ?? null);
        return i > 0 ? [value, cell?.point.yoy?.value ?? null] : [value];
      }),
    ],
  }));
  return (
    <ChartFrame
      title={t('same.title', { label })}
      description={t('same.desc')}
      period={spanText(history, locale, t)}
      note={same.single ? <p>{t('same.single')}</p> : undefined}
      unit={scale.label}
      columns={columns}
      rows={rows}
      filename={`indicator-${history.id}-same-months`}
      height={300}
      legend={same.single ? undefined : legend}
      empty={same.single ? t('chart.none') : undefined}
      defaultView={same.single ? 'table' : 'chart'}
    >
      {(args) => (
        <PlotSlot
          args={args}
          theme={theme}
          tick={scale.tick}
          lines={lines}
          data={same.months.map(({ month, byYear }) => ({
            name: monthName(month),
            ...Object.fromEntries(same.years.map((y) => [yearKey(y), byYear.get(y)?.drawn ?? null])),
          }))}
        />
      )}
    </ChartFrame>
  );
}
