import type { BackendConfig } from '../../shared/config';
import type { Clock } from '../../shared/clock';
import { cognitoError, exceptionName } from '../auth/cognitoErrors';
import { idClaims, tokenId } from '../auth/jwt';
import type { Session } from '../auth/session';
import { dedupe } from '../dedupe';
import { isDue } from '../renewal';
import type { IdentityPoolClient } from './identityPool';
import { credentialsKey, identityKey, type StoredCredentials } from './keys';

export interface CredentialsDeps {
  clock: Clock;
  identityPool: (config: BackendConfig) => IdentityPoolClient;
}

/**
 * Identity Pool credentials for the signed-in person: cached in storage.session, tied to the ID
 * token they were issued for, renewed ahead of `Expiration`, one renewal at a time.
 */
export function createCredentials(session: Session, deps: CredentialsDeps) {
  async function identityId(config: BackendConfig, sub: string, idToken: string) {
    const known = await identityKey.get();
    if (known && known.sub === sub && known.identityPoolId === config.identityPoolId)
      return known.identityId;
    const id = await deps.identityPool(config).getId(idToken);
    await identityKey.set({ identityPoolId: config.identityPoolId, sub, identityId: id });
    return id;
  }

  const renewOnce = dedupe(async (): Promise<StoredCredentials> => {
    const config = await session.configured();
    const tokens = await session.tokens();
    const claims = idClaims(tokens.idToken);
    const receivedAt = deps.clock();
    try {
      const id = await identityId(config, claims.sub, tokens.idToken);
      const issued = await deps.identityPool(config).getCredentials(id, tokens.idToken);
      const stored: StoredCredentials = {
        accessKeyId: issued.accessKeyId,
        secretAccessKey: issued.secretKey,
        sessionToken: issued.sessionToken,
        receivedAt,
        // Expiration is the server's clock; the token's drift puts it on ours.
        expiresAt: (issued.expiration + tokens.clockDriftS) * 1000,
        tokenId: tokenId(claims),
        identityId: issued.identityId,
      };
      await credentialsKey.set(stored);
      return stored;
    } catch (err) {
      // A forgotten identity (pool reset) is looked up afresh next time.
      if (
        exceptionName(err) === 'ResourceNotFoundException' &&
        /Identity '/.test(String((err as Error).message))
      )
        await identityKey.clear();
      throw cognitoError(err);
    }
  });

  /** Credentials valid for a while yet, for the current ID token. */
  async function get(): Promise<StoredCredentials> {
    const tokens = await session.tokens();
    const cached = await credentialsKey.get();
    if (
      cached &&
      cached.tokenId === tokenId(idClaims(tokens.idToken)) &&
      !isDue(deps.clock(), cached.receivedAt, cached.expiresAt)
    )
      return cached;
    return renewOnce();
  }

  /** The API refused `rejected` (expired, unknown): renew, unless someone already has. */
  async function renew(rejected: StoredCredentials): Promise<StoredCredentials> {
    const cached = await credentialsKey.get();
    if (cached && cached.accessKeyId !== rejected.accessKeyId) return cached;
    return renewOnce();
  }

  return { get, renew };
}

export type Credentials = ReturnType<typeof createCredentials>;
