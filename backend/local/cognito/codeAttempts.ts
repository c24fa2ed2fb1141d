import { AwsError } from '../awsError';

// Cognito refuses codes with LimitExceededException after a handful of wrong ones, and then refuses
// the right one too until the limit lifts; the exact numbers are not documented. Here: the fifth
// wrong code in a row closes confirmation for 15 minutes. A new code does not reopen it (or asking
// for codes would undo the limit), and a restart does not either: the count is kept with the user.
export const CODE_ATTEMPTS = 5;
export const CODE_LOCK_MS = 15 * 60_000;

export interface CodeGuard {
  failures: number;
  lockedUntil: number; // ms
}

export const limitExceeded = (): AwsError =>
  new AwsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

export function assertCodesAllowed(guard: CodeGuard | undefined, nowMs: number): void {
  if (guard && nowMs < guard.lockedUntil) throw limitExceeded();
}

/** Counts one wrong code; returns the guard to keep. */
export function recordWrongCode(guard: CodeGuard | undefined, nowMs: number): CodeGuard {
  const failures = (guard && nowMs >= guard.lockedUntil ? guard.failures : 0) + 1;
  return failures >= CODE_ATTEMPTS
    ? { failures: 0, lockedUntil: nowMs + CODE_LOCK_MS }
    : { failures, lockedUntil: 0 };
}

// Unknown names get the same limit (kept in memory only), so the limit itself tells nobody whether
// an account exists. Bounded: the oldest names are forgotten first.
const MAX_UNKNOWN = 10_000;

export class UnknownNameGuards {
  private readonly guards = new Map<string, CodeGuard>();

  get(name: string): CodeGuard | undefined {
    return this.guards.get(name.toLowerCase());
  }

  set(name: string, guard: CodeGuard): void {
    const key = name.toLowerCase();
    this.guards.delete(key);
    this.guards.set(key, guard);
    if (this.guards.size > MAX_UNKNOWN) {
      const oldest = this.guards.keys().next();
      if (!oldest.done) this.guards.delete(oldest.value);
    }
  }
}
