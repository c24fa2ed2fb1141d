import { asParams, requiredString } from './params';
import { checkAccessToken, sessionOfRefreshToken } from './tokens';
import { checkClient, type PoolContext } from './userPoolContext';

export async function globalSignOut(ctx: PoolContext, input: unknown): Promise<object> {
  const { user } = await checkAccessToken(ctx, requiredString(asParams(input), 'AccessToken'));
  for (const s of Object.values(ctx.state.sessions))
    if (s.username === user.username) s.revoked = true;
  ctx.save();
  return {};
}

export function revokeToken(ctx: PoolContext, input: unknown): object {
  const p = asParams(input);
  checkClient(ctx, p);
  const session = sessionOfRefreshToken(ctx, requiredString(p, 'Token'));
  // Like OAuth revocation (RFC 7009): an unknown token is not an error.
  if (session) {
    session.revoked = true;
    ctx.save();
  }
  return {};
}
