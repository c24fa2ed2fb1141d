import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AwsError } from '../awsError';
import { REFRESH_TTL_MS, type PoolContext } from './userPoolContext';
import type { SessionRecord, UserRecord } from './userState';

export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  IdToken: string;
  RefreshToken?: string;
  TokenType: 'Bearer';
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A fresh sign-in: a new session (refresh token) and the first ID/access tokens from it. */
export async function startSession(
  ctx: PoolContext,
  user: UserRecord,
): Promise<AuthenticationResult> {
  const originJti = randomUUID();
  // Opaque to clients; the prefix finds the session, the rest is checked against a hash.
  const refreshToken = `${originJti}.${randomBytes(96).toString('base64url')}`;
  const session: SessionRecord = {
    originJti,
    username: user.username,
    refreshHash: sha256(refreshToken),
    authTime: Math.floor(ctx.now() / 1000),
    expiresAt: ctx.now() + REFRESH_TTL_MS,
    revoked: false,
  };
  ctx.state.sessions[originJti] = session;
  ctx.save();
  return { ...(await mintTokens(ctx, user, session)), RefreshToken: refreshToken };
}

export async function mintTokens(
  ctx: PoolContext,
  user: UserRecord,
  session: SessionRecord,
): Promise<AuthenticationResult> {
  const iat = Math.floor(ctx.now() / 1000);
  const exp = iat + ctx.opts.tokenTtlS;
  const iss = ctx.opts.issuer();
  const eventId = randomUUID();
  const common = {
    sub: user.username,
    iss,
    origin_jti: session.originJti,
    event_id: eventId,
    auth_time: session.authTime,
    exp,
    iat,
  };
  const IdToken = await ctx.key.sign({
    ...common,
    email_verified: user.emailVerified,
    'cognito:username': user.username,
    aud: ctx.opts.clientId,
    token_use: 'id',
    jti: randomUUID(),
    email: user.email,
  });
  const AccessToken = await ctx.key.sign({
    ...common,
    client_id: ctx.opts.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    jti: randomUUID(),
    username: user.username,
  });
  return { AccessToken, ExpiresIn: ctx.opts.tokenTtlS, IdToken, TokenType: 'Bearer' };
}

/** The live session a refresh token belongs to, or undefined (unknown, forged, revoked, expired). */
export function sessionOfRefreshToken(ctx: PoolContext, token: string): SessionRecord | undefined {
  const session = ctx.state.sessions[token.split('.')[0] ?? ''];
  if (!session) return undefined;
  const a = Buffer.from(session.refreshHash, 'hex');
  const b = Buffer.from(sha256(token), 'hex');
  if (!timingSafeEqual(a, b)) return undefined;
  return session;
}

/** GetUser, ChangePassword and GlobalSignOut accept an access token only while its session stands. */
export async function checkAccessToken(
  ctx: PoolContext,
  token: string,
): Promise<{ user: UserRecord; session: SessionRecord }> {
  const claims = await ctx.key.verify(token);
  if (!claims || claims.token_use !== 'access' || claims.client_id !== ctx.opts.clientId) {
    throw new AwsError('NotAuthorizedException', 'Invalid Access Token');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= ctx.now()) {
    throw new AwsError('NotAuthorizedException', 'Access Token has expired');
  }
  const session = ctx.state.sessions[String(claims.origin_jti)];
  if (!session || session.revoked)
    throw new AwsError('NotAuthorizedException', 'Access Token has been revoked');
  const user = ctx.state.users[session.username];
  if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
  return { user, session };
}

export interface IdTokenClaims {
  sub: string;
  aud: string;
  iss: string;
  exp: number;
  /** The sign-in (session) the token comes from. */
  originJti: string;
}

/** For the Identity Pool: messages as it words them, since they surface through it. */
export async function verifyIdToken(ctx: PoolContext, token: string): Promise<IdTokenClaims> {
  const bad = (why: string): AwsError =>
    new AwsError('NotAuthorizedException', `Invalid login token. ${why}`);
  const claims = await ctx.key.verify(token);
  if (!claims) throw bad('Not a valid OpenId Connect identity token.');
  const { sub, aud, iss, exp, token_use } = claims;
  if (
    typeof sub !== 'string' ||
    typeof aud !== 'string' ||
    typeof iss !== 'string' ||
    typeof exp !== 'number'
  ) {
    throw bad('Not a valid OpenId Connect identity token.');
  }
  if (iss !== ctx.opts.issuer()) throw bad("Issuer doesn't match providerName");
  if (token_use !== 'id') throw bad('Not a valid OpenId Connect identity token.');
  const nowS = Math.floor(ctx.now() / 1000);
  if (exp <= nowS) throw bad(`Token expired: ${nowS} >= ${exp}`);
  return { sub, aud, iss, exp, originJti: String(claims.origin_jti) };
}

/**
 * ServerSideTokenCheck, as the deployed Identity Pool sets it: the ID token's sign-in must still
 * stand (not signed out globally, not revoked) and its user must still exist.
 */
export function checkIdTokenServerSide(ctx: PoolContext, claims: IdTokenClaims): void {
  const session = ctx.state.sessions[claims.originJti];
  if (
    !session ||
    session.revoked ||
    session.username !== claims.sub ||
    !ctx.state.users[claims.sub]
  )
    throw new AwsError(
      'NotAuthorizedException',
      'Invalid login token. The token has been revoked, or its user signed out or was deleted.',
    );
}
