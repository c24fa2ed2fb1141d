import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { IdentityPool, UserPool } from '../../../backend/local/cognito';
import { serve } from './server';

export const REGION = 'eu-central-1';
export const USER_POOL_ID = 'eu-central-1_LocalPool1';
export const CLIENT_ID = 'localclient123456789';
export const IDENTITY_POOL_ID = 'eu-central-1:11111111-2222-3333-4444-555555555555';
export const PROVIDER = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
export const PASSWORD = 'Corr3ct-Horse!';

/** A controllable ms clock shared by both pools. */
export interface ClockControl {
  now: () => number;
  advance: (ms: number) => void;
}

export function clock(start = Date.now()): ClockControl {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface Stack {
  url: string;
  clock: ClockControl;
  log: string[];
  userPool: UserPool;
  identityPool: IdentityPool;
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
  close: () => Promise<void>;
  /** The last code printed for this e-mail. */
  codeFor: (email: string) => string;
}

export async function startStack(
  opts: {
    dataDir?: string | null;
    tokenTtlS?: number;
    clock?: ClockControl;
    mfa?: 'optional' | 'required';
  } = {},
): Promise<Stack> {
  const c = opts.clock ?? clock();
  const log: string[] = [];
  let url = '';
  const userPool = await UserPool.create({
    region: REGION,
    userPoolId: USER_POOL_ID,
    clientId: CLIENT_ID,
    dataDir: opts.dataDir ?? null,
    issuer: () => `${url}/${USER_POOL_ID}`,
    tokenTtlS: opts.tokenTtlS ?? 3600,
    ...(opts.mfa ? { mfa: opts.mfa } : {}),
    log: (line) => log.push(line),
    now: c.now,
  });
  const identityPool = await IdentityPool.create({
    region: REGION,
    identityPoolId: IDENTITY_POOL_ID,
    providerName: PROVIDER,
    clientId: CLIENT_ID,
    verifyIdToken: (t) => userPool.verifyIdToken(t),
    allowUnauthenticated: false,
    dataDir: opts.dataDir ?? null,
    credentialsTtlS: 3600,
    now: c.now,
  });
  const server = await serve(userPool, identityPool, USER_POOL_ID);
  url = server.url;
  const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' };
  const idp = new CognitoIdentityProviderClient({
    region: REGION,
    endpoint: url,
    credentials,
    maxAttempts: 1,
  });
  const identity = new CognitoIdentityClient({
    region: REGION,
    endpoint: url,
    credentials,
    maxAttempts: 1,
  });
  const codeFor = (email: string): string => {
    const line = [...log].reverse().find((l) => l.includes(email));
    const code = line?.match(/(\d{6})$/)?.[1];
    if (!code) throw new Error(`no code logged for ${email}`);
    return code;
  };
  return {
    url,
    clock: c,
    log,
    userPool,
    identityPool,
    idp,
    identity,
    close: server.close,
    codeFor,
  };
}

export function libraryPool(url: string): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: USER_POOL_ID,
    ClientId: CLIENT_ID,
    endpoint: `${url}/`,
  });
}

export type SignInOutcome =
  | { session: CognitoUserSession; user: CognitoUser }
  | { newPasswordRequired: true; user: CognitoUser };

/** SRP sign-in exactly as the extension does it, through amazon-cognito-identity-js. */
export function srpSignIn(url: string, email: string, password: string): Promise<SignInOutcome> {
  const user = new CognitoUser({ Username: email, Pool: libraryPool(url) });
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ session, user }),
      onFailure: (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
      newPasswordRequired: () => resolve({ newPasswordRequired: true, user }),
    });
  });
}

/** The error a promise rejects with, as `name: message`. */
export async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string };
    return `${e.code ?? e.name}: ${e.message}`;
  }
  throw new Error('expected a failure');
}
