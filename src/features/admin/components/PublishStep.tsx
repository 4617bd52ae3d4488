import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { adminErrorOf } from '../../../api/admin';
import type { ImportReport, VersionRecord } from '../../../api/admin';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../components/ErrorPanel';
import { componentMessages } from '../../../components/messages';
import { formatCount } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { AppLink } from '../../../components/AppLink';
import { useLocale, useT } from '../../../stores/prefs';
import type { PublishFailure } from '../flow';
import { adminMessages } from '../messages';
import { formatDateTime, pluralOf } from '../model';

/** Why a publish did not happen, and what the editor can do about it. */
type Refusal =
  { kind: 'conflict'; winner: VersionRecord | null } | { kind: 'expired' } | { kind: 'message'; text: string };

/** What the editor has confirmed, as the publish request says it. */
export interface PublishConfirmation {
  acceptWarnings: boolean;
  /** The number of published rows the editor agreed to remove (0 when none are). */
  confirmRemoval: number;
}

interface PublishStepProps {
  report: ImportReport | null;
  /** The version just published from this page, for the success message. */
  published: VersionRecord | null;
  publishing: boolean;
  /** Why the server did not publish the report (a new object each time, so a repeated refusal is focused again). */
  failure: PublishFailure | null;
  onPublish: (report: ImportReport, confirmed: PublishConfirmation) => void;
  /** Checks the same file again (against the version now published). */
  onRecheck: () => void;
  rechecking: boolean;
}

/** Step 4: publish the checked file, once its warnings are acknowledged; explain a refusal in words. */
export function PublishStep(props: PublishStepProps) {
  const t = useT(adminMessages);
  const headingId = useId();
  const { report, published } = props;
  return (
    <section className="admin__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('publish.title')}</h2>
      {published && !report && <PublishedNote version={published} />}
      {report?.preview ? (
        <PublishForm key={report.id} {...props} report={report} />
      ) : (
        !published && <p className="admin__muted">{report ? t('publish.blocked') : t('publish.waiting')}</p>
      )}
    </section>
  );
}

/**
 * A box the editor ticks before publishing, and what to do when it was not ticked (announced,
 * linked to the box): the warnings read, the removals confirmed.
 */
function Confirmation({
  inputRef,
  checked,
  onChange,
  label,
  missing,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** The message once publishing was asked for without the box ticked; null before. */
  missing: string | null;
}) {
  const id = useId();
  const missingId = useId();
  const unticked = missing !== null && !checked;
  return (
    <>
      <div className="admin__accept">
        <input
          ref={inputRef}
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={unticked ? missingId : undefined}
          aria-invalid={unticked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {unticked && (
        <p id={missingId} className="admin__error" role="alert">
          {missing}
        </p>
      )}
    </>
  );
}

function PublishedNote({ version }: { version: VersionRecord }) {
  const t = useT(adminMessages);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} className="admin__note admin__note--ok">
      {t('publish.done', { n: version.id })} <AppLink to="/">{t('publish.viewOverview')}</AppLink>
    </p>
  );
}

function PublishForm({
  report,
  publishing,
  failure,
  onPublish,
  onRecheck,
  rechecking,
}: PublishStepProps & { report: ImportReport }) {
  const t = useT(adminMessages);
  const tc = useT(componentMessages);
  const locale = useLocale();
  const [accepted, setAccepted] = useState(false);
  const [mustAccept, setMustAccept] = useState(false);
  const [removalConfirmed, setRemovalConfirmed] = useState(false);
  const [mustConfirmRemoval, setMustConfirmRemoval] = useState(false);
  const acceptRef = useRef<HTMLInputElement>(null);
  const removalRef = useRef<HTMLInputElement>(null);
  const removalToConfirm = report.preview?.removalToConfirm ?? 0;
  const removalCount = formatCount(removalToConfirm, locale);
  const refusalRef = useRef<HTMLDivElement>(null);
  const warnings = formatCount(report.warnings, locale);

  useEffect(() => {
    if (failure) refusalRef.current?.focus();
  }, [failure]);

  const submit = () => {
    if (report.warnings > 0 && !accepted) {
      setMustAccept(true);
      acceptRef.current?.focus();
      return;
    }
    // Removing published rows is confirmed apart from the warnings, with its count.
    if (removalToConfirm > 0 && !removalConfirmed) {
      setMustConfirmRemoval(true);
      removalRef.current?.focus();
      return;
    }
    onPublish(report, { acceptWarnings: accepted, confirmRemoval: removalConfirmed ? removalToConfirm : 0 });
  };

  const refusalOf = (error: unknown): Refusal => {
    const body = adminErrorOf(error);
    const status = error instanceof ApiError ? error.status : undefined;
    if (status === 409) return { kind: 'conflict', winner: body?.winner ?? null };
    if (status === 404) return { kind: 'expired' };
    if (status === 422 && body?.error === 'warnings_not_accepted') {
      return { kind: 'message', text: t('publish.warningsRefused') };
    }
    if (status === 422 && body?.error === 'removal_not_confirmed') {
      return { kind: 'message', text: t('publish.removalRefused', { n: removalCount }) };
    }
    if (status === 422 && body?.error === 'has_errors') return { kind: 'message', text: t('publish.hasErrors') };
    if (status === 422 && body?.error === 'no_changes') return { kind: 'message', text: t('publish.nothing') };
    return { kind: 'message', text: t('publish.failed', { reason: describeError(error, tc) }) };
  };
  const refusal = failure && refusalOf(failure.error);

  const { counts } = report.preview ?? { counts: { added: 0, changed: 0, removed: 0 } };
  if (counts.added + counts.changed + counts.removed === 0) {
    return <p className="admin__note">{t('publish.nothing')}</p>;
  }
  return (
    <>
      <p>{t('publish.intro', { base: report.baseVersion })}</p>
      {report.warnings > 0 && (
        <Confirmation
          inputRef={acceptRef}
          checked={accepted}
          onChange={setAccepted}
          label={t(`publish.accept.${pluralOf(report.warnings)}`, { n: warnings })}
          missing={mustAccept ? t(`publish.mustAccept.${pluralOf(report.warnings)}`, { n: warnings }) : null}
        />
      )}
      {removalToConfirm > 0 && (
        <fieldset className="admin__removal">
          <legend>{t('publish.removal.title')}</legend>
          <ul>
            {report.preview?.removals
              .filter((r) => r.needsConfirmation)
              .map((r) => (
                <li key={r.sheet}>
                  {t('publish.removal.sheet', {
                    sheet: r.name,
                    removed: formatCount(r.removed, locale),
                    published: formatCount(r.published, locale),
                  })}
                </li>
              ))}
            {report.preview?.indicatorsRemoved?.map((i) => (
              <li key={i.kpi}>
                {t('publish.removal.indicator', {
                  name: localized(i.label, locale),
                  n: formatCount(i.figures, locale),
                })}
              </li>
            ))}
          </ul>
          <Confirmation
            inputRef={removalRef}
            checked={removalConfirmed}
            onChange={setRemovalConfirmed}
            label={t('publish.removal.confirm', { n: removalCount })}
            missing={mustConfirmRemoval ? t('publish.removal.must', { n: removalCount }) : null}
          />
        </fieldset>
      )}
      <button type="button" className="button" onClick={submit} disabled={publishing || rechecking}>
        {publishing ? t('publish.busy') : t('publish.submit')}
      </button>
      {refusal && (
        <div ref={refusalRef} tabIndex={-1} className="admin__note admin__note--error" role="alert">
          <p>
            {refusal.kind === 'conflict'
              ? refusal.winner
                ? t('publish.conflict', {
                    by: refusal.winner.publishedBy,
                    time: formatDateTime(refusal.winner.publishedAt, locale),
                    n: refusal.winner.id,
                    source: refusal.winner.sourceName,
                    base: report.baseVersion,
                  })
                : t('publish.conflictUnknown')
              : refusal.kind === 'expired'
                ? t('publish.expired')
                : refusal.text}
          </p>
          {(refusal.kind === 'conflict' || refusal.kind === 'expired') && (
            <button type="button" className="button" onClick={onRecheck} disabled={rechecking}>
              {rechecking ? t('step2.busy') : t('publish.recheck')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
