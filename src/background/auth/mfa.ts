import type { MfaStatus, TotpSecret } from '../../shared/protocol';
import type { SessionView } from '../../shared/types';
import type { IdentityProvider } from './identityProvider';
import { challengeKey, type PendingChallenge } from './keys';
import { challengeExpired, checkCodeFormat, mfaError } from './mfaErrors';
import type { Session } from './session';

/**
 * Two-step sign-in with an authenticator app. During sign-in the pending challenge (Cognito's
 * Session string and the user name) waits in storage.session, so a worker stopped between the
 * password and the code still finishes; it goes when the sign-in ends either way. The TOTP secret
 * passes through to the page once and is kept nowhere here.
 */
export function createMfa(session: Session) {
  async function provider(): Promise<IdentityProvider> {
    return session.providerFor(await session.configured());
  }

  async function pendingOf(kind: PendingChallenge['kind']): Promise<PendingChallenge> {
    const pending = await challengeKey.get();
    if (!pending || pending.kind !== kind) throw challengeExpired();
    return pending;
  }

  /** A step of the challenge; an expired one is forgotten so the page starts again cleanly. */
  async function step<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (err) {
      const error = mfaError(err, true);
      if (error.reason === 'ChallengeExpired') await challengeKey.clear();
      throw error;
    }
  }

  /** Signed-in calls: tokens fresh first (refreshed when due), then the library's own call. */
  async function signedIn<T>(task: (p: IdentityProvider) => Promise<T>): Promise<T> {
    await session.tokens();
    const p = await provider();
    try {
      return await task(p);
    } catch (err) {
      throw mfaError(err, false);
    }
  }

  return {
    answerTotp: (rawCode: string): Promise<SessionView> =>
      step(async () => {
        const code = checkCodeFormat(rawCode);
        const pending = await pendingOf('totp');
        const tokens = await (await provider()).answerTotp(pending, code);
        return session.established(pending.email, tokens);
      }),

    mfaSetupStart: (): Promise<TotpSecret> =>
      step(async () => {
        const pending = await pendingOf('mfaSetup');
        const { secret, challenge } = await (await provider()).associateForSetup(pending);
        // The rotated Session is kept; the secret is not.
        await challengeKey.set({ ...pending, session: challenge.session });
        return { secret };
      }),

    mfaSetupVerify: (rawCode: string): Promise<SessionView> =>
      step(async () => {
        const code = checkCodeFormat(rawCode);
        const pending = await pendingOf('mfaSetup');
        const tokens = await (await provider()).verifyForSetup(pending, code);
        return session.established(pending.email, tokens);
      }),

    status: (): Promise<MfaStatus> => signedIn(async (p) => ({ enabled: await p.mfaEnabled() })),

    setupStart: (): Promise<TotpSecret> =>
      signedIn(async (p) => ({ secret: await p.associateTotp() })),

    setupVerify: (rawCode: string): Promise<MfaStatus> => {
      const code = checkCodeFormat(rawCode);
      return signedIn(async (p) => {
        await p.verifyTotp(code);
        await p.setTotpEnabled(true);
        return { enabled: true };
      });
    },

    /** Turning it off takes a current code: a borrowed, unlocked browser is not enough. */
    turnOff: (rawCode: string): Promise<MfaStatus> => {
      const code = checkCodeFormat(rawCode);
      return signedIn(async (p) => {
        await p.verifyTotp(code);
        await p.setTotpEnabled(false);
        return { enabled: false };
      });
    },
  };
}

export type Mfa = ReturnType<typeof createMfa>;
