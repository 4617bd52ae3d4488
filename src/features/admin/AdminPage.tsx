import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { adminKeys, IMPORT_LIMITS, sessionOptions, signOutMutation, uploadImportMutation } from '../../api/admin';
import type { ImportReport, Session, VersionRecord } from '../../api/admin';
import { SIGNS_OUT } from '../../api/access';
import { ApiError } from '../../api/client';
import { describeError, ErrorPanel } from '../../components/ErrorPanel';
import { componentMessages } from '../../components/messages';
import { formatTime } from '../../lib/format';
import { useLocale, useT } from '../../stores/prefs';
import { ImportReportView } from './components/ImportReportView';
import { PreviewStep } from './components/PreviewStep';
import { PublishStep } from './components/PublishStep';
import { SignInForm } from './components/SignInForm';
import { TemplateStep } from './components/TemplateStep';
import { UploadStep } from './components/UploadStep';
import { VersionHistory } from './components/VersionHistory';
import { adminMessages } from './messages';
import { countText, formatBytes, formatDateTime } from './model';
import './admin.css';

/** A checked upload: the report and the file it was made from (checked again after a conflict). */
interface Checked {
  report: ImportReport;
  file: File;
}

/** A signed-out answer, or a CSRF token the server no longer takes: the editor must sign in again. */
const isSessionLoss = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

/** Shows "expires 14:05" for today, the date as well otherwise. */
function untilText(iso: string, locale: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? formatTime(d) : formatDateTime(iso, locale);
}

/**
 * The monthly data update (/admin): sign in, download the template, upload the filled-in file,
 * read the validation report and the preview, publish; the version history with rollback.
 * The chosen file, its report and what was published are kept here, above the steps, so that
 * signing in again or a refused publish loses nothing.
 */
export default function AdminPage() {
  const t = useT(adminMessages);
  const tc = useT(componentMessages);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const session = useQuery(sessionOptions());
  // Signing out makes the app forget the figures this browser holds (app/forgetOnSignOut.ts).
  const signOut = useMutation({ ...signOutMutation(), meta: SIGNS_OUT });
  const upload = useMutation(uploadImportMutation());

  const [status, setStatus] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [uploadProblem, setUploadProblem] = useState<{ text: string } | null>(null);
  const [published, setPublished] = useState<VersionRecord | null>(null);
  const [signInNotice, setSignInNotice] = useState<string | null>(null);
  const [focusSignIn, setFocusSignIn] = useState(false);
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  /** Bumped to clear the file input once its file is published. */
  const [uploadFormKey, setUploadFormKey] = useState(0);

  const reportHeadingRef = useRef<HTMLHeadingElement>(null);
  const userRef = useRef<HTMLParagraphElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: 'report' | 'user' } | null>(null);
  useEffect(() => {
    if (focusTarget?.to === 'report') reportHeadingRef.current?.focus();
    if (focusTarget?.to === 'user') userRef.current?.focus();
  }, [focusTarget]);

  /** Every figure of the dashboard, and the history, may have changed. */
  const refreshAll = () => void queryClient.invalidateQueries();

  const sessionLost = (error: ApiError) => {
    setSignInNotice(error.status === 401 ? t('session.expired') : t('session.csrf'));
    setFocusSignIn(true);
    setStatus('');
    queryClient.setQueryData(adminKeys.session(), null);
  };

  const signedIn = (next: Session) => {
    queryClient.setQueryData(adminKeys.session(), next);
    void queryClient.invalidateQueries({ queryKey: adminKeys.versions() });
    setSignInNotice(null);
    setFocusSignIn(false);
    setStatus(t('status.signedIn', { user: next.user }));
    setFocusTarget({ to: 'user' });
  };

  const forget = () => {
    setFile(null);
    setChecked(null);
    setPublished(null);
    setUploadProblem(null);
    setUploadFormKey((k) => k + 1);
    queryClient.removeQueries({ queryKey: adminKeys.versions() });
    queryClient.setQueryData(adminKeys.session(), null);
    setSignInNotice(null);
    setFocusSignIn(true);
    setStatus(t('status.signedOut'));
  };

  const leave = (csrfToken: string) => {
    setSignOutProblem(null);
    signOut.mutate(
      { csrfToken },
      {
        onSuccess: forget,
        onError: (error) => {
          // Signed out already (elsewhere, or the session ran out): the same outcome.
          if (isSessionLoss(error)) forget();
          else setSignOutProblem(t('signOut.failed', { reason: describeError(error, tc) }));
        },
      },
    );
  };

  const check = (chosen: File | null, csrfToken: string) => {
    if (!chosen) {
      setUploadProblem({ text: t('step2.noFile') });
      return;
    }
    const max = formatBytes(IMPORT_LIMITS.bytes, locale, t);
    if (chosen.size > IMPORT_LIMITS.bytes) {
      setUploadProblem({
        text: t('step2.tooLarge', { name: chosen.name, size: formatBytes(chosen.size, locale, t), max }),
      });
      return;
    }
    if (chosen.size === 0) {
      setUploadProblem({ text: t('step2.empty', { name: chosen.name }) });
      return;
    }
    setUploadProblem(null);
    setPublished(null);
    setStatus(t('status.uploading', { name: chosen.name }));
    upload.mutate(
      { file: chosen, csrfToken },
      {
        onSuccess: (report) => {
          setChecked({ report, file: chosen });
          setStatus(
            t('status.checked', {
              errors: countText('error', report.errors, locale, t),
              warnings: countText('warning', report.warnings, locale, t),
            }),
          );
          setFocusTarget({ to: 'report' });
        },
        onError: (error) => {
          setStatus('');
          if (isSessionLoss(error)) sessionLost(error);
          else if (error instanceof ApiError && error.status === 413) {
            setUploadProblem({ text: t('step2.serverTooLarge', { max }) });
          } else setUploadProblem({ text: t('step2.failed', { reason: describeError(error, tc) }) });
        },
      },
    );
  };

  const current = session.data;
  return (
    <div className="page admin">
      <h1>{t('page.title')}</h1>
      <p className="admin__intro">{t('page.intro')}</p>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {session.error instanceof ApiError && session.error.status === 404 ? (
        // The in-browser mock API of a demo build has figures but no admin area.
        <div className="error-panel" role="alert">
          <p className="error-panel__title">{t('session.noService.title')}</p>
          <p className="error-panel__reason">{t('session.noService')}</p>
        </div>
      ) : session.isError ? (
        <ErrorPanel
          what={t('session.what')}
          error={session.error}
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
        />
      ) : current === undefined ? (
        <p className="admin__muted" aria-busy="true">
          {t('session.loading')}
        </p>
      ) : current === null ? (
        <SignInForm onSignedIn={signedIn} notice={signInNotice} takeFocus={focusSignIn} />
      ) : (
        <>
          <div className="admin__user">
            <p ref={userRef} tabIndex={-1}>
              <strong>{t('session.signedIn', { user: current.user })}</strong>{' '}
              <span className="admin__muted">{t('session.until', { time: untilText(current.expiresAt, locale) })}</span>
            </p>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => leave(current.csrfToken)}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? t('signOut.busy') : t('signOut.submit')}
            </button>
            {signOutProblem && (
              <p className="admin__error" role="alert">
                {signOutProblem}
              </p>
            )}
          </div>
          <div className="admin__steps">
            <TemplateStep />
            <UploadStep
              key={uploadFormKey}
              file={file}
              onFileChange={(f) => {
                // The report shown is always the chosen file's: another file's report goes.
                if (f !== checked?.file) setChecked(null);
                setFile(f);
                setPublished(null);
                setUploadProblem(null);
              }}
              onCheck={() => check(file, current.csrfToken)}
              busy={upload.isPending}
              problem={uploadProblem}
            >
              {checked && <ImportReportView report={checked.report} headingRef={reportHeadingRef} />}
            </UploadStep>
            <PreviewStep report={checked?.report ?? null} />
            <PublishStep
              report={checked?.report ?? null}
              csrfToken={current.csrfToken}
              published={published}
              onPublished={(version) => {
                setPublished(version);
                setChecked(null);
                setFile(null);
                setUploadFormKey((k) => k + 1);
                refreshAll();
              }}
              onOutdated={refreshAll}
              onRecheck={() => checked && check(checked.file, current.csrfToken)}
              rechecking={upload.isPending}
              onSessionLost={sessionLost}
              announce={setStatus}
            />
            <VersionHistory
              csrfToken={current.csrfToken}
              onChanged={refreshAll}
              onSessionLost={sessionLost}
              announce={setStatus}
            />
          </div>
        </>
      )}
    </div>
  );
}
