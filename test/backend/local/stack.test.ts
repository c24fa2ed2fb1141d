import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../../../backend/local';
import { SIGNERS, signWithAws4, signWithAwsSignWeb } from '../sigv4/signers';
import { CREATE, RECENT, signInAndGetCredentials, signedGraphql, type Caller } from './peer';

let stack: RunningStack;
let caller: Caller;
const logs: string[] = [];

beforeAll(async () => {
  stack = await startStack({ port: 0, inMemory: true, log: (line) => logs.push(line) });
  caller = await signInAndGetCredentials(stack, stack.demoUser.email, stack.demoUser.password);
});
afterAll(() => stack.close());

describe('the local stack, with the SDK v3 clients as its peer', () => {
  it.each(SIGNERS)('takes a GraphQL request signed by %s and answers it', async (name, signer) => {
    const content = `written through ${name}`;
    const created = await signedGraphql(stack, {
      signer,
      credentials: caller.credentials,
      query: CREATE,
      variables: { content },
    });
    expect(created.status).toBe(200);
    const entry = (created.json as { data: { createEntry: { id: string; content: string } } }).data
      .createEntry;
    expect(entry.content).toBe(content);

    const recent = await signedGraphql(stack, {
      signer,
      credentials: caller.credentials,
      query: RECENT,
    });
    expect(recent.status).toBe(200);
    const items = (recent.json as { data: { recentEntries: { items: { id: string }[] } } }).data
      .recentEntries.items;
    expect(items.map((i) => i.id)).toContain(entry.id);
  });

  const refusals: [string, Parameters<typeof signedGraphql>[1]['tamper'], string][] = [
    [
      'a changed body',
      (r) => void (r.body = r.body.replace('Recent', 'Other')),
      'InvalidSignatureException',
    ],
    [
      'a changed signed header',
      (r) => void (r.headers['Content-Type'] = 'text/plain'),
      'InvalidSignatureException',
    ],
    ['a changed path', (r) => void (r.url = `${r.url}?page=2`), 'InvalidSignatureException'],
    [
      'another session token',
      (r) => void (r.headers['x-amz-security-token'] = 'forged'),
      'UnrecognizedClientException',
    ],
    [
      'no session token',
      (r) => void delete r.headers['x-amz-security-token'],
      'UnrecognizedClientException',
    ],
    [
      'no signature',
      (r) => void delete r.headers['Authorization'],
      'MissingAuthenticationTokenException',
    ],
  ];
  it.each(refusals)('refuses %s with 403', async (_what, tamper, type) => {
    const reply = await signedGraphql(stack, {
      signer: signWithAwsSignWeb,
      credentials: caller.credentials,
      query: RECENT,
      tamper,
    });
    expect(reply.status).toBe(403);
    expect(reply.errorType).toBe(type);
    expect(reply.json).toEqual({ message: expect.any(String) });
  });

  it('refuses an unknown key and a date 6 minutes off', async () => {
    const unknown = await signedGraphql(stack, {
      signer: signWithAws4,
      credentials: { ...caller.credentials, accessKeyId: 'ASIAUNKNOWNKEY000000' },
      query: RECENT,
    });
    expect([unknown.status, unknown.errorType]).toEqual([403, 'UnrecognizedClientException']);
    const late = await signedGraphql(stack, {
      signer: signWithAwsSignWeb,
      credentials: caller.credentials,
      query: RECENT,
      date: new Date(Date.now() - 6 * 60_000),
    });
    expect([late.status, late.errorType]).toEqual([403, 'InvalidSignatureException']);
    expect((late.json as { message: string }).message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
    );
  });

  it('answers unknown paths as API Gateway does', async () => {
    const res = await fetch(`${stack.url}/prod/nothing`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('sends Cognito errors as AWS does, and the SDK reads them', async () => {
    const res = await fetch(`${stack.url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        ClientId: stack.config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: stack.demoUser.email, PASSWORD: 'Wrong-password-1' },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException');
    expect(await res.json()).toMatchObject({
      __type: 'NotAuthorizedException',
      message: expect.any(String),
    });

    const idp = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      endpoint: stack.config.cognitoIdpEndpoint,
    });
    const sdkCall = idp.send(
      new InitiateAuthCommand({
        ClientId: stack.config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: stack.demoUser.email, PASSWORD: 'Wrong-password-1' },
      }),
    );
    await expect(sdkCall).rejects.toBeInstanceOf(NotAuthorizedException);
    idp.destroy();

    const unknown = await fetch(`${stack.url}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityService.Nope' },
      body: '{}',
    });
    expect([unknown.status, unknown.headers.get('x-amzn-errortype')]).toEqual([
      400,
      'UnknownOperationException',
    ]);
  });

  it('serves the JWKS the ID tokens are signed with', async () => {
    const res = await fetch(`${stack.url}/${stack.config.userPoolId}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: { kty: string; kid: string }[] };
    expect(keys[0]).toMatchObject({ kty: 'RSA', kid: expect.any(String) });
  });

  it('answers a CORS preflight and lets the page read errors and the date', async () => {
    const res = await fetch(stack.config.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,content-type,x-amz-date,x-amz-security-token',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'authorization',
      'content-type',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-target',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-amzn-ErrorType.*Date/);
    expect(Date.parse(res.headers.get('date') ?? '')).not.toBeNaN();
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await fetch(stack.config.graphqlUrl, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
  });

  it('logs one line per request and never a secret', () => {
    expect(
      logs.some((l) =>
        /^CognitoIdentityProvider\.InitiateAuth USER_PASSWORD_AUTH 200 \d+ms$/.test(l),
      ),
    ).toBe(true);
    expect(logs.some((l) => /^POST \/prod\/graphql Create 200 \d+ms$/.test(l))).toBe(true);
    const secrets = [
      caller.credentials.secretAccessKey,
      caller.credentials.sessionToken ?? '',
      stack.demoUser.password,
    ];
    for (const line of logs) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
