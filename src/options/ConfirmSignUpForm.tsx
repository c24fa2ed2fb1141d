import { useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';

export function ConfirmSignUpForm({ email, setEmail, busy, attempt, go }: FormProps) {
  const [code, setCode] = useState('');

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    await attempt(async () => ({
      action: 'confirmSignUp',
      value: await send('auth.confirmSignUp', { email: email.trim(), code: code.trim() }),
    }));
  };
  const resend = () =>
    void attempt(async () => ({
      action: 'resendCode',
      value: await send('auth.resendCode', { email: email.trim() }),
    }));

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Confirm your account</h3>
      <Field label="Email" type="email" autocomplete="username" value={email} onInput={setEmail} />
      <Field
        label="Confirmation code"
        autocomplete="one-time-code"
        inputMode="numeric"
        value={code}
        onInput={setCode}
      />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Confirm
        </BusyButton>
        <BusyButton busy={busy} type="button" onClick={resend}>
          Resend code
        </BusyButton>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
