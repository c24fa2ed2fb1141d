import type { CodeDelivery } from '../../shared/protocol';

/** What a sign-in leaves behind; `clockDriftS` is local minus server seconds at issue time. */
export interface Tokens {
  username: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  clockDriftS: number;
}

/** A NEW_PASSWORD_REQUIRED challenge: plain data, so it can wait in storage.session. */
export interface Challenge {
  username: string;
  session: string;
}

export type SignInOutcome =
  | { kind: 'done'; tokens: Tokens }
  | { kind: 'newPassword'; challenge: Challenge }
  /** SOFTWARE_TOKEN_MFA: the account has an authenticator app. */
  | { kind: 'totp'; challenge: Challenge }
  /** MFA_SETUP: the pool requires one and the account has none. */
  | { kind: 'mfaSetup'; challenge: Challenge };

/**
 * Cognito User Pool, behind an interface of ours (amazon-cognito-identity-js is in maintenance
 * mode). Implementations reject with the service's error (`code`/`name`, `message`); callers map it.
 */
export interface IdentityProvider {
  signIn(email: string, password: string): Promise<SignInOutcome>;
  completeNewPassword(challenge: Challenge, newPassword: string): Promise<Tokens>;
  /** SOFTWARE_TOKEN_MFA: a code from the authenticator app; stores and returns the tokens. */
  answerTotp(challenge: Challenge, code: string): Promise<Tokens>;
  /** MFA_SETUP: a new secret by the challenge's Session, which Cognito replaces with a new one. */
  associateForSetup(challenge: Challenge): Promise<{ secret: string; challenge: Challenge }>;
  /** MFA_SETUP: verifies the new app's first code and answers the challenge; the tokens. */
  verifyForSetup(challenge: Challenge, code: string): Promise<Tokens>;
  /** Signed in (the stored session, refreshed when due): GetUser says TOTP MFA is on. */
  mfaEnabled(): Promise<boolean>;
  /** Signed in: AssociateSoftwareToken; the secret for the app (never stored). */
  associateTotp(): Promise<string>;
  /** Signed in: VerifySoftwareToken (the associated secret, or the one in use). */
  verifyTotp(code: string): Promise<void>;
  /** Signed in: SetUserMFAPreference for TOTP. */
  setTotpEnabled(enabled: boolean): Promise<void>;
  /** The stored session, whatever its age (no network). */
  current(): Tokens | null;
  /** REFRESH_TOKEN_AUTH with the stored refresh token; stores and returns the new tokens. */
  refresh(): Promise<Tokens>;
  signUp(email: string, password: string): Promise<CodeDelivery>;
  confirmSignUp(email: string, code: string): Promise<void>;
  resendCode(email: string): Promise<CodeDelivery>;
  forgotPassword(email: string): Promise<CodeDelivery>;
  confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void>;
  /** Ends every session of the signed-in user on every device. */
  globalSignOut(): Promise<void>;
  /** Revokes the stored refresh token (best effort: this device only). */
  revoke(): Promise<void>;
  /** Forgets what it stored for anyone but `username` (someone else signed in before). */
  keepOnly(username: string): void;
}
