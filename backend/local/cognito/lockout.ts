import { AwsError } from '../awsError';
import type { UserRecord } from './userState';

// Like Cognito: from the fifth consecutive failure on, sign-in is refused for a cool-down that
// doubles with each further failure, up to 15 minutes. The base is longer than Cognito's 1 s so
// a person (or a browser test) can see the refusal.
export const LOCK_AFTER = 5;
export const BASE_COOLDOWN_MS = 30_000;
const MAX_COOLDOWN_MS = 15 * 60_000;

export function cooldownMs(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(MAX_COOLDOWN_MS, BASE_COOLDOWN_MS * 2 ** (failures - LOCK_AFTER));
}

export function assertNotLocked(user: UserRecord, nowMs: number): void {
  if (nowMs < user.lastFailureAt + cooldownMs(user.failedAttempts)) {
    throw new AwsError('NotAuthorizedException', 'Password attempts exceeded');
  }
}

export function recordFailure(user: UserRecord, nowMs: number): AwsError {
  user.failedAttempts += 1;
  user.lastFailureAt = nowMs;
  return new AwsError('NotAuthorizedException', 'Incorrect username or password.');
}

export function recordSuccess(user: UserRecord): void {
  user.failedAttempts = 0;
  user.lastFailureAt = 0;
}
