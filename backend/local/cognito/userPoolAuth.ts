import { randomBytes } from 'node:crypto';
import { AwsError } from '../awsError';
import { assertNotLocked, recordFailure, recordSuccess } from './lockout';
import { owesSecondFactor, respondToMfaChallenge, secondFactorChallenge } from './mfa';
import { asParams, missing, requiredString, stringMap, type Params } from './params';
import { checkPassword } from './inputLimits';
import { checkPasswordPolicy } from './passwordPolicy';
import { claimSignatureValid, passwordMatches, serverEphemeral, sessionKey } from './srp';
import { checkSrpA, simulatedChallenge } from './srpInput';
import { mintTokens, sessionOfRefreshToken, startSession } from './tokens';
import {
  CHALLENGE_TTL_MS,
  checkClient,
  requireUser,
  setPassword,
  type PoolContext,
} from './userPoolContext';
import { findUser, type UserRecord } from './userState';

const expiredSession = (): AwsError =>
  new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
// PreventUserExistenceErrors: an unknown name fails as a wrong password does.
const incorrect = (): AwsError =>
  new AwsError('NotAuthorizedException', 'Incorrect username or password.');
// SRP challenges waiting for an answer are few in real use; the cap bounds what callers can pile up.
const MAX_PENDING_SRP = 5_000;

export async function initiateAuth(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  checkClient(ctx, p);
  const flow = requiredString(p, 'AuthFlow');
  const auth = stringMap(p, 'AuthParameters');
  const param = (name: string): string => {
    const v = auth[name];
    if (!v) throw missing(name);
    return v;
  };
  switch (flow) {
    case 'USER_SRP_AUTH': {
      const name = param('USERNAME');
      return srpStart(ctx, name, findUser(ctx.state, name), checkSrpA(param('SRP_A')));
    }
    case 'USER_PASSWORD_AUTH': {
      const user = findUser(ctx.state, param('USERNAME'));
      const password = param('PASSWORD');
      if (!user) throw incorrect();
      assertNotLocked(user, ctx.now());
      if (!passwordMatches(ctx.poolName, user.username, password, user.password))
        throw failed(ctx, user);
      return passwordAccepted(ctx, user);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const session = sessionOfRefreshToken(ctx, param('REFRESH_TOKEN'));
      if (session?.revoked)
        throw new AwsError('NotAuthorizedException', 'Refresh Token has been revoked');
      const user =
        session && session.expiresAt > ctx.now() ? ctx.state.users[session.username] : undefined;
      if (!session || !user) throw new AwsError('NotAuthorizedException', 'Invalid Refresh Token');
      // Rotation is off, as the browser library needs: the caller keeps its refresh token.
      return {
        ChallengeParameters: {},
        AuthenticationResult: await mintTokens(ctx, user, session),
      };
    }
    default:
      throw new AwsError('InvalidParameterException', `Initiate Auth method not supported.`);
  }
}

function srpStart(
  ctx: PoolContext,
  name: string,
  user: UserRecord | undefined,
  aHex: string,
): object {
  const now = ctx.now();
  for (const [block, pending] of ctx.srp) if (pending.expiresAt <= now) ctx.srp.delete(block);
  while (ctx.srp.size >= MAX_PENDING_SRP) {
    const oldest = ctx.srp.keys().next();
    if (oldest.done) break;
    ctx.srp.delete(oldest.value);
  }
  const fake = user ? undefined : simulatedChallenge(ctx, name);
  const eph = fake ? fake.eph : serverEphemeral(user?.password.verifier ?? '');
  const userId = fake ? fake.userId : (user?.username ?? '');
  const secretBlock = randomBytes(512).toString('base64');
  ctx.srp.set(secretBlock, {
    username: user ? user.username : null,
    aHex,
    eph,
    expiresAt: now + CHALLENGE_TTL_MS,
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: fake ? fake.salt : (user?.password.salt ?? ''),
      SECRET_BLOCK: secretBlock,
      SRP_B: eph.B.toString(16),
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
  };
}

export async function respondToAuthChallenge(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  checkClient(ctx, p);
  const name = requiredString(p, 'ChallengeName');
  const answers = stringMap(p, 'ChallengeResponses');
  if (name === 'PASSWORD_VERIFIER') return passwordVerifier(ctx, answers);
  if (name === 'NEW_PASSWORD_REQUIRED') return newPassword(ctx, p, answers);
  if (name === 'SOFTWARE_TOKEN_MFA' || name === 'MFA_SETUP')
    return respondToMfaChallenge(ctx, name, p, answers);
  throw new AwsError('InvalidParameterException', `Invalid challenge name ${name}`);
}

async function passwordVerifier(ctx: PoolContext, a: Record<string, string>): Promise<object> {
  for (const field of [
    'USERNAME',
    'PASSWORD_CLAIM_SECRET_BLOCK',
    'PASSWORD_CLAIM_SIGNATURE',
    'TIMESTAMP',
  ]) {
    if (!a[field]) throw missing(field);
  }
  const block = a.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
  const pending = ctx.srp.get(block);
  ctx.srp.delete(block); // one answer per challenge
  if (!pending || pending.expiresAt <= ctx.now()) throw expiredSession();
  const user = pending.username === null ? undefined : ctx.state.users[pending.username];
  if (!user || findUser(ctx.state, a.USERNAME ?? '')?.username !== user.username) throw incorrect();
  assertNotLocked(user, ctx.now());
  const key = sessionKey(pending.aHex, pending.eph, user.password.verifier);
  const ok =
    key !== undefined &&
    claimSignatureValid(
      key,
      ctx.poolName,
      a.USERNAME ?? '',
      block,
      a.TIMESTAMP ?? '',
      a.PASSWORD_CLAIM_SIGNATURE ?? '',
    );
  if (!ok) throw failed(ctx, user);
  return passwordAccepted(ctx, user);
}

function failed(ctx: PoolContext, user: UserRecord): AwsError {
  const err = recordFailure(user, ctx.now());
  ctx.save();
  return err;
}

/** The password was right: what comes next depends on the account's state. */
async function passwordAccepted(ctx: PoolContext, user: UserRecord): Promise<object> {
  if (!owesSecondFactor(ctx, user)) recordSuccess(user);
  ctx.save();
  if (user.status === 'UNCONFIRMED')
    throw new AwsError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.tempPasswordExpiresAt !== undefined && user.tempPasswordExpiresAt <= ctx.now()) {
      throw new AwsError(
        'NotAuthorizedException',
        'Temporary password has expired and must be reset by an administrator.',
      );
    }
    const session = randomBytes(96).toString('base64url');
    ctx.challenges.set(session, {
      username: user.username,
      expiresAt: ctx.now() + CHALLENGE_TTL_MS,
    });
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify({
          email_verified: String(user.emailVerified),
          email: user.email,
        }),
      },
    };
  }
  return (
    secondFactorChallenge(ctx, user) ?? {
      ChallengeParameters: {},
      AuthenticationResult: await startSession(ctx, user),
    }
  );
}

async function newPassword(
  ctx: PoolContext,
  p: Params,
  a: Record<string, string>,
): Promise<object> {
  const sessionId = requiredString(p, 'Session');
  const pending = ctx.challenges.get(sessionId);
  if (!pending || pending.expiresAt <= ctx.now()) throw expiredSession();
  const password = a.NEW_PASSWORD;
  if (!password) throw missing('NEW_PASSWORD');
  const user = requireUser(ctx, pending.username);
  checkPassword(password, 'NEW_PASSWORD');
  checkPasswordPolicy(password);
  ctx.challenges.delete(sessionId);
  setPassword(ctx, user, password);
  user.status = 'CONFIRMED';
  delete user.tempPasswordExpiresAt;
  ctx.save();
  return (
    secondFactorChallenge(ctx, user) ?? {
      ChallengeParameters: {},
      AuthenticationResult: await startSession(ctx, user),
    }
  );
}
