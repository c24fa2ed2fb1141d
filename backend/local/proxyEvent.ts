import type { APIGatewayProxyEvent } from 'aws-lambda';

/** The account the local stack pretends to be (the one LocalStack uses too). */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'journallocal';
// The role the Identity Pool would hand out; the ids are fixed so logs and tests can match them.
const ROLE_ID = 'AROAJOURNALLOCAL000001';
const ROLE_NAME = 'journal-authenticated';

export interface ProxyEventInput {
  method: string;
  /** The request-target after the stage: `/graphql?x=1`. */
  resourceTarget: string;
  resource: string;
  stage: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
  requestId: string;
  now: number;
  sourceIp: string;
  accessKeyId: string;
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
  cognitoAuthenticationProvider: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `15/Jan/2026:09:30:00 +0000`, API Gateway's requestTime. */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? ''}/${d.getUTCFullYear()}:` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

function queryParameters(query: string) {
  if (query === '') return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { single, multi };
}

/** The REST API proxy-integration event API Gateway sends for an IAM-authorized Cognito caller. */
export function buildProxyEvent(input: ProxyEventInput): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of input.headers) {
    headers[name] = value; // the last value wins, as in API Gateway's `headers`
    (multiValueHeaders[name] ??= []).push(value);
  }
  const q = input.resourceTarget.indexOf('?');
  const path = q < 0 ? input.resourceTarget : input.resourceTarget.slice(0, q);
  const query = queryParameters(q < 0 ? '' : input.resourceTarget.slice(q + 1));
  const userAgent = Object.entries(headers).find(([n]) => n.toLowerCase() === 'user-agent')?.[1];
  const host =
    Object.entries(headers).find(([n]) => n.toLowerCase() === 'host')?.[1] ?? '127.0.0.1';
  const caller = `${ROLE_ID}:CognitoIdentityCredentials`;
  return {
    resource: input.resource,
    path,
    httpMethod: input.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: null,
    stageVariables: null,
    body: input.body === '' ? null : input.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: input.method,
      path: `/${input.stage}${path}`,
      stage: input.stage,
      requestId: input.requestId,
      extendedRequestId: input.requestId,
      requestTime: requestTime(input.now),
      requestTimeEpoch: input.now,
      resourceId: 'graphql0',
      resourcePath: input.resource,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      identity: {
        accessKey: input.accessKeyId,
        accountId: LOCAL_ACCOUNT_ID,
        apiKey: null,
        apiKeyId: null,
        caller,
        clientCert: null,
        cognitoAuthenticationProvider: input.cognitoAuthenticationProvider,
        cognitoAuthenticationType:
          input.cognitoAuthenticationProvider === null ? 'unauthenticated' : 'authenticated',
        cognitoIdentityId: input.cognitoIdentityId,
        cognitoIdentityPoolId: input.cognitoIdentityPoolId,
        principalOrgId: null,
        sourceIp: input.sourceIp,
        user: caller,
        userAgent: userAgent ?? null,
        userArn: `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/${ROLE_NAME}/CognitoIdentityCredentials`,
      },
    },
  };
}
