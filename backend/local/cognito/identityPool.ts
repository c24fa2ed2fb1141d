import { randomUUID } from 'node:crypto';
import { AwsError } from '../awsError';
import { appendCredentials, compactCredentialLog, readCredentialLog } from './credentialLog';
import { newCredentials, type IssuedCredentials } from './credentials';
import { hasObjectFields, readJson, writeJson } from './jsonFile';
import { asParams, requiredString, stringMap } from './params';
import type { IdTokenClaims } from './tokens';

export interface IdentityPoolOptions {
  region: string;
  identityPoolId: string;
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>`: the only Logins key accepted. */
  providerName: string;
  /** The ID token's `aud` must be this app client. */
  clientId: string;
  verifyIdToken: (token: string) => Promise<IdTokenClaims>;
  /**
   * ServerSideTokenCheck (the deployed pool sets it): asks the User Pool whether the token's sign-in
   * still stands; throws NotAuthorizedException for revoked, signed-out or deleted users.
   */
  serverSideTokenCheck: ((claims: IdTokenClaims) => void) | null;
  allowUnauthenticated: boolean;
  dataDir: string | null;
  credentialsTtlS: number;
  now?: () => number;
}

interface IdentityState {
  version: 1;
  identities: Record<string, { sub: string | null; createdAt: number }>; // sub null = unauthenticated
  /** In memory: every live key. On disk: empty, or what versions before the credential log kept. */
  credentials: Record<string, IssuedCredentials>;
}

// Expired credentials are dropped at most this often (each sweep walks them all).
const SWEEP_MS = 60_000;

const STATE_FILE = 'cognito-identity-pool.json';
// Expired keys are kept a while so the SigV4 check can say "expired" rather than "unknown".
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;

const isIdentityState = (v: unknown): v is IdentityState =>
  hasObjectFields(v, ['identities', 'credentials']) && (v as { version?: unknown }).version === 1;

const notAuthorized = (message: string): AwsError =>
  new AwsError('NotAuthorizedException', message);
const UNAUTH_REFUSED = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_MISMATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** The local Cognito Identity Pool: maps User Pool ID tokens to identities and temporary credentials. */
export class IdentityPool {
  private lastSweep: number;

  private constructor(
    private readonly opts: IdentityPoolOptions,
    private readonly state: IdentityState,
    private readonly now: () => number,
  ) {
    this.lastSweep = now();
  }

  static create(opts: IdentityPoolOptions): Promise<IdentityPool> {
    const { dataDir } = opts;
    const now = opts.now ?? Date.now;
    const loaded = dataDir ? readJson(dataDir, STATE_FILE, isIdentityState) : undefined;
    const state: IdentityState = loaded ?? { version: 1, identities: {}, credentials: {} };
    if (dataDir) {
      for (const c of readCredentialLog(dataDir)) state.credentials[c.accessKeyId] = c;
      dropExpired(state, now());
      // The live credentials go to the log first, then the identities file loses its copy of them:
      // a crash in between leaves them in both, which reads the same.
      compactCredentialLog(dataDir, Object.values(state.credentials));
      writeJson(dataDir, STATE_FILE, { ...state, credentials: {} });
    }
    return Promise.resolve(new IdentityPool(opts, state, now));
  }

  async handle(operation: string, input: unknown): Promise<unknown> {
    if (operation === 'GetId') return this.getId(input);
    if (operation === 'GetCredentialsForIdentity') return this.getCredentials(input);
    throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
  }

  lookupAccessKey(accessKeyId: string):
    | {
        secretAccessKey: string;
        sessionToken: string;
        expiration: Date;
        identityId: string;
        sub: string | null;
      }
    | undefined {
    const c = Object.hasOwn(this.state.credentials, accessKeyId)
      ? this.state.credentials[accessKeyId]
      : undefined;
    if (!c) return undefined;
    return {
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(c.expiresAt),
      identityId: c.identityId,
      sub: this.subOf(c.identityId),
    };
  }

  /** The User Pool `sub` an identity was made for; null for unknown or unauthenticated ones. */
  subOf(identityId: string): string | null {
    return Object.hasOwn(this.state.identities, identityId)
      ? (this.state.identities[identityId]?.sub ?? null)
      : null;
  }

  private async getId(input: unknown): Promise<object> {
    const p = asParams(input);
    const poolId = requiredString(p, 'IdentityPoolId');
    if (poolId !== this.opts.identityPoolId)
      throw new AwsError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    const logins = stringMap(p, 'Logins');
    if (Object.keys(logins).length === 0) {
      if (!this.opts.allowUnauthenticated) throw notAuthorized(UNAUTH_REFUSED);
      return { IdentityId: this.addIdentity(null) };
    }
    const sub = await this.authenticate(logins);
    const known = Object.entries(this.state.identities).find(([, i]) => i.sub === sub);
    return { IdentityId: known ? known[0] : this.addIdentity(sub) };
  }

  private async getCredentials(input: unknown): Promise<object> {
    const p = asParams(input);
    const identityId = requiredString(p, 'IdentityId');
    const identity = Object.hasOwn(this.state.identities, identityId)
      ? this.state.identities[identityId]
      : undefined;
    if (!identity)
      throw new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
    const logins = stringMap(p, 'Logins');
    if (Object.keys(logins).length === 0) {
      if (!this.opts.allowUnauthenticated) throw notAuthorized(UNAUTH_REFUSED);
      if (identity.sub !== null) throw notAuthorized(LOGINS_MISMATCH);
    } else if ((await this.authenticate(logins)) !== identity.sub) {
      throw notAuthorized(LOGINS_MISMATCH);
    }
    const nowMs = this.now();
    const expiresAt = (Math.floor(nowMs / 1000) + this.opts.credentialsTtlS) * 1000;
    const creds = newCredentials(identityId, expiresAt);
    if (nowMs - this.lastSweep >= SWEEP_MS) {
      dropExpired(this.state, nowMs);
      this.lastSweep = nowMs;
    }
    this.state.credentials[creds.accessKeyId] = creds;
    if (this.opts.dataDir) appendCredentials(this.opts.dataDir, creds);
    return {
      IdentityId: identityId,
      // awsJson1_1 carries timestamps as epoch seconds.
      Credentials: {
        AccessKeyId: creds.accessKeyId,
        SecretKey: creds.secretAccessKey,
        SessionToken: creds.sessionToken,
        Expiration: expiresAt / 1000,
      },
    };
  }

  /** The `sub` of a valid ID token from our User Pool, or NotAuthorizedException. */
  private async authenticate(logins: Record<string, string>): Promise<string> {
    const keys = Object.keys(logins);
    if (keys.some((k) => k !== this.opts.providerName)) {
      throw notAuthorized(
        'Invalid login token. Token is not from a supported provider of this identity pool.',
      );
    }
    const claims = await this.opts.verifyIdToken(logins[this.opts.providerName] ?? '');
    if (claims.aud !== this.opts.clientId)
      throw notAuthorized('Invalid login token. Incorrect token audience.');
    this.opts.serverSideTokenCheck?.(claims);
    return claims.sub;
  }

  private addIdentity(sub: string | null): string {
    const id = `${this.opts.region}:${randomUUID()}`;
    this.state.identities[id] = { sub, createdAt: this.now() };
    this.save();
    return id;
  }

  /** The identities (credentials live in their own log). */
  private save(): void {
    if (this.opts.dataDir)
      writeJson(this.opts.dataDir, STATE_FILE, { ...this.state, credentials: {} });
  }
}

function dropExpired(state: IdentityState, nowMs: number): void {
  for (const [key, c] of Object.entries(state.credentials)) {
    if (c.expiresAt + KEEP_EXPIRED_MS <= nowMs) delete state.credentials[key];
  }
}
