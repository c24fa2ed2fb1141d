import { randomUUID } from 'node:crypto';
import { AwsError } from '../awsError';
import { assertNotLocked, recordFailure, recordSuccess } from './lockout';
import { mfaFields } from './mfa';
import { checkCode } from './codeCheck';
import { checkPassword, codeParam, passwordParam, usernameParam } from './inputLimits';
import { asParams, requiredString } from './params';
import { checkPasswordPolicy } from './passwordPolicy';
import { makeVerifier, passwordMatches } from './srp';
import { checkAccessToken } from './tokens';
import {
  checkClient,
  codeDelivery,
  sendCode,
  setPassword,
  type PoolContext,
} from './userPoolContext';
import { findUser, type UserRecord } from './userState';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Cognito's attribute list for a user, as GetUser and AdminCreateUser return it. */
export function attributesOf(user: UserRecord): { Name: string; Value: string }[] {
  return [
    { Name: 'sub', Value: user.username },
    { Name: 'email_verified', Value: String(user.emailVerified) },
    { Name: 'email', Value: user.email },
  ];
}

/** A new user record; `username` is a UUID as in pools that sign in by e-mail. */
export function newUser(ctx: PoolContext, email: string, password: string): UserRecord {
  if (!EMAIL.test(email))
    throw new AwsError('InvalidParameterException', 'Username should be an email.');
  checkPassword(password, 'Password');
  checkPasswordPolicy(password);
  const username = randomUUID();
  const now = ctx.now();
  return {
    username,
    email,
    status: 'UNCONFIRMED',
    emailVerified: false,
    password: makeVerifier(ctx.poolName, username, password),
    createdAt: now,
    modifiedAt: now,
    failedAttempts: 0,
    lastFailureAt: 0,
  };
}

export function signUp(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const email = usernameParam(p);
  const password = passwordParam(p, 'Password');
  if (findUser(ctx.state, email)) {
    throw new AwsError(
      'UsernameExistsException',
      'An account with the given email already exists.',
    );
  }
  const user = newUser(ctx, email, password);
  ctx.state.users[user.username] = user;
  const delivery = sendCode(ctx, user, 'confirmation');
  ctx.save();
  return { UserConfirmed: false, UserSub: user.username, CodeDeliveryDetails: delivery };
}

/**
 * PreventUserExistenceErrors: what ForgotPassword and ResendConfirmationCode answer when no code is
 * sent. The log says so (no code, no address) so a developer is not left waiting for one.
 */
function simulatedDelivery(ctx: PoolContext, name: string): object {
  ctx.opts.log('[cognito] No code sent: no such account, or none with a verified e-mail');
  return codeDelivery(name);
}

export function confirmSignUp(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const name = usernameParam(p);
  const code = codeParam(p);
  const user = findUser(ctx.state, name);
  if (user && user.status !== 'UNCONFIRMED') {
    throw new AwsError(
      'NotAuthorizedException',
      `User cannot be confirmed. Current status is ${user.status}`,
    );
  }
  checkCode(ctx, name, user, (u) => u.confirmation, code, 'mismatch');
  delete user.confirmation;
  user.status = 'CONFIRMED';
  user.emailVerified = true;
  user.modifiedAt = ctx.now();
  ctx.save();
  return {};
}

export function resendConfirmationCode(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const name = usernameParam(p);
  const user = findUser(ctx.state, name);
  if (!user) return { CodeDeliveryDetails: simulatedDelivery(ctx, name) };
  if (user.status !== 'UNCONFIRMED')
    throw new AwsError('InvalidParameterException', 'User is already confirmed.');
  const delivery = sendCode(ctx, user, 'confirmation');
  ctx.save();
  return { CodeDeliveryDetails: delivery };
}

export function forgotPassword(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const name = usernameParam(p);
  const user = findUser(ctx.state, name);
  if (user?.status === 'FORCE_CHANGE_PASSWORD') {
    throw new AwsError(
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
    );
  }
  // No account, or none with a verified address: answered as a delivery all the same.
  if (!user?.emailVerified) return { CodeDeliveryDetails: simulatedDelivery(ctx, name) };
  const delivery = sendCode(ctx, user, 'reset');
  ctx.save();
  return { CodeDeliveryDetails: delivery };
}

export function confirmForgotPassword(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const name = usernameParam(p);
  const code = codeParam(p);
  const password = passwordParam(p, 'Password');
  checkPasswordPolicy(password); // before the code is spent, so a refused password can be retried
  const user = findUser(ctx.state, name);
  checkCode(ctx, name, user, (u) => u.reset, code, 'expired');
  delete user.reset;
  setPassword(ctx, user, password);
  recordSuccess(user);
  ctx.save();
  return {};
}

export async function changePassword(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  const { user } = await checkAccessToken(ctx, requiredString(p, 'AccessToken'));
  const previous = passwordParam(p, 'PreviousPassword');
  const proposed = passwordParam(p, 'ProposedPassword');
  assertNotLocked(user, ctx.now());
  if (!passwordMatches(ctx.poolName, user.username, previous, user.password)) {
    const err = recordFailure(user, ctx.now());
    ctx.save();
    throw err;
  }
  checkPasswordPolicy(proposed);
  setPassword(ctx, user, proposed);
  recordSuccess(user);
  ctx.save();
  return {};
}

export async function getUser(ctx: PoolContext, input: unknown): Promise<object> {
  const { user } = await checkAccessToken(ctx, requiredString(asParams(input), 'AccessToken'));
  return { Username: user.username, UserAttributes: attributesOf(user), ...mfaFields(user) };
}
