import type { CognitoUser, CognitoUserSession } from 'amazon-cognito-identity-js';
import type { Challenge, Tokens } from './identityProvider';

// The library keeps the challenge's `Session` on the user object but does not declare it.
type WithSession = { Session: string | null };

/** What authenticator apps list the device as (Cognito's FriendlyDeviceName). */
const DEVICE_NAME = 'Journal for the browser';

export interface MfaDeps {
  /** A CognitoUser on the worker's storage. */
  user: (username: string) => CognitoUser;
  /** The signed-in user, its session loaded (refreshed by the library when due). */
  signedInUser: () => Promise<CognitoUser>;
  tokensOf: (username: string, session: CognitoUserSession) => Tokens;
}

/** A CognitoUser standing at `challenge`: the library answers with the Session it was given. */
function atChallenge(deps: MfaDeps, challenge: Challenge): CognitoUser {
  const u = deps.user(challenge.username);
  (u as unknown as WithSession).Session = challenge.session;
  return u;
}

const sessionOf = (u: CognitoUser): string => (u as unknown as WithSession).Session ?? '';

/**
 * TOTP through amazon-cognito-identity-js: the sign-in challenges (SOFTWARE_TOKEN_MFA, MFA_SETUP)
 * by their Session string, so they work on a CognitoUser rebuilt after the worker stopped, and the
 * signed-in calls with the stored access token.
 */
export function cognitoMfa(deps: MfaDeps) {
  return {
    answerTotp: (challenge: Challenge, code: string) =>
      new Promise<Tokens>((resolve, reject) => {
        const u = atChallenge(deps, challenge);
        u.sendMFACode(
          code,
          {
            onSuccess: (session: CognitoUserSession) =>
              resolve(deps.tokensOf(u.getUsername(), session)),
            onFailure: reject,
          },
          'SOFTWARE_TOKEN_MFA',
        );
      }),

    associateForSetup: (challenge: Challenge) =>
      new Promise<{ secret: string; challenge: Challenge }>((resolve, reject) => {
        const u = atChallenge(deps, challenge);
        u.associateSoftwareToken({
          associateSecretCode: (secret: string) =>
            // Cognito hands out a new Session with the secret: the next step needs that one.
            resolve({ secret, challenge: { username: challenge.username, session: sessionOf(u) } }),
          onFailure: reject,
        });
      }),

    verifyForSetup: (challenge: Challenge, code: string) =>
      new Promise<Tokens>((resolve, reject) => {
        const u = atChallenge(deps, challenge);
        // Verifies the code, then answers MFA_SETUP with the Session that returned: tokens.
        u.verifySoftwareToken(code, DEVICE_NAME, {
          onSuccess: (session: CognitoUserSession) =>
            resolve(deps.tokensOf(u.getUsername(), session)),
          onFailure: reject,
        });
      }),

    async mfaEnabled(): Promise<boolean> {
      const u = await deps.signedInUser();
      const data = await new Promise<unknown>((resolve, reject) =>
        u.getUserData((err, result) => (err ? reject(err) : resolve(result)), {
          bypassCache: true,
        }),
      );
      const list = (data as { UserMFASettingList?: unknown } | null)?.UserMFASettingList;
      return Array.isArray(list) && list.includes('SOFTWARE_TOKEN_MFA');
    },

    async associateTotp(): Promise<string> {
      const u = await deps.signedInUser();
      return new Promise((resolve, reject) =>
        u.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
      );
    },

    async verifyTotp(code: string): Promise<void> {
      const u = await deps.signedInUser();
      await new Promise<void>((resolve, reject) =>
        u.verifySoftwareToken(code, DEVICE_NAME, { onSuccess: () => resolve(), onFailure: reject }),
      );
    },

    async setTotpEnabled(enabled: boolean): Promise<void> {
      const u = await deps.signedInUser();
      await new Promise<void>((resolve, reject) =>
        u.setUserMfaPreference(null, { Enabled: enabled, PreferredMfa: enabled }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    },
  };
}

export type CognitoMfa = ReturnType<typeof cognitoMfa>;
