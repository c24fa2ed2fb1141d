import { Secret, TOTP } from 'otpauth';

/** What the pool keeps of a user's authenticator app (the secret is needed to check codes, as in Cognito). */
export interface TotpState {
  /** The verified secret (base32). */
  secret?: string;
  /** Associated but not yet verified: replaces `secret` once a code from it is verified. */
  pending?: string;
  /** Verified and turned on: sign-in asks for a code. */
  enabled: boolean;
  /** The last time step whose code was accepted: a code is good once, and never one older than it. */
  lastStep: number;
  friendlyName?: string;
}

export const STEP_S = 30;

/** 20 random bytes as base32 (32 characters), the shape of Cognito's SecretCode. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks a 6-digit code against `secret` at `nowMs`, accepting the step before and after (±30 s of
 * clock drift between the phone and the server), and refusing a step at or before `lastStep`.
 */
export function checkTotp(
  secret: string,
  code: string,
  nowMs: number,
  lastStep: number,
): CodeCheck {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: STEP_S });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = Math.floor(nowMs / 1000 / STEP_S) + delta;
  if (step <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}
