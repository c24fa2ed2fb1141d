import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import aws4 from 'aws4';
import { loginsKey } from '../../src/shared/config';
import type { StackHandle } from './stack';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

const dummy = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' };

/** Signs in through the official SDK clients and returns the Identity Pool's temporary credentials. */
export async function credentialsFor(
  stack: StackHandle,
  email: string,
  password: string,
  create = false,
): Promise<Credentials> {
  const { config } = stack;
  const idp = new CognitoIdentityProviderClient({
    region: config.region,
    endpoint: config.cognitoIdpEndpoint,
    credentials: dummy,
  });
  const identity = new CognitoIdentityClient({
    region: config.region,
    endpoint: config.cognitoIdentityEndpoint,
    credentials: dummy,
  });
  try {
    if (create) {
      await idp.send(
        new AdminCreateUserCommand({
          UserPoolId: config.userPoolId,
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
          UserPoolId: config.userPoolId,
          Username: email,
          Password: password,
          Permanent: true,
        }),
      );
    }
    const auth = await idp.send(
      new InitiateAuthCommand({
        ClientId: config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const idToken = auth.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error('no ID token');
    const Logins = { [loginsKey(config)]: idToken };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins }),
    );
    const { Credentials } = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins }),
    );
    return {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
    };
  } finally {
    idp.destroy();
    identity.destroy();
  }
}

/** One GraphQL request signed with aws4 and sent by Node's fetch: the baseline with no extension in between. */
export async function signedGraphql(
  stack: StackHandle,
  creds: Credentials,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const url = new URL(stack.config.graphqlUrl);
  const body = JSON.stringify({ query, variables });
  const signed = aws4.sign(
    {
      host: url.host,
      path: url.pathname,
      method: 'POST',
      service: 'execute-api',
      region: stack.config.region,
      body,
      headers: { 'content-type': 'application/json' },
    },
    creds,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers as Record<string, string>,
    body,
  });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors)
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}
