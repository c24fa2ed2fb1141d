import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { RunningStack } from '../../backend/local';
import {
  signInAndGetCredentials,
  signedGraphql as signedCall,
} from '../../test/backend/local/peer';
import { signWithAws4, type SigningCredentials } from '../../test/backend/sigv4/signers';

/** Signs in through the official SDK clients (creating the user first when asked) and returns the Identity Pool's credentials. */
export async function credentialsFor(
  stack: RunningStack,
  email: string,
  password: string,
  create = false,
): Promise<SigningCredentials> {
  if (create) {
    const { config } = stack;
    // Admin calls are signed; the local stack checks no IAM on them, but the SDK wants a key to sign with.
    const idp = new CognitoIdentityProviderClient({
      region: config.region,
      endpoint: config.cognitoIdpEndpoint,
      credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    });
    const UserPoolId = config.userPoolId;
    try {
      await idp.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      await idp.send(
        new AdminSetUserPasswordCommand({
          UserPoolId,
          Username: email,
          Password: password,
          Permanent: true,
        }),
      );
    } finally {
      idp.destroy();
    }
  }
  return (await signInAndGetCredentials(stack, email, password)).credentials;
}

/** One GraphQL request signed with aws4 and sent by Node's fetch: the baseline with no extension in between. */
export async function signedGraphql(
  stack: RunningStack,
  credentials: SigningCredentials,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const reply = await signedCall(stack, { signer: signWithAws4, credentials, query, variables });
  if (reply.status !== 200 || (reply.json as { errors?: unknown }).errors)
    throw new Error(`GraphQL ${reply.status}: ${JSON.stringify(reply.json).slice(0, 200)}`);
  return reply.json;
}
