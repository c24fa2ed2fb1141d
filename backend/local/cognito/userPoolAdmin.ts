import { randomBytes } from 'node:crypto';
import { AwsError } from '../awsError';
import { recordSuccess } from './lockout';
import { asParams, attributeList, optionalString, requiredString } from './params';
import { checkPassword, passwordParam, usernameParam } from './inputLimits';
import { checkPasswordPolicy } from './passwordPolicy';
import { attributesOf, newUser } from './userPoolAccount';
import {
  TEMP_PASSWORD_TTL_MS,
  checkPoolId,
  requireUser,
  setPassword,
  type PoolContext,
} from './userPoolContext';
import { findUser, type UserRecord } from './userState';

// Admin operations are for seeding: like the real ones they name the pool, not an app client.
// (The real ones also need IAM credentials; the local stack does not check those.)

function userType(user: UserRecord): object {
  return {
    Username: user.username,
    Attributes: attributesOf(user),
    UserCreateDate: user.createdAt / 1000,
    UserLastModifiedDate: user.modifiedAt / 1000,
    Enabled: true,
    UserStatus: user.status,
  };
}

export function adminCreateUser(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkPoolId(ctx, p);
  const email = usernameParam(p);
  if (findUser(ctx.state, email))
    throw new AwsError('UsernameExistsException', 'User account already exists');
  // Without a temporary password Cognito makes one and e-mails it; here nobody learns it
  // (passwords are never logged), so AdminSetUserPassword has to follow.
  const given = optionalString(p, 'TemporaryPassword');
  const temporary =
    given === undefined
      ? `Aa1!${randomBytes(18).toString('base64url')}`
      : checkPassword(given, 'TemporaryPassword');
  const user = newUser(ctx, email, temporary);
  user.status = 'FORCE_CHANGE_PASSWORD';
  user.tempPasswordExpiresAt = ctx.now() + TEMP_PASSWORD_TTL_MS;
  user.emailVerified = attributeList(p, 'UserAttributes').email_verified === 'true';
  ctx.state.users[user.username] = user;
  ctx.save();
  return { User: userType(user) };
}

export function adminSetUserPassword(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkPoolId(ctx, p);
  const user = requireUser(ctx, usernameParam(p));
  const password = passwordParam(p, 'Password');
  checkPasswordPolicy(password);
  setPassword(ctx, user, password);
  if (p.Permanent === true) {
    user.status = 'CONFIRMED';
    delete user.tempPasswordExpiresAt;
  } else {
    user.status = 'FORCE_CHANGE_PASSWORD';
    user.tempPasswordExpiresAt = ctx.now() + TEMP_PASSWORD_TTL_MS;
  }
  recordSuccess(user);
  ctx.save();
  return {};
}

export function adminConfirmSignUp(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkPoolId(ctx, p);
  const user = requireUser(ctx, requiredString(p, 'Username'));
  if (user.status !== 'UNCONFIRMED') {
    throw new AwsError(
      'NotAuthorizedException',
      `User cannot be confirmed. Current status is ${user.status}`,
    );
  }
  user.status = 'CONFIRMED';
  delete user.confirmation;
  user.modifiedAt = ctx.now();
  ctx.save();
  return {};
}

export function adminDeleteUser(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkPoolId(ctx, p);
  const user = requireUser(ctx, requiredString(p, 'Username'));
  delete ctx.state.users[user.username];
  for (const [id, s] of Object.entries(ctx.state.sessions))
    if (s.username === user.username) delete ctx.state.sessions[id];
  ctx.save();
  return {};
}
