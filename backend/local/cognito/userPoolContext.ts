import { randomInt } from 'node:crypto';
import { AwsError } from '../awsError';
import type { SigningKey } from './signingKey';
import { makeVerifier, type ServerEphemeral } from './srp';
import { findUser, type PendingCode, type PoolState, type UserRecord } from './userState';
import { requiredString, type Params } from './params';

export interface UserPoolOptions {
  region: string;
  userPoolId: string;
  clientId: string;
  /** null = in memory; otherwise state (users as salt + verifier, sessions, the key pair) is kept here. */
  dataDir: string | null;
  /** Resolved per token: the port is known only after listen. */
  issuer: () => string;
  tokenTtlS: number;
  /** Receives confirmation and reset codes: no e-mail is sent. */
  log: (line: string) => void;
  now?: () => number;
  /** Cognito's MfaConfiguration: 'optional' (the default, as deployed) or 'required' (MFA_SETUP at sign-in). */
  mfa?: 'optional' | 'required';
}

/** An SRP exchange between InitiateAuth and RespondToAuthChallenge, keyed by its SECRET_BLOCK. */
export interface SrpPending {
  /** null: a simulated challenge for a name with no account (PreventUserExistenceErrors). */
  username: string | null;
  aHex: string;
  eph: ServerEphemeral;
  expiresAt: number;
}

/** A NEW_PASSWORD_REQUIRED challenge waiting for its answer, keyed by its Session string. */
export interface ChallengeSession {
  username: string;
  expiresAt: number;
}

export interface PoolContext {
  opts: UserPoolOptions;
  poolName: string;
  state: PoolState;
  key: SigningKey;
  now: () => number;
  save: () => void;
  srp: Map<string, SrpPending>;
  challenges: Map<string, ChallengeSession>;
}

export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;
export const CHALLENGE_TTL_MS = 3 * 60 * 1000; // Cognito's default auth session lifetime
const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;
export const TEMP_PASSWORD_TTL_MS = 7 * 24 * 3600 * 1000;

export function checkClient(ctx: PoolContext, p: Params): void {
  const clientId = requiredString(p, 'ClientId');
  if (clientId !== ctx.opts.clientId) {
    throw new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }
}

export function checkPoolId(ctx: PoolContext, p: Params): void {
  const id = requiredString(p, 'UserPoolId');
  if (id !== ctx.opts.userPoolId)
    throw new AwsError('ResourceNotFoundException', `User pool ${id} does not exist.`);
}

export function requireUser(ctx: PoolContext, name: string): UserRecord {
  const user = findUser(ctx.state, name);
  if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
  return user;
}

export function setPassword(ctx: PoolContext, user: UserRecord, password: string): void {
  user.password = makeVerifier(ctx.poolName, user.username, password);
  user.modifiedAt = ctx.now();
}

/** Makes a code, prints it (the stand-in for the e-mail) and returns what Cognito reports about the delivery. */
export function sendCode(
  ctx: PoolContext,
  user: UserRecord,
  purpose: 'confirmation' | 'reset',
): object {
  const code: PendingCode = {
    code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    expiresAt: ctx.now() + (purpose === 'reset' ? RESET_TTL_MS : CONFIRMATION_TTL_MS),
  };
  if (purpose === 'reset') user.reset = code;
  else user.confirmation = code;
  const what = purpose === 'reset' ? 'Password reset' : 'Confirmation';
  ctx.opts.log(`[cognito] ${what} code for ${user.email}: ${code.code}`);
  return codeDelivery(user.email);
}

export function codeDelivery(email: string): object {
  const [local = '', domain = ''] = email.split('@');
  return {
    Destination: `${local.charAt(0)}***@${domain.charAt(0)}***`,
    DeliveryMedium: 'EMAIL',
    AttributeName: 'email',
  };
}

/** Checks a code and consumes it; Cognito's errors for a wrong or stale one. */
export function consumeCode(
  ctx: PoolContext,
  pending: PendingCode | undefined,
  given: string,
): void {
  if (!pending || pending.code !== given) {
    throw new AwsError(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  }
  if (pending.expiresAt <= ctx.now()) {
    throw new AwsError(
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    );
  }
}
