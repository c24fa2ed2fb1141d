import { systemClock, type Clock } from '../shared/clock';
import { createJournalApi } from './api/journalClient';
import type { JournalApi } from './api/journalApi';
import { createAccount } from './auth/account';
import { cognitoProvider } from './auth/cognitoProvider';
import { createMfa } from './auth/mfa';
import { createSession, type SessionDeps } from './auth/session';
import { createCredentials } from './aws/credentials';
import { identityPool } from './aws/identityPool';
import { credentialsKey, identityKey } from './aws/keys';
import { withTimeout } from './aws/timeoutFetch';
import { createJournal } from './journal/journal';
import { createConfigService } from './config/configService';
import { createOutboxWriter } from './journal/outboxWriter';
import { createAuthHandlers } from './messages/authHandlers';
import { createConfigHandlers } from './messages/configHandlers';
import { createCoreHandlers } from './messages/coreHandlers';
import { createJournalHandlers } from './messages/journalHandlers';
import { createMfaHandlers } from './messages/mfaHandlers';
import type { Handlers } from './messages/router';

/**
 * The composition root: the one place that builds the worker's objects and hands each its
 * dependencies. Nothing here touches storage or the network; that happens when a listener calls in.
 * Dependency direction (docs/architecture.md): messages → journal → api → aws → auth → config.
 */
export interface WorkerDeps {
  clock: Clock;
  fetch: typeof fetch;
  provider: SessionDeps['provider'];
  newId: () => string;
  /** For tests that drive the journal against an in-memory API. */
  api?: JournalApi;
}

/** What a session leaves in aws/'s keys: gone on sign-out; stale credentials gone on sign-in. */
export const SESSION_FORGETS: SessionDeps['forget'] = {
  onEnd: [credentialsKey, identityKey],
  onSignIn: [credentialsKey],
};

export function createWorker(deps: WorkerDeps) {
  const { clock } = deps;
  const session = createSession({ clock, provider: deps.provider, forget: SESSION_FORGETS });
  const credentials = createCredentials(session, {
    clock,
    identityPool: (config) => identityPool(config, deps.fetch),
  });
  const account = createAccount(session);
  const config = createConfigService({
    async leaveBackend() {
      const signedIn = (await session.view()).signedIn;
      await session.end(null);
      return signedIn;
    },
  });
  const mfa = createMfa(session);
  const api = deps.api ?? createJournalApi({ session, credentials, clock, fetch: deps.fetch });
  const outbox = createOutboxWriter(clock);
  const journal = createJournal({ api, clock, outbox, newId: deps.newId });
  const handlers: Handlers = {
    ...createCoreHandlers(),
    ...createConfigHandlers({ config }),
    ...createAuthHandlers({ session, account }),
    ...createMfaHandlers({ mfa }),
    ...createJournalHandlers({ journal, clock }),
  };
  return { session, credentials, account, config, mfa, api, journal, handlers };
}

export type Worker = ReturnType<typeof createWorker>;

/** The real worker's dependencies: the system clock, fetch with a timeout, the Cognito library. */
export function liveDeps(): WorkerDeps {
  return {
    clock: systemClock,
    // Looked up at call time so a test (or a polyfill) that replaces fetch is honoured.
    fetch: withTimeout((...args) => fetch(...args)),
    provider: cognitoProvider,
    newId: () => crypto.randomUUID(),
  };
}
