import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionView } from '../shared/protocol';
import { Alert, Notice } from '../ui/Alert';
import { useAsync } from '../ui/useAsync';
import { afterFailure, afterSuccess, viewFor, type FormName, type Next } from './accountFlow';
import type { FormProps } from './formProps';
import { focusTarget } from './focusTarget';
import { ConfirmSignUpForm } from './ConfirmSignUpForm';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { MfaSetupForm } from './MfaSetupForm';
import { NewPasswordForm } from './NewPasswordForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { SignedIn } from './SignedIn';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import { TotpCodeForm } from './TotpCodeForm';
import { TwoStepSection } from './TwoStepSection';
import { useSession } from './useSession';

const FORMS = {
  signIn: SignInForm,
  signUp: SignUpForm,
  confirmSignUp: ConfirmSignUpForm,
  forgotPassword: ForgotPasswordForm,
  resetPassword: ResetPasswordForm,
  newPassword: NewPasswordForm,
  totp: TotpCodeForm,
  mfaSetup: MfaSetupForm,
} satisfies Record<FormName, (props: FormProps) => unknown>;

export function AccountSection({ refreshKey }: { refreshKey: number }) {
  const { session, known, error, setSession } = useSession(refreshKey);
  const [form, setForm] = useState<FormName>('signIn');
  const [email, setEmail] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const { busy, run } = useAsync();
  const body = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // Keyboard users land in the new form's first empty field, not back at the top of the page.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const inputs = [...(body.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    focusTarget(inputs, document.activeElement)?.focus();
  }, [form]);

  const apply = (next: Next) => {
    if (next.kind === 'signedIn') {
      setSession(next.session);
      next = { kind: 'form', form: 'signIn', notice: null, alert: null };
    }
    moved.current = next.form !== form;
    setForm(next.form);
    setNotice(next.notice);
    setAlert(next.alert);
  };

  const attempt: FormProps['attempt'] = async (task) => {
    setAlert(null);
    const outcome = await run(task);
    if (!outcome) return null;
    apply(outcome.ok ? afterSuccess(form, outcome.value) : afterFailure(form, outcome.error));
    return outcome.ok;
  };
  const go = (next: FormName) => apply({ kind: 'form', form: next, notice: null, alert: null });
  const onSignedOut = (after: SessionView) => {
    if (session.email) setEmail(session.email);
    setSession(after);
    apply({ kind: 'form', form: 'signIn', notice: 'You are signed out.', alert: null });
  };

  if (!known) return <p class="muted">Loading…</p>;
  const view = viewFor(session, form);
  if (view.kind === 'signedIn')
    return (
      <>
        <SignedIn email={view.email} onSignedOut={onSignedOut} />
        <TwoStepSection email={view.email} />
      </>
    );

  const Form = FORMS[view.form];
  return (
    <div ref={body}>
      {!session.configured && (
        <p class="muted">Save a backend configuration above before signing in.</p>
      )}
      {view.form === 'signIn' && session.signedOutReason && (
        <p role="status" class="reason">
          {session.signedOutReason}
        </p>
      )}
      <Alert message={alert ?? error} />
      <Notice message={notice} />
      <Form email={email} setEmail={setEmail} busy={busy} attempt={attempt} go={go} />
    </div>
  );
}
