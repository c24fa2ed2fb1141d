import type { CodeGuard } from './codeAttempts';
import type { StoredKey } from './signingKey';
import type { PasswordVerifier } from './srp';
import type { TotpState } from './totp';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';

export interface PendingCode {
  code: string;
  expiresAt: number; // ms
}

/** A user as persisted: the password is present only as its SRP salt and verifier. */
export interface UserRecord {
  username: string; // Cognito's internal name (a UUID, equal to `sub`): the pool signs in by e-mail
  email: string;
  status: UserStatus;
  emailVerified: boolean;
  password: PasswordVerifier;
  createdAt: number;
  modifiedAt: number;
  tempPasswordExpiresAt?: number;
  confirmation?: PendingCode;
  reset?: PendingCode;
  failedAttempts: number;
  lastFailureAt: number;
  /** The authenticator app (TOTP MFA), once one has been associated. */
  totp?: TotpState;
  /** Wrong confirmation/reset codes (absent in files of earlier versions). */
  codeGuard?: CodeGuard;
}

/** One sign-in: its refresh token (hashed) and the access/ID tokens derived from it share `originJti`. */
export interface SessionRecord {
  originJti: string;
  username: string;
  refreshHash: string;
  authTime: number; // s
  expiresAt: number; // ms
  revoked: boolean;
}

export interface PoolState {
  version: 1;
  key: StoredKey;
  users: Record<string, UserRecord>;
  sessions: Record<string, SessionRecord>;
}

export const STATE_FILE = 'cognito-user-pool.json';

export function findUser(state: PoolState, name: string): UserRecord | undefined {
  const direct = state.users[name];
  if (direct) return direct;
  const lower = name.toLowerCase();
  return Object.values(state.users).find((u) => u.email.toLowerCase() === lower);
}

/** Drops sessions past their refresh-token lifetime; revoked ones are kept until then so their tokens stay refused. */
export function pruneSessions(state: PoolState, nowMs: number): void {
  for (const [id, s] of Object.entries(state.sessions))
    if (s.expiresAt <= nowMs) delete state.sessions[id];
}
