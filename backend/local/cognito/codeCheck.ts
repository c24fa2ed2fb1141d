import { AwsError } from '../awsError';
import {
  UnknownNameGuards,
  assertCodesAllowed,
  recordWrongCode,
  type CodeGuard,
} from './codeAttempts';
import type { PoolContext } from './userPoolContext';
import type { PendingCode, UserRecord } from './userState';

const mismatch = (): AwsError =>
  new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.');
const expired = (): AwsError =>
  new AwsError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

const unknownGuards = new WeakMap<PoolContext, UnknownNameGuards>();
function guardsOf(ctx: PoolContext): UnknownNameGuards {
  let guards = unknownGuards.get(ctx);
  if (!guards) unknownGuards.set(ctx, (guards = new UnknownNameGuards()));
  return guards;
}

/**
 * A confirmation or reset code for `name` (PreventUserExistenceErrors: an unknown name is answered as
 * a wrong code). Wrong codes count towards the limit; while it holds, every code is refused.
 * Returns normally only when `given` is the user's live code; the caller then consumes it.
 */
export function checkCode(
  ctx: PoolContext,
  name: string,
  user: UserRecord | undefined,
  pending: (u: UserRecord) => PendingCode | undefined,
  given: string,
  noCode: 'expired' | 'mismatch',
): asserts user is UserRecord {
  const now = ctx.now();
  const guard: CodeGuard | undefined = user ? user.codeGuard : guardsOf(ctx).get(name);
  assertCodesAllowed(guard, now);
  const code = user ? pending(user) : undefined;
  if (user && !code && noCode === 'expired') throw expired();
  if (!user || !code || code.code !== given) {
    const next = recordWrongCode(guard, now);
    if (user) {
      user.codeGuard = next;
      ctx.save();
    } else guardsOf(ctx).set(name, next);
    throw mismatch();
  }
  if (code.expiresAt <= now) throw expired();
  delete user.codeGuard;
}
