import { randomBytes } from 'node:crypto';
import { AwsError } from '../awsError';
import { CHALLENGE_TTL_MS, type PoolContext } from './userPoolContext';

export type MfaChallenge = 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

/** A second-factor step of a sign-in, between the password and the tokens, keyed by its Session string. */
export interface MfaSession {
  challenge: MfaChallenge;
  username: string;
  expiresAt: number;
  /** MFA_SETUP: a code from the newly associated secret was verified, so the challenge can be answered. */
  verified: boolean;
}

// Kept beside the pool's context rather than in it: in memory only, as Cognito's sessions are
// (a restarted stack asks for the password again, like an expired session).
const byPool = new WeakMap<PoolContext, Map<string, MfaSession>>();

function sessions(ctx: PoolContext): Map<string, MfaSession> {
  let map = byPool.get(ctx);
  if (!map) byPool.set(ctx, (map = new Map()));
  return map;
}

export const expiredSession = (): AwsError =>
  new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** A new Session string for this step; the session lives for Cognito's default 3 minutes from the password. */
export function openSession(
  ctx: PoolContext,
  s: Omit<MfaSession, 'expiresAt'> & { expiresAt?: number },
): string {
  const now = ctx.now();
  const map = sessions(ctx);
  for (const [id, old] of map) if (old.expiresAt <= now) map.delete(id);
  const id = randomBytes(96).toString('base64url');
  map.set(id, { ...s, expiresAt: s.expiresAt ?? now + CHALLENGE_TTL_MS });
  return id;
}

/** The live session for `id` and `challenge`, or Cognito's expired-session error. */
export function useSession(ctx: PoolContext, id: string, challenge: MfaChallenge): MfaSession {
  const s = sessions(ctx).get(id);
  if (!s || s.challenge !== challenge || s.expiresAt <= ctx.now()) throw expiredSession();
  return s;
}

/** Cognito hands out a new Session string at each step of MFA_SETUP; the old one stops working. */
export function rotateSession(ctx: PoolContext, id: string, s: MfaSession): string {
  sessions(ctx).delete(id);
  return openSession(ctx, s);
}

export function closeSession(ctx: PoolContext, id: string): void {
  sessions(ctx).delete(id);
}
