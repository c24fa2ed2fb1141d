import { randomUUID } from 'node:crypto';
import { SignJWT, compactVerify, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The RS256 key pair as kept on disk. */
export interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface SigningKey {
  stored: StoredKey;
  sign(claims: Record<string, unknown>): Promise<string>;
  /** The payload when the signature is ours, otherwise undefined. */
  verify(token: string): Promise<Record<string, unknown> | undefined>;
}

export async function newStoredKey(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

export async function loadSigningKey(stored: StoredKey): Promise<SigningKey> {
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  const publicKey = await importJWK(stored.publicJwk, 'RS256');
  return {
    stored,
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: stored.kid }).sign(privateKey),
    async verify(token) {
      try {
        const { payload, protectedHeader } = await compactVerify(token, publicKey, {
          algorithms: ['RS256'],
        });
        if (protectedHeader.kid !== stored.kid) return undefined;
        const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
        return claims && typeof claims === 'object'
          ? (claims as Record<string, unknown>)
          : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function publicJwks(stored: StoredKey): { keys: object[] } {
  return { keys: [{ ...stored.publicJwk, alg: 'RS256', kid: stored.kid, use: 'sig' }] };
}
