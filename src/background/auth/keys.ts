import { isRecord, isString, storageKey } from '../../shared/storage';

/**
 * The User Pool session's keys. Secrets live here, never in shared/keys.ts: pages must not read
 * them. Long-lived state (survives a browser restart) is in `local`; a challenge in flight only in
 * `session`.
 */

/** amazon-cognito-identity-js's key/value store (tokens, LastAuthUser), one object. */
export const cognitoStoreKey = storageKey<Record<string, string>>('cognitoStore', {
  validate: (raw): raw is Record<string, string> =>
    isRecord(raw) && Object.values(raw).every(isString),
  fallback: {},
});

/**
 * A sign-in challenge in flight (a new password, or a second factor), so it survives the worker
 * stopping. The key keeps its first name so a challenge stored by an older version still reads.
 */
export interface PendingChallenge {
  username: string;
  email: string;
  session: string;
  /** Which challenge (absent in what older versions stored: a new password). */
  kind?: 'newPassword' | 'totp' | 'mfaSetup';
}

const CHALLENGE_KINDS: readonly unknown[] = ['newPassword', 'totp', 'mfaSetup'];

export const challengeKey = storageKey<PendingChallenge | null>('newPasswordChallenge', {
  area: 'session',
  validate: (raw): raw is PendingChallenge | null =>
    raw === null ||
    (isRecord(raw) &&
      isString(raw.username) &&
      isString(raw.email) &&
      isString(raw.session) &&
      (raw.kind === undefined || CHALLENGE_KINDS.includes(raw.kind))),
  fallback: null,
});

/** Why the person was signed out without asking for it; shown until the next sign-in. */
export const signedOutReasonKey = storageKey<string | null>('signedOutReason', {
  validate: (raw): raw is string | null => raw === null || isString(raw),
  fallback: null,
});
