import { useEffect, useId, useRef } from 'react';
import type { Kpi } from '../../../api/kpis';
import type { PeriodInfo } from '../../../api/meta';
import { formatPeriod } from '../../../lib/format';
import { MeasureText } from '../../../components/FigureText';
import { localized } from '../../../lib/i18n';
import { useLocale, useT } from '../../../stores/prefs';
import { componentMessages } from '../../../components/messages';
import { kpiMessages } from '../messages';
import { sourceRows } from '../model';
import type { SourceRole } from '../model';

interface SourcesDialogProps {
  open: boolean;
  onClose: () => void;
  items: readonly Kpi[];
  periods: readonly PeriodInfo[];
  reportTitle: string;
}

const ROLE_KEYS = {
  value: 'sources.role.value',
  target: 'sources.role.target',
  yoy: 'sources.role.yoy',
  monthValue: 'sources.role.monthValue',
  mom: 'sources.role.mom',
  planCompletion: 'sources.role.planCompletion',
  reference: 'sources.role.reference',
  difference: 'sources.role.difference',
  trend: 'sources.role.trend',
} as const satisfies Record<Exclude<SourceRole, 'fact'>, keyof (typeof kpiMessages)['en']>;

/** "L56-L58" → "56–58". */
const lines = (source: string) => source.replaceAll('L', '').replace('-', '–');

/** Every number on the overview with its kind, report line and formula (a native modal dialog). */
export function SourcesDialog({ open, onClose, items, periods, reportTitle }: SourcesDialogProps) {
  const t = useT(kpiMessages);
  const tc = useT(componentMessages);
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom and old browsers lack showModal; the open attribute still shows the dialog.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const rows = open ? sourceRows(items) : [];
  return (
    <dialog ref={ref} className="sources-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="sources-dialog__head">
        <h2 id={titleId}>{t('sources.title')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('sources.close')}
        </button>
      </div>
      <p className="sources-dialog__intro">{t('sources.intro', { title: reportTitle })}</p>
      {open && (
        <div className="sources-dialog__scroll">
          <table className="sources-table">
            <thead>
              <tr>
                <th scope="col">{t('sources.col.figure')}</th>
                <th scope="col">{t('sources.col.value')}</th>
                <th scope="col">{t('sources.col.period')}</th>
                <th scope="col">{t('sources.col.kind')}</th>
                <th scope="col">{t('sources.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const role = row.role === 'fact' && row.factLabel ? localized(row.factLabel, locale) : null;
                const roleText = role ?? (row.role === 'fact' ? '' : t(ROLE_KEYS[row.role]));
                const detail = [
                  row.provenance.source ? t('sources.line', { lines: lines(row.provenance.source) }) : null,
                  row.provenance.formula ? t('sources.formula', { formula: row.provenance.formula }) : null,
                ].filter(Boolean);
                return (
                  <tr key={i}>
                    <th scope="row">
                      {localized(row.kpi.label, locale)}
                      <span className="sources-table__role">{roleText}</span>
                    </th>
                    <td>
                      <MeasureText measure={row.measure} signed={row.role === 'yoy'} />
                    </td>
                    <td>
                      {formatPeriod(row.period, locale, {
                        target: periods.some((p) => p.id === row.period && p.kind === 'target'),
                      })}
                    </td>
                    <td>{tc(`provenance.${row.provenance.kind}`)}</td>
                    <td>{detail.length > 0 ? detail.join(tc('provenance.join')) : t('sources.none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </dialog>
  );
}
