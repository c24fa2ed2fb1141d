/**
 * API Gateway (REST API, Lambda proxy integration) events shaped as AWS sends them for a request
 * signed with Cognito Identity Pool credentials (AWS_IAM authorization).
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface ProxyEventOptions {
  /** The caller's Cognito identity; null sends an event without one (no IAM-authorized caller). */
  identityId: string | null;
  /** A string is sent as it is; anything else is sent as JSON. Undefined sends no body. */
  body?: unknown;
  isBase64Encoded?: boolean;
  httpMethod?: string;
  stage?: string;
  path?: string;
  headers?: Record<string, string>;
  requestId?: string;
}

let counter = 0;

export function proxyEvent(options: ProxyEventOptions): APIGatewayProxyEvent {
  const {
    identityId,
    isBase64Encoded = false,
    httpMethod = 'POST',
    stage = 'prod',
    path = '/graphql',
    requestId = `req-${++counter}-${Date.now()}`,
  } = options;
  let body: string | null =
    options.body === undefined
      ? null
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  if (body !== null && isBase64Encoded) body = Buffer.from(body, 'utf8').toString('base64');
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Host: 'abc123.execute-api.us-east-1.amazonaws.com',
    'X-Amz-Date': '20240501T093000Z',
    'X-Amz-Security-Token': 'FwoGZXIvYXdzEXAMPLE',
    'X-Forwarded-For': '127.0.0.1',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...options.headers,
  };
  const multiValueHeaders = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, [value]]),
  );
  const poolId = 'us-east-1:11111111-2222-3333-4444-555555555555';
  return {
    resource: path,
    path,
    httpMethod,
    headers,
    multiValueHeaders,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body,
    isBase64Encoded,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: undefined,
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      extendedRequestId: `ext-${requestId}`,
      httpMethod,
      identity: {
        accessKey: identityId ? 'ASIAEXAMPLEACCESSKEY' : null,
        accountId: identityId ? '123456789012' : null,
        apiKey: null,
        apiKeyId: null,
        caller: identityId ? 'AROAEXAMPLEROLEID:CognitoIdentityCredentials' : null,
        clientCert: null,
        cognitoAuthenticationProvider: identityId
          ? `cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123,cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123:CognitoSignIn:${identityId}`
          : null,
        cognitoAuthenticationType: identityId ? 'authenticated' : null,
        cognitoIdentityId: identityId,
        cognitoIdentityPoolId: identityId ? poolId : null,
        principalOrgId: null,
        sourceIp: '127.0.0.1',
        user: identityId ? 'AROAEXAMPLEROLEID:CognitoIdentityCredentials' : null,
        userAgent: 'Mozilla/5.0',
        userArn: identityId
          ? 'arn:aws:sts::123456789012:assumed-role/journal-authenticated/CognitoIdentityCredentials'
          : null,
      },
      path: `/${stage}${path}`,
      protocol: 'HTTP/1.1',
      requestId,
      requestTime: '01/May/2024:09:30:00 +0000',
      requestTimeEpoch: 1714555800000,
      resourceId: 'abc0de',
      resourcePath: path,
      stage,
    },
  };
}
