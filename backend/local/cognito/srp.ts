import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// Cognito's SRP variant, byte for byte as amazon-cognito-identity-js's AuthenticationHelper computes it:
// the 3072-bit group of RFC 5054, g = 2, hex strings padded like Java's BigInteger.toByteArray().
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Even-length hex with a leading 00 when the top bit is set (non-negative values only occur here). */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');
const hexHash = (hex: string): string => sha256Hex(Buffer.from(hex, 'hex'));
const toBig = (hex: string): bigint => BigInt(`0x${hex}`);

export const k = toBig(hexHash(padHex(N) + padHex(g)));

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function privateX(poolName: string, username: string, password: string, saltHex: string): bigint {
  const userHash = sha256Hex(`${poolName}${username}:${password}`);
  return toBig(hexHash(padHex(toBig(saltHex)) + userHash));
}

export interface PasswordVerifier {
  salt: string; // hex
  verifier: string; // hex of g^x mod N
}

/** What is stored instead of a password. The password itself goes no further than this function. */
export function makeVerifier(
  poolName: string,
  username: string,
  password: string,
): PasswordVerifier {
  const salt = padHex(toBig(randomBytes(16).toString('hex')));
  const x = privateX(poolName, username, password, salt);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

export function passwordMatches(
  poolName: string,
  username: string,
  password: string,
  stored: PasswordVerifier,
): boolean {
  const x = privateX(poolName, username, password, stored.salt);
  return modPow(g, x, N) === toBig(stored.verifier);
}

export interface ServerEphemeral {
  b: bigint;
  B: bigint;
}

export function serverEphemeral(verifierHex: string): ServerEphemeral {
  const v = toBig(verifierHex);
  for (;;) {
    const b = toBig(randomBytes(32).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** The 16-byte key both sides derive; undefined when A is unusable (A mod N = 0 or u = 0). */
export function sessionKey(
  aHex: string,
  eph: ServerEphemeral,
  verifierHex: string,
): Buffer | undefined {
  if (!/^[0-9a-f]+$/i.test(aHex)) return undefined;
  const A = toBig(aHex);
  if (A % N === 0n) return undefined;
  const u = toBig(hexHash(padHex(A) + padHex(eph.B)));
  if (u === 0n) return undefined;
  const S = modPow(A * modPow(toBig(verifierHex), u, N), eph.b, N);
  const key = hkdfSync(
    'sha256',
    Buffer.from(padHex(S), 'hex'),
    Buffer.from(padHex(u), 'hex'),
    Buffer.from('Caldera Derived Key', 'utf8'),
    16,
  );
  return Buffer.from(key);
}

/** PASSWORD_CLAIM_SIGNATURE = HMAC(key, poolName | username | secretBlock | timestamp), base64. */
export function claimSignatureValid(
  key: Buffer,
  poolName: string,
  username: string,
  secretBlockB64: string,
  timestamp: string,
  signatureB64: string,
): boolean {
  const expected = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(poolName),
        Buffer.from(username),
        Buffer.from(secretBlockB64, 'base64'),
        Buffer.from(timestamp),
      ]),
    )
    .digest();
  const given = Buffer.from(signatureB64, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
