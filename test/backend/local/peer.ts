/** The official SDK v3 clients and the three SigV4 signers as the peer of a running local stack. */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { RunningStack } from '../../../backend/local';
import type { Signer, SigningCredentials } from '../sigv4/signers';

export interface Caller {
  identityId: string;
  credentials: SigningCredentials & { expiration: Date };
}

export function clients(stack: RunningStack) {
  const { config } = stack;
  return {
    idp: new CognitoIdentityProviderClient({
      region: config.region,
      endpoint: config.cognitoIdpEndpoint,
    }),
    identity: new CognitoIdentityClient({
      region: config.region,
      endpoint: config.cognitoIdentityEndpoint,
    }),
  };
}

/** USER_PASSWORD_AUTH, then GetId and GetCredentialsForIdentity: the chain the extension runs. */
export async function signInAndGetCredentials(
  stack: RunningStack,
  email: string,
  password: string,
): Promise<Caller> {
  const { config } = stack;
  const { idp, identity } = clients(stack);
  try {
    const auth = await idp.send(
      new InitiateAuthCommand({
        ClientId: config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const idToken = auth.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error('no ID token');
    const logins = { [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]: idToken };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins: logins }),
    );
    if (!IdentityId) throw new Error('no identity');
    const { Credentials: c } = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration)
      throw new Error('no credentials');
    return {
      identityId: IdentityId,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      },
    };
  } finally {
    idp.destroy();
    identity.destroy();
  }
}

export interface SignedCall {
  signer: Signer;
  credentials: SigningCredentials;
  query: string;
  variables?: Record<string, unknown>;
  date?: Date;
  /** Changes what is sent after signing: the tampering under test. */
  tamper?: (req: { url: string; headers: Record<string, string>; body: string }) => void;
}

export interface Reply {
  status: number;
  errorType: string | null;
  headers: Headers;
  json: unknown;
}

export async function signedGraphql(stack: RunningStack, call: SignedCall): Promise<Reply> {
  const body = JSON.stringify({ query: call.query, variables: call.variables ?? {} });
  const url = stack.config.graphqlUrl;
  const signed = await call.signer({
    url,
    body,
    credentials: call.credentials,
    region: stack.config.region,
    date: call.date,
  });
  // fetch sets Host and Content-Length itself, to the values that were signed.
  const headers = Object.fromEntries(
    Object.entries(signed).filter(([n]) => !['host', 'content-length'].includes(n.toLowerCase())),
  );
  const req = { url, headers, body };
  call.tamper?.(req);
  const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body });
  return {
    status: res.status,
    errorType: res.headers.get('x-amzn-errortype'),
    headers: res.headers,
    json: await res.json(),
  };
}

export const CREATE =
  'mutation Create($content: String!) { createEntry(content: $content) { id content } }';
export const RECENT = 'query Recent { recentEntries(limit: 50) { items { id content } } }';
