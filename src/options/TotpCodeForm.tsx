import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';
import { cleanCode } from './otpauthUri';

/** Cognito's SOFTWARE_TOKEN_MFA challenge: after the password, a code from the authenticator app. */
export function TotpCodeForm({ busy, attempt, go }: FormProps) {
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => codeRef.current?.focus(), []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(async () => ({
      action: 'totp',
      value: await send('auth.answerTotp', { code: cleanCode(code) }),
    }));
    if (ok === false) {
      setCode('');
      codeRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <h3>Two-step verification</h3>
      <Field
        label="Authentication code"
        autocomplete="one-time-code"
        inputMode="numeric"
        value={code}
        onInput={setCode}
        hint="The 6-digit code your authenticator app shows for Journal."
        inputRef={codeRef}
      />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Verify
        </BusyButton>
        <BackToSignIn go={go} />
      </div>
    </form>
  );
}
