import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { BusyButton } from '../ui/BusyButton';
import { BackToSignIn } from './BackToSignIn';
import type { FormProps } from './formProps';
import { TotpEnrol } from './TotpEnrol';

/**
 * Cognito's MFA_SETUP challenge: the pool requires two-step sign-in and this account has none yet,
 * so the sign-in goes through setting up an authenticator app and then finishes.
 */
export function MfaSetupForm({ email, busy, attempt, go }: FormProps) {
  const [secret, setSecret] = useState<string | null>(null);

  const start = () =>
    void attempt(async () => {
      const { secret: fresh } = await send('auth.mfaSetupStart');
      setSecret(fresh);
      return { action: 'mfaSetupStarted', value: undefined };
    });
  // Ask for the secret as soon as the form shows: the challenge lasts only 3 minutes.
  useEffect(start, []);

  const verify = (code: string) =>
    attempt(async () => ({
      action: 'mfaSetup',
      value: await send('auth.mfaSetupVerify', { code }),
    }));

  return (
    <div>
      <h3>Set up two-step verification</h3>
      {secret ? (
        <TotpEnrol secret={secret} account={email} busy={busy} verify={verify} />
      ) : (
        <div class="actions">
          <BusyButton busy={busy} type="button" onClick={start}>
            Set up authenticator app
          </BusyButton>
        </div>
      )}
      <div class="actions">
        <BackToSignIn go={go} />
      </div>
    </div>
  );
}
