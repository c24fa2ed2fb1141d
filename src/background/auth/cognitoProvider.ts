import {
  AuthenticationDetails,
  CognitoRefreshToken,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { cognitoIdpEndpoint, type BackendConfig } from '../../shared/config';
import type { CodeDelivery } from '../../shared/protocol';
import { cognitoMfa } from './cognitoMfa';
import type { CognitoStorage } from './cognitoStorage';
import type { Challenge, IdentityProvider, SignInOutcome, Tokens } from './identityProvider';

const delivery = (data: unknown): CodeDelivery => {
  const d = (data as { CodeDeliveryDetails?: { Destination?: unknown } } | null)
    ?.CodeDeliveryDetails;
  return { destination: typeof d?.Destination === 'string' ? d.Destination : null };
};

function tokensOf(username: string, session: CognitoUserSession): Tokens {
  return {
    username,
    idToken: session.getIdToken().getJwtToken(),
    accessToken: session.getAccessToken().getJwtToken(),
    refreshToken: session.getRefreshToken().getToken(),
    // Declared at run time only: local minus server seconds when the tokens arrived.
    clockDriftS: (session as unknown as { getClockDrift(): number }).getClockDrift(),
  };
}

// The library keeps the challenge's `Session` on the user object but does not declare it.
type WithSession = { Session: string | null };

/** The User Pool through amazon-cognito-identity-js, its storage the worker's synchronous map. */
export function cognitoProvider(config: BackendConfig, storage: CognitoStorage): IdentityProvider {
  const pool = new CognitoUserPool({
    UserPoolId: config.userPoolId,
    ClientId: config.userPoolClientId,
    endpoint: cognitoIdpEndpoint(config),
    Storage: storage,
  });
  const prefix = `CognitoIdentityServiceProvider.${config.userPoolClientId}`;
  const user = (username: string) =>
    new CognitoUser({ Username: username, Pool: pool, Storage: storage });
  const lastUser = () => storage.getItem(`${prefix}.LastAuthUser`);

  const authCallbacks = (
    u: CognitoUser,
    resolve: (o: SignInOutcome) => void,
    reject: (e: unknown) => void,
  ) => {
    const challenge = () => ({
      username: u.getUsername(),
      session: (u as unknown as WithSession).Session ?? '',
    });
    return {
      onSuccess: (session: CognitoUserSession) =>
        resolve({ kind: 'done', tokens: tokensOf(u.getUsername(), session) }),
      onFailure: reject,
      newPasswordRequired: () => resolve({ kind: 'newPassword', challenge: challenge() }),
      totpRequired: () => resolve({ kind: 'totp', challenge: challenge() }),
      mfaSetup: () => resolve({ kind: 'mfaSetup', challenge: challenge() }),
      // SMS codes: the deployed pool offers authenticator apps only.
      mfaRequired: () =>
        reject(
          new Error('This account asks for an SMS code, which the extension does not support.'),
        ),
      selectMFAType: () =>
        reject(new Error('This account offers a second factor the extension does not support.')),
      customChallenge: () =>
        reject(new Error('This account uses a sign-in the extension does not support.')),
    };
  };

  const node = <T>(run: (cb: (err: unknown, result?: T) => void) => void) =>
    new Promise<T>((resolve, reject) =>
      run((err, result) => (err ? reject(err) : resolve(result as T))),
    );

  /** The signed-in user with its session loaded (the library refreshes it when it is due). */
  const signedInUser = async (): Promise<CognitoUser> => {
    const username = lastUser();
    if (!username)
      throw Object.assign(new Error('No session.'), { code: 'NotAuthorizedException' });
    const u = user(username);
    await node((cb) => u.getSession(cb));
    return u;
  };

  return {
    ...cognitoMfa({ user, signedInUser, tokensOf }),
    signIn: (email, password) =>
      new Promise((resolve, reject) => {
        const u = user(email);
        u.authenticateUser(
          new AuthenticationDetails({ Username: email, Password: password }),
          authCallbacks(u, resolve, reject),
        );
      }),

    completeNewPassword: (challenge: Challenge, newPassword) =>
      new Promise<Tokens>((resolve, reject) => {
        const u = user(challenge.username);
        (u as unknown as WithSession).Session = challenge.session;
        u.completeNewPasswordChallenge(
          newPassword,
          {},
          authCallbacks(
            u,
            (o) =>
              o.kind === 'done'
                ? resolve(o.tokens)
                : reject(
                    new Error(
                      o.kind === 'newPassword'
                        ? 'Choose a different new password.'
                        : // The password is set; a fresh sign-in leads to the second factor.
                          'Your new password is set. Sign in with it to continue with two-step verification.',
                    ),
                  ),
            reject,
          ),
        );
      }),

    current() {
      const username = lastUser();
      if (!username) return null;
      const item = (name: string) => storage.getItem(`${prefix}.${username}.${name}`);
      const [idToken, accessToken, refreshToken] = [
        item('idToken'),
        item('accessToken'),
        item('refreshToken'),
      ];
      if (!idToken || !accessToken || !refreshToken) return null;
      return {
        username,
        idToken,
        accessToken,
        refreshToken,
        clockDriftS: Number(item('clockDrift')) || 0,
      };
    },

    refresh() {
      const stored = this.current();
      if (!stored)
        return Promise.reject(
          Object.assign(new Error('No session.'), { code: 'NotAuthorizedException' }),
        );
      const u = user(stored.username);
      return node<CognitoUserSession>((cb) =>
        u.refreshSession(new CognitoRefreshToken({ RefreshToken: stored.refreshToken }), cb),
      ).then((session) => tokensOf(u.getUsername(), session));
    },

    signUp: (email, password) =>
      node((cb) =>
        pool.signUp(
          email,
          password,
          [new CognitoUserAttribute({ Name: 'email', Value: email })],
          [],
          cb,
        ),
      ).then(delivery),
    confirmSignUp: (email, code) =>
      node((cb) => user(email).confirmRegistration(code, false, cb)).then(() => undefined),
    resendCode: (email) => node((cb) => user(email).resendConfirmationCode(cb)).then(delivery),
    forgotPassword: (email) =>
      new Promise((resolve, reject) =>
        user(email).forgotPassword({
          onSuccess: (data) => resolve(delivery(data)),
          inputVerificationCode: (data) => resolve(delivery(data)),
          onFailure: reject,
        }),
      ),
    confirmForgotPassword: (email, code, newPassword) =>
      new Promise((resolve, reject) =>
        user(email).confirmPassword(code, newPassword, {
          onSuccess: () => resolve(),
          onFailure: reject,
        }),
      ),

    async globalSignOut() {
      const username = lastUser();
      if (!username) return;
      const u = user(username);
      await node((cb) => u.getSession(cb));
      await new Promise<void>((resolve, reject) =>
        u.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }),
      );
    },
    async revoke() {
      const username = lastUser();
      if (!username) return;
      // signOut(callback) revokes the refresh token when the pool issued a revocable one.
      const u = user(username);
      const signOut = u.signOut.bind(u) as unknown as (cb: (err?: unknown) => void) => void;
      await node((cb) => signOut((err) => cb(err)));
    },
    keepOnly(username) {
      const own = `${prefix}.${username}.`;
      storage.retain((name) => name.startsWith(own) || name === `${prefix}.LastAuthUser`);
    },
  };
}
