import { useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { BackToSignIn } from './BackToSignIn';
import { PASSWORD_POLICY, type FormProps } from './formProps';

export function SignUpForm({ email, setEmail, busy, attempt, go }: FormProps) {
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(async () => ({
      action: 'signUp',
      value: await send('auth.signUp', { email: email.trim(), password }),
    }));
    if (ok === false) {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Create an account</h3>
      <Field label="Email" type="email" autocomplete="email" value={email} onInput={setEmail} />
      <Field
        label="Password"
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={setPassword}
        hint={PASSWORD_POLICY}
        inputRef={passwordRef}
      />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Create account
        </BusyButton>
        <button type="button" class="link" onClick={() => go('confirmSignUp')}>
          I have a confirmation code
        </button>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
