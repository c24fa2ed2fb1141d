import { useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';
import { NewPasswordField } from './NewPasswordField';

/** Cognito's NEW_PASSWORD_REQUIRED challenge: an account created with a temporary password. */
export function NewPasswordForm({ busy, attempt, go }: FormProps) {
  const [newPassword, setNewPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(async () => ({
      action: 'newPassword',
      value: await send('auth.completeNewPassword', { newPassword }),
    }));
    if (ok === false) {
      setNewPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Choose a new password</h3>
      <NewPasswordField value={newPassword} onInput={setNewPassword} inputRef={passwordRef} />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Set password
        </BusyButton>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
