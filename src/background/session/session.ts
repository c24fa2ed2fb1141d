import type { BackendConfig } from '../../shared/config';
import { JournalError } from '../../shared/errors';
import { accountKey, recentCacheKey } from '../../shared/keys';
import type { SessionView } from '../../shared/types';
import {
  cognitoError,
  exceptionName,
  isTransient,
  NOT_CONFIGURED_MESSAGE,
  SESSION_ENDED,
} from './cognitoErrors';
import { loadConfig } from './configStore';
import type { IdentityProvider, Tokens } from './identityProvider';
import { idClaims } from './jwt';
import {
  challengeKey,
  cognitoStoreKey,
  credentialsKey,
  identityKey,
  signedOutReasonKey,
} from './keys';
import { SyncStorage } from './syncStorage';
import { isDue, shared, tokenWindow, type Clock } from './timing';

export interface SessionDeps {
  clock: Clock;
  provider: (config: BackendConfig, storage: SyncStorage) => IdentityProvider;
}

export const notSignedIn = (message = 'Sign in first: open the options page.') =>
  new JournalError({ code: 'NOT_SIGNED_IN', message });

/**
 * The signed-in person's Cognito session as the worker keeps it: tokens in the library's storage
 * (hydrated from storage.local on wake), refreshed ahead of expiry, one refresh at a time.
 */
export function createSession(deps: SessionDeps) {
  const store = new SyncStorage(cognitoStoreKey);
  let hydrated: Promise<void> | undefined;
  let current: { json: string; provider: IdentityProvider } | undefined;

  async function configured(): Promise<BackendConfig> {
    const { config } = await loadConfig();
    if (!config)
      throw new JournalError({ code: 'NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE });
    return config;
  }

  async function providerFor(config: BackendConfig): Promise<IdentityProvider> {
    hydrated ??= store.hydrate();
    await hydrated;
    const json = JSON.stringify(config);
    if (current?.json !== json) current = { json, provider: deps.provider(config, store) };
    return current.provider;
  }

  /** Leaves no token, credential or cached entry behind; keeps drafts and the outbox. */
  async function end(reason: string | null): Promise<void> {
    hydrated ??= store.hydrate();
    await hydrated;
    store.clear();
    await Promise.all([
      store.flush(),
      credentialsKey.clear(),
      identityKey.clear(),
      challengeKey.clear(),
      accountKey.clear(),
      recentCacheKey.clear(),
      reason ? signedOutReasonKey.set(reason) : signedOutReasonKey.clear(),
    ]);
  }

  const refreshOnce = shared(async (): Promise<Tokens> => {
    const provider = await providerFor(await configured());
    try {
      const tokens = await provider.refresh();
      await store.flush();
      return tokens;
    } catch (err) {
      if (!isTransient(err) && exceptionName(err) === 'NotAuthorizedException') {
        await end(SESSION_ENDED);
        throw notSignedIn(SESSION_ENDED);
      }
      throw cognitoError(err);
    }
  });

  /** Tokens good for a while yet: refreshed first when they are due (drift and margin applied). */
  async function tokens(): Promise<Tokens> {
    const provider = await providerFor(await configured());
    const stored = provider.current();
    if (!stored) throw notSignedIn((await signedOutReasonKey.get()) ?? undefined);
    const window = tokenWindow(idClaims(stored.idToken), stored.clockDriftS);
    return isDue(deps.clock(), window.issuedAt, window.expiresAt) ? refreshOnce() : stored;
  }

  async function view(): Promise<SessionView> {
    const { config } = await loadConfig();
    const signedOutReason = await signedOutReasonKey.get();
    const stored = config ? (await providerFor(config)).current() : null;
    const account = stored ? await accountKey.get() : null;
    return {
      configured: config !== null,
      signedIn: stored !== null,
      email: stored ? (account?.email ?? idClaims(stored.idToken).email) : null,
      signedOutReason: stored ? null : signedOutReason,
    };
  }

  /** After a sign-in: the pages' account record, and nothing left of anyone signed in before. */
  async function established(email: string, fresh: Tokens): Promise<SessionView> {
    const { sub } = idClaims(fresh.idToken);
    const before = await accountKey.get();
    (await providerFor(await configured())).keepOnly(fresh.username);
    await Promise.all([
      store.flush(),
      credentialsKey.clear(),
      challengeKey.clear(),
      signedOutReasonKey.clear(),
      before && before.sub !== sub ? recentCacheKey.clear() : Promise.resolve(),
    ]);
    await accountKey.set({ email, sub });
    return view();
  }

  return { configured, providerFor, tokens, view, end, established, store };
}

export type Session = ReturnType<typeof createSession>;
