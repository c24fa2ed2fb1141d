import { cognitoProvider } from './cognitoProvider';
import { createAccount } from './account';
import { createCredentials } from './credentials';
import { identityPool } from './identityPool';
import { createJournalApi } from './journalClient';
import { createSession } from './session';
import { systemClock } from './timing';
import { withTimeout } from './timeoutFetch';

// Looked up at call time so a test (or a polyfill) that replaces fetch is honoured.
const liveFetch = withTimeout((...args) => fetch(...args));

function build() {
  const session = createSession({ clock: systemClock, provider: cognitoProvider });
  const credentials = createCredentials(session, {
    clock: systemClock,
    identityPool: (config) => identityPool(config, liveFetch),
  });
  const account = createAccount(session);
  const journal = createJournalApi({ session, credentials, clock: systemClock, fetch: liveFetch });
  return { session, credentials, account, journal };
}

let instance: ReturnType<typeof build> | undefined;

/** The worker's session objects, made on first use (nothing runs at import time). */
export function worker(): ReturnType<typeof build> {
  instance ??= build();
  return instance;
}

/** For unit tests: the next `worker()` starts from storage, as a restarted worker does. */
export function resetWorker(): void {
  instance = undefined;
}
