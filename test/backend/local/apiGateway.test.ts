import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApiGateway, type GatewayRequest } from '../../../backend/local/apiGateway';
import { signWithAws4 } from '../sigv4/signers';

const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);
const KEY = {
  accessKeyId: 'ASIAGATEWAYTEST00001',
  secretAccessKey: 'gateway-secret',
  sessionToken: 'gateway-token',
};
const IDENTITY = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const USER_POOL = 'us-east-1_LocalPool1';
const SUB = '5a1f0c3e-1111-4222-8333-944445555666';

function gateway(
  handler: (
    event: APIGatewayProxyEvent,
  ) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>,
) {
  return createApiGateway({
    region: 'us-east-1',
    stage: 'prod',
    identityPoolId: POOL,
    userPoolId: USER_POOL,
    lookupAccessKey: (id) =>
      id === KEY.accessKeyId
        ? {
            secretAccessKey: KEY.secretAccessKey,
            sessionToken: KEY.sessionToken,
            expiration: new Date(NOW + 60_000),
            identityId: IDENTITY,
            sub: SUB,
          }
        : undefined,
    handler,
    now: () => NOW,
    newRequestId: () => 'req-1',
  });
}

async function signedRequest(target = '/prod/graphql', method = 'POST'): Promise<GatewayRequest> {
  const body = '{"query":"{ entries { id } }"}';
  const headers = await signWithAws4({
    url: `http://127.0.0.1:4566${target}`,
    body,
    credentials: KEY,
    region: 'us-east-1',
    date: new Date(NOW),
  });
  return {
    method,
    target,
    headers: [
      ...Object.entries(headers),
      ['User-Agent', 'journal-test'],
      ['X-Extra', 'one'],
      ['X-Extra', 'two'],
    ],
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
  };
}

describe('the API Gateway stand-in', () => {
  it("hands the handler API Gateway's proxy event for the Cognito caller and copies its answer back", async () => {
    let seen: APIGatewayProxyEvent | undefined;
    const handle = gateway((event) => {
      seen = event;
      return Promise.resolve({
        statusCode: 201,
        body: '{"data":{}}',
        headers: { 'Content-Type': 'application/json' },
      });
    });
    const res = await handle(await signedRequest());
    expect(res).toEqual({
      status: 201,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'req-1' },
      body: '{"data":{}}',
    });
    expect(seen).toMatchObject({
      resource: '/graphql',
      path: '/graphql',
      httpMethod: 'POST',
      body: '{"query":"{ entries { id } }"}',
      isBase64Encoded: false,
      queryStringParameters: null,
      headers: { 'User-Agent': 'journal-test', 'X-Extra': 'two' },
      multiValueHeaders: { 'X-Extra': ['one', 'two'] },
      requestContext: {
        stage: 'prod',
        httpMethod: 'POST',
        path: '/prod/graphql',
        resourcePath: '/graphql',
        requestId: 'req-1',
        requestTimeEpoch: NOW,
        requestTime: '15/Jan/2026:09:30:00 +0000',
        identity: {
          cognitoIdentityId: IDENTITY,
          cognitoIdentityPoolId: POOL,
          cognitoAuthenticationType: 'authenticated',
          // As AWS sends it: the journal API keys entries by this sub (it outlives the Identity Pool).
          cognitoAuthenticationProvider: `cognito-idp.us-east-1.amazonaws.com/${USER_POOL},cognito-idp.us-east-1.amazonaws.com/${USER_POOL}:CognitoSignIn:${SUB}`,
          accessKey: KEY.accessKeyId,
          caller: expect.stringMatching(/:CognitoIdentityCredentials$/),
          sourceIp: '127.0.0.1',
          userAgent: 'journal-test',
        },
      },
    });
  });

  it('answers unknown resources and methods with Missing Authentication Token, before any signature check', async () => {
    const handle = gateway(() => Promise.reject(new Error('must not be called')));
    for (const req of [
      await signedRequest('/prod/other'),
      await signedRequest('/dev/graphql'),
      await signedRequest('/prod/graphql', 'GET'),
    ]) {
      const res = await handle(req);
      expect(res.status).toBe(403);
      expect(res.headers['x-amzn-ErrorType']).toBe('MissingAuthenticationTokenException');
      expect(JSON.parse(String(res.body))).toEqual({ message: 'Missing Authentication Token' });
    }
  });

  it('answers 502 Internal server error when the handler itself fails', async () => {
    const res = await gateway(() => Promise.reject(new Error('boom')))(await signedRequest());
    expect(res.status).toBe(502);
    expect(JSON.parse(String(res.body))).toEqual({ message: 'Internal server error' });
  });
});
