import { isNumber, isRecord, isString, storageKey } from '../../shared/storage';

/**
 * The Identity Pool's and the signed transport's keys. Secrets live here, never in shared/keys.ts:
 * pages must not read them. AWS credentials are only in `session`, which the browser forgets when
 * it closes.
 */
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

/** Server clock minus local clock, ms, learnt from API Gateway's answers (SigV4 needs it within 5 min). */
export const clockOffsetKey = storageKey<number>('clockOffsetMs', {
  validate: isNumber,
  fallback: 0,
});
