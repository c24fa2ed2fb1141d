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
  { kind: 'done'; tokens: Tokens } | { kind: 'newPassword'; challenge: Challenge };

/**
 * Cognito User Pool, behind an interface of ours (amazon-cognito-identity-js is in maintenance
 * mode). Implementations reject with the service's error (`code`/`name`, `message`); callers map it.
 */
export interface IdentityProvider {
  signIn(email: string, password: string): Promise<SignInOutcome>;
  completeNewPassword(challenge: Challenge, newPassword: string): Promise<Tokens>;
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
