import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';

export function ForgotPasswordForm({ email, setEmail, busy, attempt, go }: FormProps) {
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    await attempt(async () => ({
      action: 'forgotPassword',
      value: await send('auth.forgotPassword', { email: email.trim() }),
    }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Reset your password</h3>
      <p class="muted">We will send a code to this address; with it you choose a new password.</p>
      <Field label="Email" type="email" autocomplete="username" value={email} onInput={setEmail} />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Send code
        </BusyButton>
        <button type="button" class="link" onClick={() => go('resetPassword')}>
          I have a code
        </button>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
