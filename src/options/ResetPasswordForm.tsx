import { useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';
import { NewPasswordField } from './NewPasswordField';

/** The second step of "Forgot your password?": the e-mailed code and the new password. */
export function ResetPasswordForm({ email, setEmail, busy, attempt, go }: FormProps) {
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(async () => ({
      action: 'resetPassword',
      value: await send('auth.confirmForgotPassword', {
        email: email.trim(),
        code: code.trim(),
        newPassword,
      }),
    }));
    if (ok === false) {
      setNewPassword('');
      passwordRef.current?.focus();
    }
  };
  const resend = () =>
    void attempt(async () => ({
      action: 'resendCode',
      value: await send('auth.forgotPassword', { email: email.trim() }),
    }));

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Choose a new password</h3>
      <Field label="Email" type="email" autocomplete="username" value={email} onInput={setEmail} />
      <Field
        label="Code"
        autocomplete="one-time-code"
        inputMode="numeric"
        value={code}
        onInput={setCode}
      />
      <NewPasswordField value={newPassword} onInput={setNewPassword} inputRef={passwordRef} />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Change password
        </BusyButton>
        <BusyButton busy={busy} type="button" onClick={resend}>
          Send a new code
        </BusyButton>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
