import { useEffect, useId, useRef } from 'react';
import type { ReactNode, SubmitEvent } from 'react';
import { IMPORT_LIMITS } from '../../../api/admin';
import { describeError } from '../../../components/ErrorPanel';
import { componentMessages } from '../../../components/messages';
import { useLocale, useT } from '../../../stores/prefs';
import type { UploadProblem } from '../flow';
import { adminMessages } from '../messages';
import { formatBytes } from '../model';

interface UploadStepProps {
  /** The file chosen, kept by the page so that it survives signing in again or a failed publish. */
  file: File | null;
  onFileChange: (file: File | null) => void;
  onCheck: () => void;
  busy: boolean;
  /** Why the last upload did not give a report (a new object each time, so a repeated message is focused again). */
  problem: UploadProblem | null;
  /** The validation report, under the form. */
  children?: ReactNode;
}

/** Step 2: choose the file and send it to be checked; the report follows below. */
export function UploadStep({ file, onFileChange, onCheck, busy, problem, children }: UploadStepProps) {
  const t = useT(adminMessages);
  const tc = useT(componentMessages);
  const locale = useLocale();
  const headingId = useId();
  const inputId = useId();
  const problemId = useId();
  const selectedId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  // A form shown again (after signing in again) shows the file the page kept, where the browser can.
  useEffect(() => {
    const input = inputRef.current;
    if (!input || !file || input.files?.[0] === file) return;
    try {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
    } catch {
      // Without DataTransfer the kept file is still named under the input and used for the upload.
    }
  }, [file]);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const problemText = (p: UploadProblem): string => {
    const max = formatBytes(IMPORT_LIMITS.bytes, locale, t);
    switch (p.kind) {
      case 'noFile':
        return t('step2.noFile');
      case 'tooLarge':
        return t('step2.tooLarge', { name: p.name, size: formatBytes(p.size, locale, t), max });
      case 'empty':
        return t('step2.empty', { name: p.name });
      case 'serverTooLarge':
        return t('step2.serverTooLarge', { max });
      case 'failed':
        return t('step2.failed', { reason: describeError(p.error, tc) });
    }
  };

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onCheck();
  };

  const described = [problem ? problemId : null, file ? selectedId : null].filter(Boolean).join(' ');
  return (
    <section className="admin__panel" aria-labelledby={headingId} aria-busy={busy}>
      <h2 id={headingId}>{t('step2.title')}</h2>
      <form className="admin__upload" onSubmit={submit} noValidate>
        <div className="admin__field">
          <label htmlFor={inputId}>{t('step2.file', { max: formatBytes(IMPORT_LIMITS.bytes, locale, t) })}</label>
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept=".xlsx,.csv"
            aria-describedby={described || undefined}
            aria-invalid={problem !== null}
            onChange={(e) => onFileChange(e.currentTarget.files?.[0] ?? null)}
          />
          {file && (
            <p id={selectedId} className="admin__muted admin__selected">
              {t('step2.selected', { name: file.name, size: formatBytes(file.size, locale, t) })}
            </p>
          )}
        </div>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('step2.busy') : t('step2.submit')}
          </button>
        </div>
      </form>
      {problem && (
        <p id={problemId} ref={problemRef} className="admin__error" role="alert" tabIndex={-1}>
          {problemText(problem)}
        </p>
      )}
      {children}
    </section>
  );
}
