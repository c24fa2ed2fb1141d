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
import type { Clock } from '../../shared/clock';
import { loadConfig } from '../config/backendConfig';
import { dedupe } from '../dedupe';
import { isDue, tokenWindow } from '../renewal';
import { CognitoStorage } from './cognitoStorage';
import type { IdentityProvider, Tokens } from './identityProvider';
import { idClaims } from './jwt';
import { challengeKey, cognitoStoreKey, signedOutReasonKey } from './keys';

/** Something another folder keeps for the signed-in person (AWS credentials, the identity id). */
export interface Forgettable {
  clear(): Promise<void>;
}

export interface SessionDeps {
  clock: Clock;
  provider: (config: BackendConfig, storage: CognitoStorage) => IdentityProvider;
  /**
   * Given by the composition root, so auth/ does not reach into aws/: what goes when the session
   * ends (`onEnd`) and what a new sign-in makes stale (`onSignIn`).
   */
  forget: { onEnd: readonly Forgettable[]; onSignIn: readonly Forgettable[] };
}

export const notSignedIn = (message = 'Sign in first: open the options page.', cause?: unknown) =>
  new JournalError({ code: 'NOT_SIGNED_IN', message }, { cause });

/**
 * The signed-in person's Cognito session as the worker keeps it: tokens in the library's storage
 * (hydrated from storage.local on wake), refreshed ahead of expiry, one refresh at a time.
 */
export function createSession(deps: SessionDeps) {
  const storage = new CognitoStorage(cognitoStoreKey);
  let hydrated: Promise<void> | undefined;
  let current: { json: string; provider: IdentityProvider } | undefined;

  async function configured(): Promise<BackendConfig> {
    const { config } = await loadConfig();
    if (!config)
      throw new JournalError({ code: 'NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE });
    return config;
  }

  async function providerFor(config: BackendConfig): Promise<IdentityProvider> {
    hydrated ??= storage.hydrate();
    await hydrated;
    const json = JSON.stringify(config);
    if (current?.json !== json) current = { json, provider: deps.provider(config, storage) };
    return current.provider;
  }

  /** Leaves no token, credential or cached entry behind; keeps drafts and the outbox. */
  async function end(reason: string | null): Promise<void> {
    hydrated ??= storage.hydrate();
    await hydrated;
    storage.clear();
    await Promise.all([
      storage.flush(),
      ...deps.forget.onEnd.map((key) => key.clear()),
      challengeKey.clear(),
      accountKey.clear(),
      recentCacheKey.clear(),
      reason ? signedOutReasonKey.set(reason) : signedOutReasonKey.clear(),
    ]);
  }

  const refreshOnce = dedupe(async (): Promise<Tokens> => {
    const provider = await providerFor(await configured());
    try {
      const tokens = await provider.refresh();
      await storage.flush();
      return tokens;
    } catch (err) {
      if (!isTransient(err) && exceptionName(err) === 'NotAuthorizedException') {
        await end(SESSION_ENDED);
        throw notSignedIn(SESSION_ENDED, err);
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
      storage.flush(),
      ...deps.forget.onSignIn.map((key) => key.clear()),
      challengeKey.clear(),
      signedOutReasonKey.clear(),
      before && before.sub !== sub ? recentCacheKey.clear() : Promise.resolve(),
    ]);
    await accountKey.set({ email, sub });
    return view();
  }

  return { configured, providerFor, tokens, view, end, established };
}

export type Session = ReturnType<typeof createSession>;
