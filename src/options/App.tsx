import { useState } from 'preact/hooks';
import { AccountSection } from './AccountSection';
import { ConfigSection } from './ConfigSection';

export function App() {
  // Saving a configuration can sign the person out or make signing in possible: re-ask the worker.
  const [sessionKey, setSessionKey] = useState(0);
  return (
    <main>
      <header>
        <h1>Journal</h1>
        <p class="muted">
          Your journal on your own AWS account: connect the backend, then sign in.
        </p>
      </header>
      <section aria-labelledby="backend-heading">
        <h2 id="backend-heading">Backend</h2>
        <ConfigSection onSaved={() => setSessionKey((n) => n + 1)} />
      </section>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <AccountSection refreshKey={sessionKey} />
      </section>
    </main>
  );
}
