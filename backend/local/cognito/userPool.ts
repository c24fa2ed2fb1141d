import { AwsError } from '../awsError';
import { hasObjectFields, readJson, writeJson } from './jsonFile';
import { loadSigningKey, newStoredKey, publicJwks } from './signingKey';
import { checkIdTokenServerSide, verifyIdToken, type IdTokenClaims } from './tokens';
import * as account from './userPoolAccount';
import * as admin from './userPoolAdmin';
import * as mfa from './mfa';
import * as auth from './userPoolAuth';
import * as signOut from './userPoolSignOut';
import type { PoolContext, UserPoolOptions } from './userPoolContext';
import { STATE_FILE, findUser, pruneSessions, type PoolState } from './userState';

export type { UserPoolOptions } from './userPoolContext';

type Operation = (ctx: PoolContext, input: unknown) => object | Promise<object>;

const OPERATIONS: Record<string, Operation> = {
  SignUp: account.signUp,
  ConfirmSignUp: account.confirmSignUp,
  ResendConfirmationCode: account.resendConfirmationCode,
  ForgotPassword: account.forgotPassword,
  ConfirmForgotPassword: account.confirmForgotPassword,
  ChangePassword: account.changePassword,
  GetUser: account.getUser,
  InitiateAuth: auth.initiateAuth,
  RespondToAuthChallenge: auth.respondToAuthChallenge,
  GlobalSignOut: signOut.globalSignOut,
  RevokeToken: signOut.revokeToken,
  AdminCreateUser: admin.adminCreateUser,
  AdminSetUserPassword: admin.adminSetUserPassword,
  AdminConfirmSignUp: admin.adminConfirmSignUp,
  AdminDeleteUser: admin.adminDeleteUser,
  AssociateSoftwareToken: mfa.associateSoftwareToken,
  VerifySoftwareToken: mfa.verifySoftwareToken,
  SetUserMFAPreference: mfa.setUserMFAPreference,
  AdminSetUserMFAPreference: mfa.adminSetUserMFAPreference,
};

const isPoolState = (v: unknown): v is PoolState =>
  hasObjectFields(v, ['key', 'users', 'sessions']) && (v as { version?: unknown }).version === 1;

/** The local Cognito User Pool: one pool, one app client (no secret), e-mail as the sign-in name. */
export class UserPool {
  private constructor(private readonly ctx: PoolContext) {}

  static async create(opts: UserPoolOptions): Promise<UserPool> {
    const { dataDir } = opts;
    const now = opts.now ?? Date.now;
    const loaded = dataDir ? readJson(dataDir, STATE_FILE, isPoolState) : undefined;
    const state: PoolState = loaded ?? {
      version: 1,
      key: await newStoredKey(),
      users: {},
      sessions: {},
    };
    const save = (): void => {
      if (dataDir) writeJson(dataDir, STATE_FILE, state);
    };
    pruneSessions(state, now());
    if (!loaded) save();
    const poolName = opts.userPoolId.split('_')[1] ?? opts.userPoolId;
    const key = await loadSigningKey(state.key);
    return new UserPool({
      opts,
      poolName,
      state,
      key,
      now,
      save,
      srp: new Map(),
      challenges: new Map(),
    });
  }

  async handle(operation: string, input: unknown): Promise<unknown> {
    const op = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
    return op(this.ctx, input);
  }

  jwks(): { keys: object[] } {
    return publicJwks(this.ctx.state.key);
  }

  verifyIdToken(token: string): Promise<IdTokenClaims> {
    return verifyIdToken(this.ctx, token);
  }

  /** For the Identity Pool's ServerSideTokenCheck: throws NotAuthorizedException when the sign-in no longer stands. */
  checkIdTokenServerSide(claims: IdTokenClaims): void {
    checkIdTokenServerSide(this.ctx, claims);
  }

  /** The demo user: created confirmed with this password, or left as it is when it exists. */
  ensureUser(email: string, password: string): Promise<void> {
    if (!findUser(this.ctx.state, email)) {
      const user = account.newUser(this.ctx, email, password);
      user.status = 'CONFIRMED';
      user.emailVerified = true;
      this.ctx.state.users[user.username] = user;
      this.ctx.save();
    }
    return Promise.resolve();
  }
}
