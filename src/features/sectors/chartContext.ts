import { useNavigate } from 'react-router';
import type { PeriodId, SectorId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import { formatPeriod } from '../../lib/format';
import { useSectorColor } from '../../lib/sectorColors';
import type { Locale, Translate } from '../../lib/i18n';
import type { Theme } from '../../lib/search';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { sectorMessages } from './messages';
import type { SectorMessageKey } from './messages';
import { useSectorTo } from './sectorNavigation';

/** What the sectors page gives each of its charts. */
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

/** What a sector chart's parts need to write and link: language, theme, period, the way to a sector. */
export interface ChartContext {
  t: Translate<SectorMessageKey>;
  locale: Locale;
  theme: Theme;
  periodText: string;
  sectorTo: ReturnType<typeof useSectorTo>;
  open: (id: SectorId) => void;
  /** A sector's colour in the theme. */
  color: (id: SectorId) => string;
}

export function useChartContext(period: PeriodId): ChartContext {
  const t = useT(sectorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const sectorTo = useSectorTo();
  const navigate = useNavigate();
  const sectorColor = useSectorColor();
  return {
    t,
    locale,
    theme,
    periodText: formatPeriod(period, locale),
    sectorTo,
    open: (id) => void navigate(sectorTo(id)),
    color: (id) => sectorColor(id, theme),
  };
}

/** The ChartFrame states (loading, error, retry, size) of a sector chart. */
export function frameState(p: SectorChartProps) {
  return {
    loading: p.loading,
    error: p.error ?? undefined,
    onRetry: p.onRetry,
    retrying: p.retrying,
    size: p.size,
  };
}
