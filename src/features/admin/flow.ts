/**
 * The monthly update as one state machine: choose a file, have it checked, read its report and
 * preview, publish; around it, signing in and out. A report is only ever the chosen file's, a
 * publish only ever of a report on show, and a published version is shown only until another
 * file is chosen.
 */
import { IMPORT_LIMITS } from '../../api/admin';
import type { ImportReport, VersionRecord } from '../../api/admin';

/** Why the chosen file was not sent to be checked. */
export type FileRefusal =
  { kind: 'noFile' } | { kind: 'tooLarge'; name: string; size: number } | { kind: 'empty'; name: string };

/** Why a file that was sent came back without a report. */
export type CheckFailure = { kind: 'serverTooLarge' } | { kind: 'failed'; error: unknown };

/** What the upload form says went wrong. */
export type UploadProblem = FileRefusal | CheckFailure;

/** Why the server did not publish (the publish step says it in words: another version won, the upload expired …). */
export interface PublishFailure {
  error: unknown;
}

export type Step =
  /** A file may be chosen; nothing is checked yet, or the file last asked for could not be sent. */
  | { name: 'choosing'; file: File | null; refusal: FileRefusal | null }
  /**
   * The file is being checked. When it is checked again, its report stays on show meanwhile, and
   * so does why publishing it failed (checking again is what a failed publish asks for).
   */
  | { name: 'checking'; file: File; report: ImportReport | null; publishFailure: PublishFailure | null }
  /** The check gave no report; the file stays chosen (and its earlier report, if any, on show). */
  | { name: 'checkFailed'; file: File; report: ImportReport | null; failure: CheckFailure }
  /** The chosen file's report, with the preview when it has no errors. */
  | { name: 'previewed'; file: File; report: ImportReport }
  | { name: 'publishing'; file: File; report: ImportReport }
  | { name: 'publishFailed'; file: File; report: ImportReport; failure: PublishFailure }
  /** The version just published from here; the file is cleared. */
  | { name: 'published'; version: VersionRecord };

/** What the page says about the editor's session, besides what the server says of it. */
export type SessionNote =
  /** Nothing to add: the session query says who is signed in. */
  | { kind: 'none' }
  | { kind: 'signOutFailed'; error: unknown }
  /** Signed out from this page: the sign-in form takes the focus. */
  | { kind: 'signedOut' }
  /** The session ended (401) or its CSRF token was refused (403): sign in again, keeping the file and its report. */
  | { kind: 'lost'; why: 'expired' | 'csrf' };

/** What the live region says: the last thing that happened. */
export type Announcement =
  | { say: 'nothing' }
  | { say: 'signedIn'; user: string }
  | { say: 'signedOut' }
  | { say: 'checking'; name: string }
  | { say: 'checked'; errors: number; warnings: number }
  | { say: 'publishing' }
  | { say: 'published'; version: number }
  /** Said by a part of the page in its own words (the version history). */
  | { say: 'text'; text: string };

export interface AdminFlow {
  step: Step;
  session: SessionNote;
  announcement: Announcement;
  /** Where the focus goes after the last event; a new object each time, so the same place can be focused again. */
  focus: { on: 'report' | 'user' } | null;
  /** How many times the file input has been emptied: a new count makes a new, empty form. */
  formsCleared: number;
}

export type AdminEvent =
  | { type: 'fileChosen'; file: File | null }
  | { type: 'refused'; refusal: FileRefusal }
  | { type: 'checkStarted'; file: File }
  | { type: 'checked'; file: File; report: ImportReport }
  | { type: 'checkFailed'; file: File; failure: CheckFailure }
  | { type: 'publishStarted'; report: ImportReport }
  | { type: 'publishFailed'; report: ImportReport; failure: PublishFailure }
  | { type: 'published'; version: VersionRecord }
  | { type: 'signedIn'; user: string }
  | { type: 'signOutStarted' }
  | { type: 'signOutFailed'; error: unknown }
  | { type: 'signedOut' }
  | { type: 'sessionLost'; why: 'expired' | 'csrf' }
  | { type: 'announced'; text: string };

const startingStep: Step = { name: 'choosing', file: null, refusal: null };

export const initialFlow: AdminFlow = {
  step: startingStep,
  session: { kind: 'none' },
  announcement: { say: 'nothing' },
  focus: null,
  formsCleared: 0,
};

/** Why `file` cannot be sent to be checked, or null when it can. */
export function fileRefusal(file: File): FileRefusal | null {
  if (file.size > IMPORT_LIMITS.bytes) return { kind: 'tooLarge', name: file.name, size: file.size };
  if (file.size === 0) return { kind: 'empty', name: file.name };
  return null;
}

/** What the step shows: the chosen file, its report, what went wrong and the version just published. */
export function shown(step: Step) {
  return {
    file: step.name === 'published' ? null : step.file,
    report: step.name === 'published' || step.name === 'choosing' ? null : step.report,
    /** The upload form's. */
    problem: step.name === 'choosing' ? step.refusal : step.name === 'checkFailed' ? step.failure : null,
    /** The publish step's. */
    publishFailure:
      step.name === 'publishFailed' ? step.failure : step.name === 'checking' ? step.publishFailure : null,
    published: step.name === 'published' ? step.version : null,
  };
}

/**
 * The step with `file` chosen. Another file drops the report and anything under way (its answer
 * will be dropped too); the same file again drops only the upload form's problem.
 */
function choose(step: Step, file: File | null): Step {
  const { file: before, report } = shown(step);
  if (file === null || file !== before) return { name: 'choosing', file, refusal: null };
  if (step.name === 'choosing' || step.name === 'checkFailed') {
    return report ? { name: 'previewed', file, report } : { name: 'choosing', file, refusal: null };
  }
  return step;
}

/** Where a step stands when the session ends under it: what was being sent is not waited for. */
function interrupted(step: Step): Step {
  if (step.name === 'publishing') return { name: 'previewed', file: step.file, report: step.report };
  if (step.name === 'checking') {
    return step.report
      ? { name: 'previewed', file: step.file, report: step.report }
      : { name: 'choosing', file: step.file, refusal: null };
  }
  return step;
}

export function adminFlow(flow: AdminFlow, event: AdminEvent): AdminFlow {
  const { step } = flow;
  switch (event.type) {
    case 'fileChosen':
      return { ...flow, step: choose(step, event.file) };
    case 'refused':
      return { ...flow, step: { name: 'choosing', file: shown(step).file, refusal: event.refusal } };
    case 'checkStarted': {
      const { file, report, publishFailure } = shown(step);
      const again = file === event.file;
      return {
        ...flow,
        step: {
          name: 'checking',
          file: event.file,
          report: again ? report : null,
          publishFailure: again ? publishFailure : null,
        },
        announcement: { say: 'checking', name: event.file.name },
      };
    }
    // An answer about a file that is no longer being checked (another was chosen, or the editor signed out) is dropped.
    case 'checked': {
      if (step.name !== 'checking' || step.file !== event.file) return flow;
      const { report } = event;
      return {
        ...flow,
        step: { name: 'previewed', file: step.file, report },
        announcement: { say: 'checked', errors: report.errors, warnings: report.warnings },
        focus: { on: 'report' },
      };
    }
    case 'checkFailed':
      if (step.name !== 'checking' || step.file !== event.file) return flow;
      return {
        ...flow,
        step: { name: 'checkFailed', file: step.file, report: step.report, failure: event.failure },
        announcement: { say: 'nothing' },
      };
    case 'publishStarted':
      if ((step.name !== 'previewed' && step.name !== 'publishFailed') || step.report !== event.report) return flow;
      return {
        ...flow,
        step: { name: 'publishing', file: step.file, report: step.report },
        announcement: { say: 'publishing' },
      };
    case 'publishFailed':
      if (step.name !== 'publishing' || step.report !== event.report) return flow;
      return {
        ...flow,
        step: { name: 'publishFailed', file: step.file, report: step.report, failure: event.failure },
        announcement: { say: 'nothing' },
      };
    // Said whatever happened meanwhile: the version is published.
    case 'published':
      return {
        ...flow,
        step: { name: 'published', version: event.version },
        announcement: { say: 'published', version: event.version.id },
        formsCleared: flow.formsCleared + 1,
      };
    case 'signedIn':
      return {
        ...flow,
        session: { kind: 'none' },
        announcement: { say: 'signedIn', user: event.user },
        focus: { on: 'user' },
      };
    case 'signOutStarted':
      return flow.session.kind === 'signOutFailed' ? { ...flow, session: { kind: 'none' } } : flow;
    case 'signOutFailed':
      return { ...flow, session: { kind: 'signOutFailed', error: event.error } };
    case 'signedOut':
      return {
        ...flow,
        step: startingStep,
        session: { kind: 'signedOut' },
        announcement: { say: 'signedOut' },
        formsCleared: flow.formsCleared + 1,
      };
    case 'sessionLost':
      return {
        ...flow,
        step: interrupted(step),
        session: { kind: 'lost', why: event.why },
        announcement: { say: 'nothing' },
      };
    case 'announced':
      return { ...flow, announcement: { say: 'text', text: event.text } };
  }
}
