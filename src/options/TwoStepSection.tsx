import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import type { MfaStatus } from '../shared/protocol';
import { Alert, Notice } from '../ui/Alert';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { useAsync } from '../ui/useAsync';
import { cleanCode } from './otpauthUri';
import { TotpEnrol } from './TotpEnrol';

type Step =
  | { kind: 'loading' }
  | { kind: 'status'; status: MfaStatus }
  | { kind: 'enrol'; secret: string }
  | { kind: 'turnOff' };

/** Signed in: two-step sign-in with an authenticator app, turned on and off by its owner. */
export function TwoStepSection({ email }: { email: string }) {
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const { busy, run } = useAsync();

  useEffect(() => {
    void run(() => send('mfa.status')).then((outcome) => {
      if (!outcome) return;
      if (outcome.ok) setStep({ kind: 'status', status: outcome.value });
      else setAlert(outcome.error.message);
    });
  }, [run]);

  /** Runs a request; on refusal shows the worker's sentence and answers false. */
  async function attempt<T>(
    task: () => Promise<T>,
    then: (value: T) => void,
  ): Promise<boolean | null> {
    setAlert(null);
    setNotice(null);
    const outcome = await run(task);
    if (!outcome) return null;
    if (!outcome.ok) {
      setAlert(outcome.error.message);
      return false;
    }
    then(outcome.value);
    return true;
  }

  const start = () =>
    void attempt(
      () => send('mfa.setupStart'),
      ({ secret }) => setStep({ kind: 'enrol', secret }),
    );
  const verify = (entered: string) =>
    attempt(
      () => send('mfa.setupVerify', { code: entered }),
      (status) => {
        setStep({ kind: 'status', status });
        setNotice('Two-step sign-in is on. Signing in will ask for a code from your app.');
      },
    );
  const turnOff = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(
      () => send('mfa.turnOff', { code: cleanCode(code) }),
      (status) => {
        setStep({ kind: 'status', status });
        setNotice('Two-step sign-in is off. Signing in asks for your password only.');
      },
    );
    setCode('');
    if (ok === false) codeRef.current?.focus();
  };

  return (
    <section aria-labelledby="two-step-heading" class="two-step">
      <h3 id="two-step-heading">Two-step verification</h3>
      <Alert message={alert} />
      <Notice message={notice} />
      {step.kind === 'loading' && !alert && <p class="muted">Loading…</p>}
      {step.kind === 'status' && !step.status.enabled && (
        <div>
          <p>
            Two-step sign-in is off. With it on, signing in also asks for a code from an
            authenticator app on your phone.
          </p>
          <div class="actions">
            <BusyButton busy={busy} type="button" onClick={start}>
              Set up authenticator app
            </BusyButton>
          </div>
        </div>
      )}
      {step.kind === 'enrol' && (
        <TotpEnrol secret={step.secret} account={email} busy={busy} verify={verify} />
      )}
      {step.kind === 'status' && step.status.enabled && (
        <div>
          <p>Two-step sign-in is on: signing in asks for a code from your authenticator app.</p>
          <div class="actions">
            <BusyButton
              busy={busy}
              type="button"
              onClick={() => {
                setAlert(null);
                setNotice(null);
                setStep({ kind: 'turnOff' });
              }}
            >
              Turn off
            </BusyButton>
          </div>
        </div>
      )}
      {step.kind === 'turnOff' && (
        <form onSubmit={(e) => void turnOff(e)}>
          <p>To turn two-step sign-in off, enter a current code from your authenticator app.</p>
          <Field
            label="Authentication code"
            autocomplete="one-time-code"
            inputMode="numeric"
            value={code}
            onInput={setCode}
            inputRef={codeRef}
          />
          <div class="actions">
            <BusyButton busy={busy} primary>
              Turn off
            </BusyButton>
            <button
              type="button"
              class="link"
              onClick={() => setStep({ kind: 'status', status: { enabled: true } })}
            >
              Keep it on
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
