import { createHmac, randomBytes } from 'node:crypto';
import { AwsError } from '../awsError';
import { N, padHex, serverEphemeral, type ServerEphemeral } from './srp';
import type { PoolContext } from './userPoolContext';

// A is g^a mod N: at most as many hex digits as N (768). Leading zeros are tolerated up to a
// limit, so a million-digit A is refused before any arithmetic, and it is never kept.
const MAX_A_HEX = 1024;
const N_HEX_DIGITS = N.toString(16).length;

/** SRP_A as sent with USER_SRP_AUTH: hex, of the group's size, and not a multiple of N (RFC 5054 2.5.4). */
export function checkSrpA(aHex: string): string {
  const bad = (why: string): AwsError =>
    new AwsError('InvalidParameterException', `Invalid SRP_A: ${why}`);
  if (aHex.length > MAX_A_HEX || !/^[0-9a-f]+$/i.test(aHex))
    throw bad('not a hex number of the SRP group');
  if (aHex.replace(/^0+/, '').length > N_HEX_DIGITS) throw bad('larger than the SRP group');
  if (BigInt(`0x${aHex}`) % N === 0n) throw bad('SRP_A mod N must not be 0');
  return aHex;
}

/**
 * PreventUserExistenceErrors with USER_SRP_AUTH: an unknown name gets a challenge that looks like a
 * real one. As Cognito documents, the salt and the internal user id are the same every time for the
 * same name in the same pool (derived here from the pool's private key), B is fresh.
 */
export function simulatedChallenge(
  ctx: PoolContext,
  name: string,
): { salt: string; userId: string; eph: ServerEphemeral } {
  const secret = String(ctx.state.key.privateJwk.d ?? ctx.state.key.kid);
  const digest = createHmac('sha256', secret)
    .update(`srp-simulated:${name.toLowerCase()}`)
    .digest();
  const salt = padHex(BigInt(`0x${digest.subarray(0, 16).toString('hex')}`));
  const h = digest.subarray(16, 32).toString('hex');
  const userId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.charAt(16), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  // Any verifier will do (nobody can answer the challenge); a random one costs what a real B costs.
  const verifier = (BigInt(`0x${randomBytes(384).toString('hex')}`) % N).toString(16);
  const eph = serverEphemeral(verifier);
  return { salt, userId, eph };
}
