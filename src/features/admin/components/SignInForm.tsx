import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { InputHTMLAttributes, SubmitEvent } from 'react';
import { signInMutation } from '../../../api/admin';
import type { Session } from '../../../api/admin';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../components/ErrorPanel';
import { componentMessages } from '../../../components/messages';
import { useT } from '../../../stores/prefs';
import { adminMessages } from '../messages';
import { waitText } from '../model';

interface SignInFormProps {
  onSignedIn: (session: Session) => void;
  /** Why the editor is asked to sign in again (their session ended), shown above the form. */
  notice: string | null;
  /** Moves focus to the form's heading when it appears (after signing out, or when a session ended). */
  takeFocus: boolean;
}

/** Name and password; a wrong password or a locked account is said in words, and focus moves to it. */
export function SignInForm({ onSignedIn, notice, takeFocus }: SignInFormProps) {
  const t = useT(adminMessages);
  const tc = useT(componentMessages);
  const signIn = useMutation(signInMutation());
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemId = useId();
  const headingId = useId();

  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);

  // The message is focused once it is in the page, also when the same message comes again.
  const [problemSeq, setProblemSeq] = useState(0);
  useEffect(() => {
    if (problemSeq > 0) problemRef.current?.focus();
  }, [problemSeq]);
  const fail = (text: string) => {
    setProblem(text);
    setProblemSeq((n) => n + 1);
  };

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    const name = text('name').trim();
    const password = text('password');
    if (!name || !password) {
      fail(t('signIn.missing'));
      return;
    }
    signIn.mutate(
      { name, password },
      {
        onSuccess: (session) => {
          setProblem(null);
          onSignedIn(session);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) fail(t('signIn.bad'));
          else if (error instanceof ApiError && error.status === 429) {
            fail(
              error.retryAfter === undefined
                ? t('signIn.limitedNoWait')
                : t('signIn.limited', { wait: waitText(error.retryAfter, t) }),
            );
          } else fail(t('signIn.failed', { reason: describeError(error, tc) }));
        },
      },
    );
  };

  return (
    <section className="admin__panel admin__signin" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('signIn.title')}
      </h2>
      {notice && <p className="admin__note admin__note--warning">{notice}</p>}
      <p className="admin__muted">{t('signIn.intro')}</p>
      <form className="admin__form" onSubmit={submit} noValidate>
        <Field
          label={t('signIn.name')}
          problemId={problem ? problemId : null}
          input={{ name: 'name', type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false }}
        />
        <Field
          label={t('signIn.password')}
          problemId={problem ? problemId : null}
          input={{ name: 'password', type: 'password', autoComplete: 'current-password' }}
        />
        {problem && (
          <p id={problemId} ref={problemRef} className="admin__error" role="alert" tabIndex={-1}>
            {problem}
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A required field of the form; while the form shows a problem, the field is marked invalid and described by it. */
function Field({
  label,
  problemId,
  input,
}: {
  label: string;
  problemId: string | null;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className="admin__field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} required aria-invalid={problemId !== null} aria-describedby={problemId ?? undefined} />
    </div>
  );
}
