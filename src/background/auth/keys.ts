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

/** A NEW_PASSWORD_REQUIRED challenge in flight, so it survives the worker stopping. */
export interface PendingChallenge {
  username: string;
  email: string;
  session: string;
}

export const challengeKey = storageKey<PendingChallenge | null>('newPasswordChallenge', {
  area: 'session',
  validate: (raw): raw is PendingChallenge | null =>
    raw === null ||
    (isRecord(raw) && isString(raw.username) && isString(raw.email) && isString(raw.session)),
  fallback: null,
});

/** Why the person was signed out without asking for it; shown until the next sign-in. */
export const signedOutReasonKey = storageKey<string | null>('signedOutReason', {
  validate: (raw): raw is string | null => raw === null || isString(raw),
  fallback: null,
});
