import type { ICognitoStorage } from 'amazon-cognito-identity-js';
import type { BackendConfig } from '../../../src/shared/config';
import type {
  Challenge,
  IdentityProvider,
  SignInOutcome,
  Tokens,
} from '../../../src/background/auth/identityProvider';

export const CONFIG: BackendConfig = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/graphql',
};

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT-shaped token with these claims (unsigned: the worker never checks signatures). */
export function jwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', kid: 'k' })}.${b64url(claims)}.c2lnbmF0dXJl`;
}

let serial = 0;

/** Tokens issued at `iatS` (server seconds) for `lifetimeS`, as a User Pool would. */
export function tokens(iatS: number, lifetimeS = 3600, driftS = 0, sub = 'sub-1'): Tokens {
  serial += 1;
  const claims = { sub, email: 'ann@example.com', iat: iatS, exp: iatS + lifetimeS };
  return {
    username: sub,
    idToken: jwt({ ...claims, jti: `id-${serial}`, token_use: 'id' }),
    accessToken: jwt({ ...claims, jti: `access-${serial}`, token_use: 'access' }),
    refreshToken: `refresh-${serial}`,
    clockDriftS: driftS,
  };
}

/** An error as amazon-cognito-identity-js rejects with one. */
export function awsError(code: string, message = ''): Error {
  return Object.assign(new Error(message), { code, name: code });
}

/**
 * An IdentityProvider kept in memory: `refresh` answers with `nextRefresh()`, counting calls, and
 * its answer can be held back (`hold`) so concurrent callers really overlap.
 */
export class FakeProvider implements IdentityProvider {
  // Kept in the worker's CognitoStorage, as the real library keeps its tokens there.
  private storage: ICognitoStorage | null = null;
  attach(storage: ICognitoStorage): this {
    this.storage = storage;
    return this;
  }
  get stored(): Tokens | null {
    const raw = this.storage?.getItem('fake.tokens');
    return raw ? (JSON.parse(raw) as Tokens) : null;
  }
  set stored(tokens: Tokens | null) {
    if (tokens) this.storage?.setItem('fake.tokens', JSON.stringify(tokens));
    else this.storage?.removeItem('fake.tokens');
  }
  refreshCalls = 0;
  globalSignOuts = 0;
  revokes = 0;
  nextRefresh: () => Promise<Tokens> = () => Promise.reject(new Error('no refresh planned'));
  signInResult: () => Promise<SignInOutcome> = () =>
    Promise.reject(new Error('no sign-in planned'));

  /** Users this fake knows (e-mail → password): without a planned result, it signs them in. */
  readonly users = new Map<string, string>();
  private issuedAt = 1_700_000_000;

  signIn(email?: string, password?: string): Promise<SignInOutcome> {
    const known = email !== undefined && this.users.has(email);
    const outcome = known
      ? this.users.get(email) === password
        ? Promise.resolve<SignInOutcome>({
            kind: 'done',
            tokens: { ...tokens((this.issuedAt += 1)), username: email },
          })
        : Promise.reject(awsError('NotAuthorizedException', 'Incorrect username or password.'))
      : this.signInResult();
    return outcome.then((o) => {
      if (o.kind === 'done') this.stored = o.tokens;
      return o;
    });
  }
  completeNewPassword(_c: Challenge, _p: string): Promise<Tokens> {
    return Promise.reject(new Error('not used'));
  }
  current(): Tokens | null {
    return this.stored;
  }
  async refresh(): Promise<Tokens> {
    this.refreshCalls += 1;
    const next = await this.nextRefresh();
    this.stored = next;
    return next;
  }
  signUp = () => Promise.resolve({ destination: null });
  confirmSignUp = () => Promise.resolve();
  resendCode = () => Promise.resolve({ destination: null });
  forgotPassword = () => Promise.resolve({ destination: null });
  confirmForgotPassword = () => Promise.resolve();
  async globalSignOut(): Promise<void> {
    this.globalSignOuts += 1;
  }
  async revoke(): Promise<void> {
    this.revokes += 1;
  }
  keepOnly(): void {}

  /** The MFA calls made, in order, with their arguments. */
  mfaCalls: { method: string; args: unknown[] }[] = [];
  /** Answers each MFA call; unplanned calls reject. */
  mfaAnswer: (method: string, args: unknown[]) => Promise<unknown> = (method) =>
    Promise.reject(new Error(`no ${method} planned`));
  private mfa<T>(method: string, ...args: unknown[]): Promise<T> {
    this.mfaCalls.push({ method, args });
    return this.mfaAnswer(method, args) as Promise<T>;
  }
  answerTotp(challenge: Challenge, code: string): Promise<Tokens> {
    return this.mfa<Tokens>('answerTotp', challenge, code).then((t) => (this.stored = t));
  }
  associateForSetup(challenge: Challenge): Promise<{ secret: string; challenge: Challenge }> {
    return this.mfa('associateForSetup', challenge);
  }
  verifyForSetup(challenge: Challenge, code: string): Promise<Tokens> {
    return this.mfa<Tokens>('verifyForSetup', challenge, code).then((t) => (this.stored = t));
  }
  mfaEnabled = (): Promise<boolean> => this.mfa('mfaEnabled');
  associateTotp = (): Promise<string> => this.mfa('associateTotp');
  verifyTotp = (code: string): Promise<void> => this.mfa('verifyTotp', code);
  setTotpEnabled = (enabled: boolean): Promise<void> => this.mfa('setTotpEnabled', enabled);
}

/** A settable clock (ms). */
export function testClock(start: number) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
