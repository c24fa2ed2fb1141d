import { parseConfig, type BackendConfig } from '../../shared/config';
import { isNumber, isRecord, isString, storageKey } from '../../shared/storage';

/**
 * The worker's own keys. Secrets live here, never in shared/keys.ts: pages must not read them.
 * Long-lived state (survives a browser restart) is in `local`; AWS credentials only in `session`,
 * which the browser forgets when it closes.
 */
export const configKey = storageKey<BackendConfig | null>('backendConfig', {
  validate: (raw): raw is BackendConfig | null => raw === null || parseConfig(raw).ok,
  fallback: null,
});

/** amazon-cognito-identity-js's key/value store (tokens, LastAuthUser), one object. */
export const cognitoStoreKey = storageKey<Record<string, string>>('cognitoStore', {
  validate: (raw): raw is Record<string, string> =>
    isRecord(raw) && Object.values(raw).every(isString),
  fallback: {},
});

export interface IdentityRecord {
  /** Whose identity: the Identity Pool and the user's `sub`. */
  identityPoolId: string;
  sub: string;
  identityId: string;
}

export const identityKey = storageKey<IdentityRecord | null>('identity', {
  validate: (raw): raw is IdentityRecord | null =>
    raw === null ||
    (isRecord(raw) &&
      isString(raw.identityPoolId) &&
      isString(raw.sub) &&
      isString(raw.identityId)),
  fallback: null,
});

export interface StoredCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Local clock, ms: when they arrived and when they expire (server expiry corrected for drift). */
  receivedAt: number;
  expiresAt: number;
  /** Which ID token they came from (its jti, or sub:iat); another token means other credentials. */
  tokenId: string;
  identityId: string;
}

export const credentialsKey = storageKey<StoredCredentials | null>('awsCredentials', {
  area: 'session',
  validate: (raw): raw is StoredCredentials | null =>
    raw === null ||
    (isRecord(raw) &&
      isString(raw.accessKeyId) &&
      isString(raw.secretAccessKey) &&
      isString(raw.sessionToken) &&
      isNumber(raw.receivedAt) &&
      isNumber(raw.expiresAt) &&
      isString(raw.tokenId) &&
      isString(raw.identityId)),
  fallback: null,
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

/** Server clock minus local clock, ms, learnt from API Gateway's answers (SigV4 needs it within 5 min). */
export const clockOffsetKey = storageKey<number>('clockOffsetMs', {
  validate: isNumber,
  fallback: 0,
});
