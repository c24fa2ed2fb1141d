import { useId, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { cleanCode, groupedSecret, otpauthUri } from './otpauthUri';
import { QrCode } from './QrCode';

interface Props {
  secret: string;
  /** The account name the app shows beside the codes. */
  account: string;
  busy: boolean;
  /** Sends the code; resolves false when it was refused (the field is cleared for another try). */
  verify: (code: string) => Promise<boolean | null>;
}

/**
 * Setting up an authenticator app: the QR code, the same key as text, and the first code. The key
 * lives only in this component's props: the page got it once from the worker, which keeps no copy.
 */
export function TotpEnrol({ secret, account, busy, verify }: Props) {
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const keyLabel = useId();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if ((await verify(cleanCode(code))) === false) {
      setCode('');
      codeRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <p>Scan this QR code with your authenticator app, or type the key into it.</p>
      <QrCode text={otpauthUri(secret, account)} label="QR code for your authenticator app" />
      <p id={keyLabel} class="muted">
        Setup key
      </p>
      <p>
        <code class="totp-key" aria-labelledby={keyLabel}>
          {groupedSecret(secret)}
        </code>
      </p>
      <Field
        label="Authentication code"
        autocomplete="one-time-code"
        inputMode="numeric"
        value={code}
        onInput={setCode}
        hint="The 6-digit code your app shows for Journal."
        inputRef={codeRef}
      />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Verify
        </BusyButton>
      </div>
    </form>
  );
}
