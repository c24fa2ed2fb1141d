import { awsErrorOf } from './awsError';
import { cognitoIdentityEndpoint, loginsKey, type BackendConfig } from '../../shared/config';

/** Temporary AWS credentials as GetCredentialsForIdentity returns them (`Expiration` in epoch s). */
export interface PoolCredentials {
  identityId: string;
  accessKeyId: string;
  secretKey: string;
  sessionToken: string;
  expiration: number;
}

/** An AWS JSON error: `code` is the exception name, as amazon-cognito-identity-js reports them. */
export class AwsJsonError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The Identity Pool over plain fetch (awsJson1_1): two operations do not justify an AWS SDK in the
 * worker. A fetch TypeError is left as it is: callers treat it as "offline".
 */
export function identityPool(config: BackendConfig, fetcher: typeof fetch = (...a) => fetch(...a)) {
  async function call(operation: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetcher(cognitoIdentityEndpoint(config), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return data;
    const { type, message } = awsErrorOf(response.headers, data);
    throw new AwsJsonError(
      type ?? (response.status >= 500 ? 'InternalErrorException' : 'UnknownError'),
      message,
      response.status,
    );
  }

  const logins = (idToken: string) => ({ [loginsKey(config)]: idToken });

  return {
    async getId(idToken: string): Promise<string> {
      const out = await call('GetId', {
        IdentityPoolId: config.identityPoolId,
        Logins: logins(idToken),
      });
      if (typeof out.IdentityId !== 'string')
        throw new AwsJsonError('InvalidResponse', 'GetId returned no IdentityId.', 200);
      return out.IdentityId;
    },
    async getCredentials(identityId: string, idToken: string): Promise<PoolCredentials> {
      const out = await call('GetCredentialsForIdentity', {
        IdentityId: identityId,
        Logins: logins(idToken),
      });
      const c = out.Credentials as Record<string, unknown> | undefined;
      if (
        typeof c?.AccessKeyId !== 'string' ||
        typeof c.SecretKey !== 'string' ||
        typeof c.SessionToken !== 'string' ||
        typeof c.Expiration !== 'number'
      )
        throw new AwsJsonError(
          'InvalidResponse',
          'GetCredentialsForIdentity returned no credentials.',
          200,
        );
      return {
        identityId: typeof out.IdentityId === 'string' ? out.IdentityId : identityId,
        accessKeyId: c.AccessKeyId,
        secretKey: c.SecretKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      };
    },
  };
}

export type IdentityPoolClient = ReturnType<typeof identityPool>;
