import { JournalError } from '../../shared/errors';
import type { CodeDelivery, SignInResult } from '../../shared/protocol';
import type { SessionView } from '../../shared/types';
import { cognitoError, exceptionName } from './cognitoErrors';
import { loadConfig } from '../config/backendConfig';
import type { Challenge, IdentityProvider } from './identityProvider';
import { challengeKey, type PendingChallenge } from './keys';
import type { Session } from './session';

/** Cognito treats the e-mail as the user name: " Ann@Example.com " and "ann@example.com" are one person. */
const normaliseEmail = (email: string) => email.trim().toLowerCase();

// Best effort on the way out: an offline sign-out must still finish, and soon.
const within = <T>(ms: number, task: Promise<T>) =>
  Promise.race([task, new Promise<void>((resolve) => setTimeout(resolve, ms))]).catch(
    () => undefined,
  );

/** The account messages, on top of the session. */
export function createAccount(session: Session) {
  // The challenge in flight; storage.session holds a copy for when the worker is stopped meanwhile.
  let pending: (Challenge & { email: string }) | null = null;

  async function provider(): Promise<IdentityProvider> {
    return session.providerFor(await session.configured());
  }

  async function cognito<T>(task: (p: IdentityProvider) => Promise<T>): Promise<T> {
    const p = await provider();
    try {
      return await task(p);
    } catch (err) {
      throw cognitoError(err);
    }
  }

  return {
    async signIn(rawEmail: string, password: string): Promise<SignInResult> {
      const email = normaliseEmail(rawEmail);
      const outcome = await cognito((p) => p.signIn(email, password));
      if (outcome.kind === 'newPassword') {
        pending = { ...outcome.challenge, email };
        await challengeKey.set({ ...pending, kind: 'newPassword' });
        return { next: 'newPassword' };
      }
      if (outcome.kind === 'totp' || outcome.kind === 'mfaSetup') {
        // A second factor is next (mfa.ts answers it from storage.session, worker stop or not).
        pending = null;
        await challengeKey.set({ ...outcome.challenge, email, kind: outcome.kind });
        return { next: outcome.kind };
      }
      return { next: 'done', session: await session.established(email, outcome.tokens) };
    },

    async completeNewPassword(newPassword: string): Promise<SessionView> {
      const challenge: PendingChallenge | null = pending ?? (await challengeKey.get());
      const again = (cause?: unknown) =>
        new JournalError(
          {
            code: 'AUTH',
            message: 'This sign-in has expired. Sign in again with your temporary password.',
            reason: 'NoChallenge',
          },
          { cause },
        );
      if (!challenge || (challenge.kind ?? 'newPassword') !== 'newPassword') throw again();
      const p = await provider();
      try {
        const tokens = await p.completeNewPassword(challenge, newPassword);
        pending = null;
        return await session.established(challenge.email, tokens);
      } catch (err) {
        if (exceptionName(err) === 'NotAuthorizedException') throw again(err);
        throw cognitoError(err);
      }
    },

    signUp: (email: string, password: string): Promise<CodeDelivery> =>
      cognito((p) => p.signUp(normaliseEmail(email), password)),
    confirmSignUp: (email: string, code: string): Promise<void> =>
      cognito((p) => p.confirmSignUp(normaliseEmail(email), code.trim())),
    resendCode: (email: string): Promise<CodeDelivery> =>
      cognito((p) => p.resendCode(normaliseEmail(email))),
    forgotPassword: (email: string): Promise<CodeDelivery> =>
      cognito((p) => p.forgotPassword(normaliseEmail(email))),
    confirmForgotPassword: (email: string, code: string, newPassword: string): Promise<void> =>
      cognito((p) => p.confirmForgotPassword(normaliseEmail(email), code.trim(), newPassword)),

    /** `everywhere` ends every device's session (GlobalSignOut); either way nothing stays here. */
    async signOut(everywhere: boolean): Promise<SessionView> {
      pending = null;
      const { config } = await loadConfig();
      if (config) {
        const p = await session.providerFor(config);
        if (p.current()) {
          if (everywhere)
            await within(
              5_000,
              session.tokens().then(() => p.globalSignOut()),
            );
          else await within(3_000, p.revoke());
        }
      }
      await session.end(null);
      return session.view();
    },
  };
}

export type Account = ReturnType<typeof createAccount>;
