import { AwsError } from '../awsError';
import { assertNotLocked, recordFailure, recordSuccess } from './lockout';
import {
  expiredSession,
  openSession,
  closeSession,
  rotateSession,
  useSession,
} from './mfaSessions';
import { asParams, missing, optionalString, requiredString, type Params } from './params';
import { checkTotp, newTotpSecret, type TotpState } from './totp';
import { startSession, checkAccessToken, type AuthenticationResult } from './tokens';
import { checkPoolId, requireUser, type PoolContext } from './userPoolContext';
import type { UserRecord } from './userState';

// TOTP ("software token") MFA as Cognito does it: AssociateSoftwareToken hands out a secret,
// VerifySoftwareToken proves the app has it, SetUserMFAPreference turns it on, and from then on a
// sign-in answers SOFTWARE_TOKEN_MFA after its password. A pool that requires MFA sends a user
// without it through MFA_SETUP instead (associate and verify by challenge Session, then answer).

export type MfaMode = 'optional' | 'required';

function totpOf(user: UserRecord): TotpState {
  user.totp ??= { enabled: false, lastStep: 0 };
  return user.totp;
}

/** GetUser's MFA fields: present only when a factor is on, as Cognito leaves them out otherwise. */
export function mfaFields(user: UserRecord): object {
  if (!user.totp?.enabled) return {};
  return { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' };
}

/** The user behind an AccessToken or an MFA_SETUP Session (exactly one of them). */
async function caller(
  ctx: PoolContext,
  p: Params,
): Promise<{ user: UserRecord; sessionId?: string }> {
  const accessToken = optionalString(p, 'AccessToken');
  const sessionId = optionalString(p, 'Session');
  if (accessToken && sessionId)
    throw new AwsError('InvalidParameterException', 'Specify either AccessToken or Session.');
  if (accessToken) return { user: (await checkAccessToken(ctx, accessToken)).user };
  if (!sessionId) throw missing('AccessToken or Session');
  const s = useSession(ctx, sessionId, 'MFA_SETUP');
  return { user: requireUser(ctx, s.username), sessionId };
}

export async function associateSoftwareToken(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  const { user, sessionId } = await caller(ctx, p);
  const secret = newTotpSecret();
  totpOf(user).pending = secret;
  user.modifiedAt = ctx.now();
  ctx.save();
  if (!sessionId) return { SecretCode: secret };
  const s = useSession(ctx, sessionId, 'MFA_SETUP');
  return { SecretCode: secret, Session: rotateSession(ctx, sessionId, { ...s, verified: false }) };
}

/** Why a code was refused, counted toward the lock-out as a wrong password is. */
function refuseCode(
  ctx: PoolContext,
  user: UserRecord,
  reason: 'wrong' | 'reused',
  wrong: AwsError,
): AwsError {
  recordFailure(user, ctx.now());
  ctx.save();
  if (reason === 'reused')
    return new AwsError('ExpiredCodeException', 'Your software token has already been used once.');
  return wrong;
}

export async function verifySoftwareToken(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  const code = requiredString(p, 'UserCode');
  if (!/^[0-9]{6}$/.test(code)) {
    throw new AwsError(
      'InvalidParameterException',
      "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+ and length 6",
    );
  }
  const { user, sessionId } = await caller(ctx, p);
  assertNotLocked(user, ctx.now());
  const totp = totpOf(user);
  // A pending secret is what is being verified; without one, a code from the secret in use
  // proves the caller still holds the app (the extension asks for one before turning MFA off).
  const secret = totp.pending ?? totp.secret;
  if (!secret) {
    throw new AwsError(
      'InvalidParameterException',
      'User has not associated a software token. Call AssociateSoftwareToken first.',
    );
  }
  const check = checkTotp(secret, code, ctx.now(), totp.pending ? 0 : totp.lastStep);
  if (!check.ok) {
    throw refuseCode(
      ctx,
      user,
      check.reason,
      new AwsError(
        'EnableSoftwareTokenMFAException',
        'Code mismatch and fail enable Software Token MFA',
      ),
    );
  }
  if (totp.pending) {
    totp.secret = totp.pending;
    delete totp.pending;
    const name = optionalString(p, 'FriendlyDeviceName');
    if (name) totp.friendlyName = name.slice(0, 131);
  }
  totp.lastStep = check.step;
  user.modifiedAt = ctx.now();
  ctx.save();
  if (!sessionId) return { Status: 'SUCCESS' };
  const s = useSession(ctx, sessionId, 'MFA_SETUP');
  return { Status: 'SUCCESS', Session: rotateSession(ctx, sessionId, { ...s, verified: true }) };
}

interface MfaSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

function setPreference(ctx: PoolContext, user: UserRecord, p: Params): void {
  for (const other of ['SMSMfaSettings', 'EmailMfaSettings']) {
    if ((asParams(p[other]) as MfaSettings).Enabled === true) {
      throw new AwsError(
        'InvalidParameterException',
        'This user pool offers only software token (authenticator app) MFA.',
      );
    }
  }
  const settings = asParams(p.SoftwareTokenMfaSettings) as MfaSettings;
  if (settings.Enabled === undefined && settings.PreferredMfa === undefined) return;
  const totp = totpOf(user);
  const enable = settings.Enabled ?? settings.PreferredMfa === true;
  if (enable && !totp.secret) {
    throw new AwsError('InvalidParameterException', 'User has not verified software token mfa');
  }
  totp.enabled = enable;
  user.modifiedAt = ctx.now();
  ctx.save();
}

export async function setUserMFAPreference(ctx: PoolContext, input: unknown): Promise<object> {
  const p = asParams(input);
  const { user } = await checkAccessToken(ctx, requiredString(p, 'AccessToken'));
  setPreference(ctx, user, p);
  return {};
}

export function adminSetUserMFAPreference(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkPoolId(ctx, p);
  setPreference(ctx, requireUser(ctx, requiredString(p, 'Username')), p);
  return {};
}

/**
 * After a right password: the second-factor challenge this user owes, or undefined when the
 * tokens can be issued now. Until that challenge is answered the password's success is not
 * recorded, so typing the password again does not reset the count of wrong codes.
 */
export function secondFactorChallenge(ctx: PoolContext, user: UserRecord): object | undefined {
  if (user.totp?.enabled && user.totp.secret) {
    const session = openSession(ctx, {
      challenge: 'SOFTWARE_TOKEN_MFA',
      username: user.username,
      verified: false,
    });
    return {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        ...(user.totp.friendlyName ? { FRIENDLY_DEVICE_NAME: user.totp.friendlyName } : {}),
      },
    };
  }
  if (ctx.opts.mfa === 'required') {
    const session = openSession(ctx, {
      challenge: 'MFA_SETUP',
      username: user.username,
      verified: false,
    });
    return {
      ChallengeName: 'MFA_SETUP',
      Session: session,
      ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    };
  }
  return undefined;
}

export function owesSecondFactor(ctx: PoolContext, user: UserRecord): boolean {
  return Boolean(user.totp?.enabled && user.totp.secret) || ctx.opts.mfa === 'required';
}

function checkUsername(user: UserRecord, a: Record<string, string>): void {
  const name = a.USERNAME;
  if (!name) throw missing('USERNAME');
  if (name !== user.username && name.toLowerCase() !== user.email.toLowerCase())
    throw expiredSession();
}

async function signedIn(
  ctx: PoolContext,
  user: UserRecord,
  sessionId: string,
): Promise<{ ChallengeParameters: object; AuthenticationResult: AuthenticationResult }> {
  closeSession(ctx, sessionId);
  recordSuccess(user);
  ctx.save();
  return { ChallengeParameters: {}, AuthenticationResult: await startSession(ctx, user) };
}

/** RespondToAuthChallenge for SOFTWARE_TOKEN_MFA and MFA_SETUP. */
export async function respondToMfaChallenge(
  ctx: PoolContext,
  name: 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP',
  p: Params,
  a: Record<string, string>,
): Promise<object> {
  const sessionId = requiredString(p, 'Session');
  const s = useSession(ctx, sessionId, name);
  const user = requireUser(ctx, s.username);
  checkUsername(user, a);
  if (name === 'MFA_SETUP') {
    if (!s.verified || !user.totp?.secret) {
      throw new AwsError(
        'InvalidParameterException',
        'Software token MFA has not been verified: call VerifySoftwareToken first.',
      );
    }
    user.totp.enabled = true; // setting it up during sign-in turns it on, as in Cognito
    return signedIn(ctx, user, sessionId);
  }
  const code = a.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw missing('SOFTWARE_TOKEN_MFA_CODE');
  assertNotLocked(user, ctx.now());
  const totp = totpOf(user);
  const check = totp.secret
    ? checkTotp(totp.secret, code, ctx.now(), totp.lastStep)
    : ({ ok: false, reason: 'wrong' } as const);
  if (!check.ok) {
    throw refuseCode(
      ctx,
      user,
      check.reason,
      new AwsError('CodeMismatchException', 'Invalid code received for user'),
    );
  }
  totp.lastStep = check.step;
  return signedIn(ctx, user, sessionId);
}
