import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { adminErrorOf, rollbackMutation, versionListOptions } from '../../../api/admin';
import type { VersionRecord } from '../../../api/admin';
import { ApiError } from '../../../api/client';
import { describeError, ErrorPanel } from '../../../components/ErrorPanel';
import { componentMessages } from '../../../components/messages';
import { formatCount } from '../../../lib/format';
import { useLocale, useT } from '../../../stores/prefs';
import { adminMessages } from '../messages';
import { endsSession, formatDateTime, shortSha } from '../model';
import { AdminTable } from './AdminTable';

interface VersionHistoryProps {
  csrfToken: string;
  /** A version was published here (rolled back to): every figure of the dashboard is out of date. */
  onChanged: () => void;
  onSessionLost: (error: ApiError) => void;
  announce: (text: string) => void;
}

const count = (n: number | undefined, locale: 'zh-CN' | 'en', none: string) =>
  n === undefined ? none : formatCount(n, locale);

/** Every published version, newest first; any but the current one can be published again (rolled back to). */
export function VersionHistory({ csrfToken, onChanged, onSessionLost, announce }: VersionHistoryProps) {
  const t = useT(adminMessages);
  const tc = useT(componentMessages);
  const locale = useLocale();
  const versions = useQuery(versionListOptions());
  const rollback = useMutation(rollbackMutation());
  const [confirming, setConfirming] = useState<VersionRecord | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const headingId = useId();
  const confirmHeadingId = useId();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const rowButtons = useRef(new Map<number, HTMLButtonElement>());

  const list = versions.data?.versions ?? [];
  const current = list.find((v) => v.current) ?? null;
  const none = t('history.none');

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // The list is for editors only: a session that ran out shows the sign-in form, not an error.
  const { error } = versions;
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) onSessionLost(error);
  }, [error, onSessionLost]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const cancel = () => {
    const id = confirming?.id;
    setConfirming(null);
    if (id !== undefined) rowButtons.current.get(id)?.focus();
  };

  const confirm = () => {
    if (!confirming || !current) return;
    const target = confirming;
    announce(t('status.rollingBack'));
    rollback.mutate(
      { versionId: target.id, basedOn: current.id, csrfToken },
      {
        onSuccess: ({ version }) => {
          const text = t('rollback.done', { n: target.id, m: version.id });
          setConfirming(null);
          setOutcome({ ok: true, text });
          announce(text);
          onChanged();
        },
        onError: (error) => {
          if (endsSession(error)) {
            setConfirming(null);
            onSessionLost(error);
            return;
          }
          const body = adminErrorOf(error);
          const status = error instanceof ApiError ? error.status : undefined;
          let text: string;
          if (status === 409) {
            text = body?.winner
              ? t('rollback.conflict', {
                  by: body.winner.publishedBy,
                  time: formatDateTime(body.winner.publishedAt, locale),
                  m: body.winner.id,
                })
              : t('rollback.failed', { reason: describeError(error, tc) });
            onChanged();
          } else {
            text = t('rollback.failed', { reason: describeError(error, tc) });
          }
          setConfirming(null);
          setOutcome({ ok: false, text });
          announce('');
        },
      },
    );
  };

  return (
    <section className="admin__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {outcome && (
        <p
          ref={outcomeRef}
          tabIndex={-1}
          className={`admin__note ${outcome.ok ? 'admin__note--ok' : 'admin__note--error'}`}
          role={outcome.ok ? undefined : 'alert'}
        >
          {outcome.text}
        </p>
      )}
      {versions.isError ? (
        <ErrorPanel
          what={t('history.what')}
          error={versions.error}
          onRetry={() => void versions.refetch()}
          retrying={versions.isFetching}
        />
      ) : !versions.data ? (
        <p className="admin__muted">{t('history.loading')}</p>
      ) : (
        <AdminTable
          label={t('history.region')}
          caption={t('history.caption')}
          tall
          busy={versions.isFetching}
          columns={[
            { label: t('col.version') },
            { label: t('col.publishedAt') },
            { label: t('col.by') },
            { label: t('col.source') },
            { label: t('col.sha') },
            { label: t('col.projects'), numeric: true },
            { label: t('col.figures'), numeric: true },
            { label: t('col.basedOn') },
            { label: t('col.action') },
          ]}
        >
          {list.map((v) => (
            <tr key={v.id} className={v.current ? 'atable__row--current' : undefined}>
              <th scope="row">{t('history.version', { n: v.id })}</th>
              <td>{formatDateTime(v.publishedAt, locale)}</td>
              <td>{v.publishedBy}</td>
              <td className="atable__wrap">
                <span className="atable__text atable__text--short">{v.sourceName}</span>
              </td>
              <td>{v.sourceSha256 ? <code title={v.sourceSha256}>{shortSha(v.sourceSha256)}</code> : none}</td>
              <td className="num">{count(v.counts.projects, locale, none)}</td>
              <td className="num">{count(v.counts.kpiValues, locale, none)}</td>
              <td>{v.basedOn === null ? none : t('history.version', { n: v.basedOn })}</td>
              <td>
                {v.current ? (
                  <span className="admin__current">
                    <span aria-hidden="true">✓ </span>
                    {t('history.current')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    ref={(el) => {
                      if (el) rowButtons.current.set(v.id, el);
                      else rowButtons.current.delete(v.id);
                    }}
                    disabled={!current || rollback.isPending}
                    onClick={() => {
                      setOutcome(null);
                      setConfirming(v);
                    }}
                  >
                    {t('history.rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {confirming && current && (
        <div
          className="admin__confirm"
          role="group"
          aria-labelledby={confirmHeadingId}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !rollback.isPending) cancel();
          }}
        >
          <h3 id={confirmHeadingId} ref={confirmRef} tabIndex={-1}>
            {t('confirm.title', { n: confirming.id })}
          </h3>
          <p>
            {t('confirm.body', {
              n: confirming.id,
              by: confirming.publishedBy,
              time: formatDateTime(confirming.publishedAt, locale),
              source: confirming.sourceName,
              current: current.id,
            })}
          </p>
          <div className="admin__actions">
            <button type="button" className="button" onClick={confirm} disabled={rollback.isPending}>
              {rollback.isPending ? t('confirm.busy') : t('confirm.yes', { n: confirming.id })}
            </button>
            <button type="button" className="button button--quiet" onClick={cancel} disabled={rollback.isPending}>
              {t('confirm.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
