import { useId, useMemo, useState } from 'react';
import type { ImportChange, ImportPreview, ImportReport } from '../../../api/admin';
import { formatCount } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { useLocale, useT } from '../../../stores/prefs';
import { adminMessages } from '../messages';
import { AdminTable } from './AdminTable';
import { ChangeFacts, periodList } from '../../../components/ChangeFacts';
import { sheetMessages } from '../../../components/sheetMessages';

const CHANGE_KINDS = ['added', 'changed', 'removed'] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];
type Filter = ChangeKind | 'all';

const CHANGE_ICON: Record<ChangeKind, string> = { added: '+', changed: '~', removed: '−' };

function ChangeTag({ change }: { change: ChangeKind }) {
  const t = useT(adminMessages);
  return (
    <span className={`change change--${change}`}>
      <span className="change__icon" aria-hidden="true">
        {CHANGE_ICON[change]}
      </span>
      {t(`change.${change}`)}
    </span>
  );
}

/** A cell's value with its unit: 180亿元, 5.2%, 12 家. */
function ValueText({ value, unit }: { value: string | null; unit: string | null }) {
  const t = useT(adminMessages);
  if (value === null || value === '') return <span className="admin__muted">{t('preview.none')}</span>;
  const spaced = unit && /^[A-Za-z]/.test(unit) ? ` ${unit}` : (unit ?? '');
  return <>{t('preview.value', { value, unit: spaced })}</>;
}

function ChangeTable({ changes }: { changes: readonly ImportChange[] }) {
  const t = useT(adminMessages);
  const ts = useT(sheetMessages);
  const locale = useLocale();
  return (
    <AdminTable
      label={t('preview.region')}
      caption={t('preview.caption')}
      tall
      columns={[
        { label: t('col.change') },
        { label: t('col.sheet') },
        { label: t('col.item') },
        { label: t('col.field') },
        { label: t('col.before'), numeric: true },
        { label: t('col.after'), numeric: true },
      ]}
    >
      {changes.map((c, i) => (
        <tr key={i}>
          <td>
            <ChangeTag change={c.change} />
          </td>
          <td>{ts(c.sheet)}</td>
          <th scope="row" className="atable__wrap">
            <span className="atable__text atable__text--short">{localized(c.label, locale)}</span>
          </th>
          <td>{c.field ?? t('preview.wholeRow')}</td>
          <td className="num atable__value">
            <ValueText value={c.before} unit={c.unit} />
          </td>
          <td className="num atable__value">
            <ValueText value={c.after} unit={c.unit} />
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

function PreviewBody({ preview }: { preview: ImportPreview }) {
  const t = useT(adminMessages);
  const locale = useLocale();
  const [filter, setFilter] = useState<Filter>('all');
  const filterName = useId();
  const shown = useMemo(
    () => (filter === 'all' ? preview.changes : preview.changes.filter((c) => c.change === filter)),
    [preview.changes, filter],
  );
  const { counts } = preview;
  const total = counts.added + counts.changed + counts.removed;
  const inList = (kind: ChangeKind) => preview.changes.filter((c) => c.change === kind).length;
  return (
    <>
      <dl className="admin__counts">
        {CHANGE_KINDS.map((kind) => (
          <div key={kind} className={`admin__count admin__count--${kind}`}>
            <dt>
              <ChangeTag change={kind} />
            </dt>
            <dd>{formatCount(counts[kind], locale)}</dd>
          </div>
        ))}
      </dl>
      <ChangeFacts
        className="admin__facts"
        asOf={preview.asOf}
        periodsAdded={preview.periodsAdded}
        periodsRemoved={preview.periodsRemoved}
      />
      <h3>{t('preview.tiles')}</h3>
      {preview.tiles.length === 0 ? (
        <p className="admin__muted">{t('preview.noTiles')}</p>
      ) : (
        <ul className="admin__tiles">
          {preview.tiles.map((tile) => (
            <li key={tile.kpi}>
              {t('preview.tile', { label: localized(tile.label, locale), periods: periodList(tile.periods, locale) })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('preview.changes')}</h3>
      {total === 0 ? (
        <p className="admin__muted">{t('preview.noChanges')}</p>
      ) : (
        <>
          {total > preview.changes.length && (
            <p className="admin__muted">
              {t('preview.truncated', {
                total: formatCount(total, locale),
                shown: formatCount(preview.changes.length, locale),
              })}
            </p>
          )}
          <fieldset className="admin__filter">
            <legend>{t('preview.filter')}</legend>
            {(['all', ...CHANGE_KINDS] as const).map((kind) => (
              <label key={kind}>
                <input
                  type="radio"
                  name={filterName}
                  value={kind}
                  checked={filter === kind}
                  onChange={() => setFilter(kind)}
                />
                {kind === 'all'
                  ? t('preview.filterAll', { n: formatCount(preview.changes.length, locale) })
                  : t(`change.count.${kind}`, { n: formatCount(inList(kind), locale) })}
              </label>
            ))}
          </fieldset>
          <ChangeTable changes={shown} />
        </>
      )}
    </>
  );
}

/** Step 3: what publishing the checked file would change, before anything is published. */
export function PreviewStep({ report }: { report: ImportReport | null }) {
  const t = useT(adminMessages);
  const headingId = useId();
  return (
    <section className="admin__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('preview.title')}</h2>
      {report?.preview ? (
        <PreviewBody key={report.id} preview={report.preview} />
      ) : (
        <p className="admin__muted">{report ? t('preview.blocked') : t('preview.waiting')}</p>
      )}
    </section>
  );
}
