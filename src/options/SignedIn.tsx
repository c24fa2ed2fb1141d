import { useState } from 'preact/hooks';
import { send } from '../shared/client';
import type { SessionView } from '../shared/protocol';
import { Alert } from '../ui/Alert';
import { BusyButton } from '../ui/BusyButton';
import { useAsync } from '../ui/useAsync';

interface Props {
  email: string;
  onSignedOut: (session: SessionView) => void;
}

export function SignedIn({ email, onSignedOut }: Props) {
  const [everywhere, setEverywhere] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAsync();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const outcome = await run(() => send('auth.signOut', { everywhere }));
    if (!outcome) return;
    if (outcome.ok) onSignedOut(outcome.value);
    else setError(outcome.error.message);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <p class="signed-in">
        Signed in as <strong>{email}</strong>
      </p>
      <Alert message={error} />
      <label class="check">
        <input
          type="checkbox"
          checked={everywhere}
          onChange={(e) => setEverywhere(e.currentTarget.checked)}
        />
        Also sign out on my other devices
      </label>
      <div class="actions">
        <BusyButton busy={busy}>Sign out</BusyButton>
      </div>
    </form>
  );
}
