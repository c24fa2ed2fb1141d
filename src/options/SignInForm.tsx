import { useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import type { FormProps } from './formProps';

export function SignInForm({ email, setEmail, busy, attempt, go }: FormProps) {
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(async () => ({
      action: 'signIn',
      value: await send('auth.signIn', { email: email.trim(), password }),
    }));
    if (ok === false) {
      // A wrong password is never worth keeping; the address usually is.
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <Field label="Email" type="email" autocomplete="username" value={email} onInput={setEmail} />
      <Field
        label="Password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={setPassword}
        inputRef={passwordRef}
      />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Sign in
        </BusyButton>
        <button type="button" class="link" onClick={() => go('forgotPassword')}>
          Forgot your password?
        </button>
        <button type="button" class="link" onClick={() => go('signUp')}>
          Create an account
        </button>
      </div>
    </form>
  );
}
