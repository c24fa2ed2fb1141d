import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { buildProxyEvent } from './proxyEvent';
import { verifySigV4, type WireRequest } from './sigv4';
import { missingToken, type GatewayError } from './sigv4/errors';

export interface GatewayRequest extends WireRequest {
  body: Buffer;
  sourceIp: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export interface IssuedKey {
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  identityId: string;
  /** The User Pool user behind the identity; null for an unauthenticated identity. */
  sub: string | null;
}

export interface ApiGatewayOptions {
  region: string;
  stage: string;
  identityPoolId: string;
  /** The User Pool the Identity Pool trusts: API Gateway names it in `cognitoAuthenticationProvider`. */
  userPoolId: string;
  lookupAccessKey: (accessKeyId: string) => IssuedKey | undefined;
  handler: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
  now: () => number;
  newRequestId?: () => string;
}

/** The REST API's one resource: `POST /graphql`, AWS_IAM authorization, Lambda proxy integration. */
const RESOURCES: Record<string, readonly string[]> = { '/graphql': ['POST'] };

export function gatewayError(error: GatewayError, requestId: string): GatewayResponse {
  return {
    status: error.status,
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': error.type,
      'x-amzn-RequestId': requestId,
    },
    body: JSON.stringify({ message: error.message }),
  };
}

function proxyResult(result: APIGatewayProxyResult, requestId: string): GatewayResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    headers[name] = values.map(String);
  }
  headers['x-amzn-RequestId'] = requestId;
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  return { status: result.statusCode, headers, body };
}

/**
 * What API Gateway puts in `requestContext.identity.cognitoAuthenticationProvider` for credentials
 * of a User Pool sign-in (null for unauthenticated identities).
 */
export function authenticationProvider(
  region: string,
  userPoolId: string,
  sub: string | null,
): string | null {
  if (sub === null) return null;
  const provider = `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return `${provider},${provider}:CognitoSignIn:${sub}`;
}

/**
 * API Gateway in front of the journal API: unknown resources and methods get the 403 API Gateway
 * sends for them, every other request must carry a valid SigV4 signature of issued credentials.
 */
export function createApiGateway(
  opts: ApiGatewayOptions,
): (req: GatewayRequest) => Promise<GatewayResponse> {
  const newRequestId = opts.newRequestId ?? randomUUID;
  const prefix = `/${opts.stage}`;
  return async (req) => {
    const requestId = newRequestId();
    const q = req.target.indexOf('?');
    const path = q < 0 ? req.target : req.target.slice(0, q);
    const resource = path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
    const methods =
      resource !== undefined && Object.hasOwn(RESOURCES, resource)
        ? RESOURCES[resource]
        : undefined;
    if (!resource || !methods?.includes(req.method.toUpperCase()))
      return gatewayError(missingToken(), requestId);

    const verified = verifySigV4(req, {
      region: opts.region,
      service: 'execute-api',
      lookup: opts.lookupAccessKey,
      now: opts.now,
    });
    if (!verified.ok) return gatewayError(verified.error, requestId);

    const event = buildProxyEvent({
      method: req.method.toUpperCase(),
      resourceTarget: req.target.slice(prefix.length),
      resource,
      stage: opts.stage,
      headers: req.headers,
      body: req.body.toString('utf8'),
      requestId,
      now: opts.now(),
      sourceIp: req.sourceIp,
      accessKeyId: verified.accessKeyId,
      cognitoIdentityId: verified.key.identityId,
      cognitoIdentityPoolId: opts.identityPoolId,
      cognitoAuthenticationProvider: authenticationProvider(
        opts.region,
        opts.userPoolId,
        verified.key.sub,
      ),
    });
    try {
      return proxyResult(await opts.handler(event), requestId);
    } catch {
      // What API Gateway answers when the Lambda itself fails.
      return {
        status: 502,
        headers: {
          'Content-Type': 'application/json',
          'x-amzn-RequestId': requestId,
          'x-amzn-ErrorType': 'InternalServerErrorException',
        },
        body: JSON.stringify({ message: 'Internal server error' }),
      };
    }
  };
}
