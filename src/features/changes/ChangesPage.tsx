import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { parseVersionId, publishedVersionsOptions, versionChangesOptions } from '../../api/changes';
import type { PublishedVersion, VersionChanges } from '../../api/changes';
import { ApiError } from '../../api/client';
import type { ImportChange } from '../../api/admin';
import { metaOptions } from '../../api/meta';
import { AppLink } from '../../components/AppLink';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatDate } from '../../lib/format';
import { localized } from '../../lib/i18n';
import { useRouteSearch } from '../../lib/routeSearch';
import { param } from '../../lib/search';
import { useAddressCheck } from '../../stores/addressNotices';
import { useLocale, useT } from '../../stores/prefs';
import { changesMessages } from './messages';
import { fieldName, noteText, summaryFields, unitText } from './wording';
import './changes.css';
import { ChangeFacts, periodList } from '../../components/ChangeFacts';
import { sheetMessages } from '../../components/sheetMessages';

const changesSearch = { version: param(parseVersionId) };

const CHANGE_KINDS = ['added', 'changed', 'removed'] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];
/** Each kind has its sign as well as its colour and word: never told by colour alone. */
const CHANGE_SIGN: Record<ChangeKind, string> = { added: '+', changed: '~', removed: '−' };

const pad2 = (n: number) => String(n).padStart(2, '0');
/** The day a moment falls on in the reader's time zone, as YYYY-MM-DD. */
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
};

function ChangeTag({ change }: { change: ChangeKind }) {
  const t = useT(changesMessages);
  return (
    <span className={`change-tag change-tag--${change}`}>
      <span aria-hidden="true">{CHANGE_SIGN[change]}</span> {t(`change.${change}`)}
    </span>
  );
}

/** A cell's text with its unit: 180亿元 / 180 × 100m yuan. */
function CellValue({ value, unit }: { value: string | null; unit: string | null }) {
  const t = useT(changesMessages);
  const locale = useLocale();
  if (value === null || value === '') return <span className="changes__none">{t('row.none')}</span>;
  // The sheets write in Chinese: on an English page their words keep their language for a screen reader.
  const text = locale === 'en' && /[\u4e00-\u9fff]/.test(value) ? <span lang="zh-CN">{value}</span> : value;
  if (!unit) return text;
  return (
    <span className="changes__value">
      {text}
      {unitText(unit, locale)}
    </span>
  );
}

/** A whole row added or removed: each of its fields with its value. */
function RowSummary({ summary }: { summary: string }) {
  const locale = useLocale();
  return (
    <ul className="changes__summary">
      {summaryFields(summary).map((f) => (
        <li key={f.field}>
          {fieldName(f.field, locale)}
          {locale === 'en' ? ': ' : ' '}
          <CellValue value={f.value} unit={f.unit} />
        </li>
      ))}
    </ul>
  );
}

function ChangeRows({ version, rows }: { version: number; rows: readonly ImportChange[] }) {
  const t = useT(changesMessages);
  const ts = useT(sheetMessages);
  const locale = useLocale();
  return (
    <table className="changes__table">
      <caption className="visually-hidden">{t('rows.caption', { n: version })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('col.change')}</th>
          <th scope="col">{t('col.sheet')}</th>
          <th scope="col">{t('col.item')}</th>
          <th scope="col">{t('col.field')}</th>
          <th scope="col">{t('col.values')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={i} className={`changes__row changes__row--${c.change}`}>
            <td>
              <ChangeTag change={c.change} />
            </td>
            <td data-label={t('col.sheet')}>{ts(c.sheet)}</td>
            <th scope="row">{localized(c.label, locale)}</th>
            <td data-label={t('col.field')}>{c.field ? fieldName(c.field, locale) : t('row.whole')}</td>
            <td className="changes__values">
              {c.change === 'changed' ? (
                <>
                  <del>
                    <CellValue value={c.before} unit={c.unit} />
                  </del>{' '}
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">{t('row.arrow')}</span>{' '}
                  <ins>
                    <CellValue value={c.after} unit={c.unit} />
                  </ins>
                </>
              ) : (
                <RowSummary summary={(c.change === 'added' ? c.after : c.before) ?? ''} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeSet({ answer }: { answer: VersionChanges }) {
  const t = useT(changesMessages);
  const locale = useLocale();
  const { version, comparedWith, changes } = answer;
  if (!changes || comparedWith === null) return <p>{t('detail.first')}</p>;
  const { counts } = changes;
  const total = counts.added + counts.changed + counts.removed;
  return (
    <>
      <p className="changes__against">{t('detail.against', { m: comparedWith })}</p>
      <ul className="changes__counts">
        {CHANGE_KINDS.map((kind) => (
          <li key={kind} className={`change-tag change-tag--${kind}`}>
            <span aria-hidden="true">{CHANGE_SIGN[kind]}</span>{' '}
            {t(`count.${kind}`, { n: formatCount(counts[kind], locale) })}
          </li>
        ))}
      </ul>
      <ChangeFacts
        className="changes__facts"
        label={t('facts.label')}
        asOf={changes.asOf}
        periodsAdded={changes.periodsAdded}
        periodsRemoved={changes.periodsRemoved}
      />
      {total === 0 ? (
        <p>{t('detail.nothing', { m: comparedWith })}</p>
      ) : (
        <>
          <h3>{t('tiles.title')}</h3>
          {changes.tiles.length === 0 ? (
            <p>{t('tiles.none')}</p>
          ) : (
            <ul className="changes__tiles">
              {changes.tiles.map((tile) => (
                <li key={tile.kpi}>
                  {t('tiles.tile', { label: localized(tile.label, locale), periods: periodList(tile.periods, locale) })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('rows.title')}</h3>
          {total > changes.changes.length && (
            <p>
              {t('rows.truncated', {
                total: formatCount(total, locale),
                shown: formatCount(changes.changes.length, locale),
              })}
            </p>
          )}
          <ChangeRows version={version.id} rows={changes.changes} />
        </>
      )}
    </>
  );
}

function VersionDetail({ id }: { id: number }) {
  const t = useT(changesMessages);
  const headingId = useId();
  const answer = useQuery(versionChangesOptions(id));
  const unknown = answer.error instanceof ApiError && answer.error.status === 404;
  return (
    <section className="changes__detail" aria-labelledby={headingId} aria-busy={answer.isPending}>
      <h2 id={headingId}>{t('detail.title', { n: id })}</h2>
      {answer.data ? (
        <ChangeSet answer={answer.data} />
      ) : unknown ? (
        <p>{t('detail.unknown', { n: id })}</p>
      ) : answer.isError ? (
        <ErrorPanel
          what={t('detail.what')}
          error={answer.error}
          onRetry={() => void answer.refetch()}
          retrying={answer.isFetching}
        />
      ) : (
        <Skeleton height="8rem" />
      )}
    </section>
  );
}

function VersionItem({ version, chosen }: { version: PublishedVersion; chosen: boolean }) {
  const t = useT(changesMessages);
  const locale = useLocale();
  const { kpis = 0, kpiValues = 0, projects = 0 } = version.counts;
  const note = noteText(version.note, locale);
  return (
    <li className="changes__version">
      <AppLink
        to="/changes"
        params={{ version: String(version.id) }}
        aria-current={chosen ? 'page' : undefined}
        className="changes__version-link"
      >
        {t('version.name', { n: version.id })}
      </AppLink>
      {version.current && <span className="changes__current">{t('version.current')}</span>}
      <span className="changes__version-date">
        <time dateTime={version.publishedAt}>
          {t('version.published', { date: formatDate(localDay(version.publishedAt), locale) })}
        </time>
      </span>
      {note.text && (
        <span className="changes__note" lang={note.lang}>
          {note.text}
        </span>
      )}
      <span className="changes__holds">
        {t('version.holds', {
          kpis: formatCount(kpis, locale),
          values: formatCount(kpiValues, locale),
          projects: formatCount(projects, locale),
        })}
      </span>
    </li>
  );
}

/** /changes: the published versions, and what the chosen one (by default the current one) changed. */
export default function ChangesPage() {
  const t = useT(changesMessages);
  useAddressCheck(changesSearch);
  const asked = useRouteSearch(changesSearch).values.version;
  const meta = useQuery(metaOptions());
  const versions = useQuery(publishedVersionsOptions());
  const listId = useId();
  const chosen = asked ?? meta.data?.dataVersion.id ?? null;
  const listRef = useRef<HTMLOListElement>(null);
  const chosenIn = versions.data?.versions.some((v) => v.id === chosen) ?? false;
  // A long history scrolls in its box: the chosen version is brought into it (the window stays where it is).
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="page"]')?.closest('li');
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top;
  }, [chosen, chosenIn]);
  return (
    <div className="page changes">
      <h1>{t('title')}</h1>
      <p className="changes__intro">{t('intro')}</p>
      <div className="changes__layout">
        <nav className="changes__list" aria-labelledby={listId}>
          <h2 id={listId}>{t('list.label')}</h2>
          {versions.data ? (
            <ol ref={listRef}>
              {versions.data.versions.map((v) => (
                <VersionItem key={v.id} version={v} chosen={v.id === chosen} />
              ))}
            </ol>
          ) : versions.isError ? (
            <ErrorPanel
              what={t('list.what')}
              error={versions.error}
              onRetry={() => void versions.refetch()}
              retrying={versions.isFetching}
            />
          ) : (
            <Skeleton height="6rem" />
          )}
        </nav>
        {chosen !== null && <VersionDetail key={chosen} id={chosen} />}
      </div>
    </div>
  );
}
