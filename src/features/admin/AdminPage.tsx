import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  adminKeys,
  publishImportMutation,
  sessionOptions,
  signOutMutation,
  uploadImportMutation,
} from '../../api/admin';
import type { ImportReport, Session } from '../../api/admin';
import { SIGNS_OUT } from '../../api/access';
import { ApiError } from '../../api/client';
import { describeError, ErrorPanel } from '../../components/ErrorPanel';
import { componentMessages } from '../../components/messages';
import { formatTime } from '../../lib/format';
import { useLocale, useT } from '../../stores/prefs';
import { ImportReportView } from './components/ImportReportView';
import { PreviewStep } from './components/PreviewStep';
import { PublishStep } from './components/PublishStep';
import type { PublishConfirmation } from './components/PublishStep';
import { SignInForm } from './components/SignInForm';
import { TemplateStep } from './components/TemplateStep';
import { UploadStep } from './components/UploadStep';
import { VersionHistory } from './components/VersionHistory';
import { adminMessages } from './messages';
import { adminFlow, fileRefusal, initialFlow, shown } from './flow';
import { announcementText, endsSession, formatDateTime } from './model';
import './admin.css';

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
 * Where the update stands (flow.ts) is kept here, above the steps, so that signing in again or a
 * refused publish loses nothing; the page sends the requests and tells the flow what came of them.
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
  const publish = useMutation(publishImportMutation());

  const [flow, dispatch] = useReducer(adminFlow, initialFlow);
  const { file, report, problem, publishFailure, published } = shown(flow.step);

  const reportHeadingRef = useRef<HTMLHeadingElement>(null);
  const userRef = useRef<HTMLParagraphElement>(null);
  const { focus } = flow;
  useEffect(() => {
    if (focus?.on === 'report') reportHeadingRef.current?.focus();
    if (focus?.on === 'user') userRef.current?.focus();
  }, [focus]);

  /** Every figure of the dashboard, and the history, may have changed. */
  const refreshAll = () => void queryClient.invalidateQueries();

  // Stable: the version history reports a lost session from an effect.
  const sessionLost = useCallback(
    (error: ApiError) => {
      dispatch({ type: 'sessionLost', why: error.status === 401 ? 'expired' : 'csrf' });
      queryClient.setQueryData(adminKeys.session(), null);
    },
    [queryClient],
  );
  const announce = useCallback((text: string) => dispatch({ type: 'announced', text }), []);

  const signedIn = (next: Session) => {
    queryClient.setQueryData(adminKeys.session(), next);
    void queryClient.invalidateQueries({ queryKey: adminKeys.versions() });
    dispatch({ type: 'signedIn', user: next.user });
  };

  const forget = () => {
    dispatch({ type: 'signedOut' });
    queryClient.removeQueries({ queryKey: adminKeys.versions() });
    queryClient.setQueryData(adminKeys.session(), null);
  };

  const leave = (csrfToken: string) => {
    dispatch({ type: 'signOutStarted' });
    signOut.mutate(
      { csrfToken },
      {
        onSuccess: forget,
        onError: (error) => {
          // Signed out already (elsewhere, or the session ran out): the same outcome.
          if (isSessionLoss(error)) forget();
          else dispatch({ type: 'signOutFailed', error });
        },
      },
    );
  };

  const check = (chosen: File | null, csrfToken: string) => {
    if (!chosen) {
      dispatch({ type: 'refused', refusal: { kind: 'noFile' } });
      return;
    }
    const refusal = fileRefusal(chosen);
    if (refusal) {
      dispatch({ type: 'refused', refusal });
      return;
    }
    dispatch({ type: 'checkStarted', file: chosen });
    upload.mutate(
      { file: chosen, csrfToken },
      {
        onSuccess: (checked) => dispatch({ type: 'checked', file: chosen, report: checked }),
        onError: (error) => {
          if (isSessionLoss(error)) sessionLost(error);
          else {
            const failure =
              error instanceof ApiError && error.status === 413
                ? { kind: 'serverTooLarge' as const }
                : { kind: 'failed' as const, error };
            dispatch({ type: 'checkFailed', file: chosen, failure });
          }
        },
      },
    );
  };

  const publishReport = (checked: ImportReport, confirmed: PublishConfirmation, csrfToken: string) => {
    dispatch({ type: 'publishStarted', report: checked });
    publish.mutate(
      { importId: checked.id, ...confirmed, csrfToken },
      {
        onSuccess: ({ version }) => {
          dispatch({ type: 'published', version });
          refreshAll();
        },
        onError: (error) => {
          if (endsSession(error)) {
            sessionLost(error);
            return;
          }
          // Someone else published meanwhile: the dashboard's data and the history are out of date.
          if (error instanceof ApiError && error.status === 409) refreshAll();
          dispatch({ type: 'publishFailed', report: checked, failure: { error } });
        },
      },
    );
  };

  const current = session.data;
  const note = flow.session;
  const checking = flow.step.name === 'checking';
  return (
    <div className="page admin">
      <h1>{t('page.title')}</h1>
      <p className="admin__intro">{t('page.intro')}</p>
      <p role="status" className="visually-hidden">
        {announcementText(flow.announcement, locale, t)}
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
        <SignInForm
          onSignedIn={signedIn}
          notice={note.kind === 'lost' ? t(note.why === 'expired' ? 'session.expired' : 'session.csrf') : null}
          takeFocus={note.kind === 'lost' || note.kind === 'signedOut'}
        />
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
            {note.kind === 'signOutFailed' && (
              <p className="admin__error" role="alert">
                {t('signOut.failed', { reason: describeError(note.error, tc) })}
              </p>
            )}
          </div>
          <div className="admin__steps">
            <TemplateStep />
            <UploadStep
              key={flow.formsCleared}
              file={file}
              onFileChange={(f) => dispatch({ type: 'fileChosen', file: f })}
              onCheck={() => check(file, current.csrfToken)}
              busy={checking}
              problem={problem}
            >
              {report && <ImportReportView report={report} headingRef={reportHeadingRef} />}
            </UploadStep>
            <PreviewStep report={report} />
            <PublishStep
              report={report}
              published={published}
              publishing={flow.step.name === 'publishing'}
              failure={publishFailure}
              onPublish={(checked, confirmed) => publishReport(checked, confirmed, current.csrfToken)}
              onRecheck={() => check(file, current.csrfToken)}
              rechecking={checking}
            />
            <VersionHistory
              csrfToken={current.csrfToken}
              onChanged={refreshAll}
              onSessionLost={sessionLost}
              announce={announce}
            />
          </div>
        </>
      )}
    </div>
  );
}
