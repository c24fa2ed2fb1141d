import { randomUUID } from 'node:crypto';
import { AwsError } from './awsError';
import type { GatewayResponse } from './apiGateway';

/** Something that answers AWS JSON operations (the User Pool, the Identity Pool). */
export interface JsonService {
  handle(operation: string, input: unknown): Promise<unknown>;
}

export const TARGET_PREFIXES = {
  userPool: 'AWSCognitoIdentityProviderService.',
  identityPool: 'AWSCognitoIdentityService.',
} as const;

const CONTENT_TYPE = 'application/x-amz-json-1.1';

export function awsJsonError(type: string, message: string, status: number): GatewayResponse {
  return {
    status,
    headers: {
      'Content-Type': CONTENT_TYPE,
      'x-amzn-ErrorType': type,
      'x-amzn-RequestId': randomUUID(),
    },
    body: JSON.stringify({ __type: type, message }),
  };
}

/**
 * One AWS JSON 1.1 call: `X-Amz-Target: <Service>.<Operation>` picks the pool and the operation;
 * failures come back as AWS sends them (status, `x-amzn-ErrorType`, `{"__type","message"}`).
 */
export async function callAwsJson(
  services: { userPool: JsonService; identityPool: JsonService },
  target: string,
  body: Buffer,
  onUnexpected: (error: unknown) => void,
): Promise<GatewayResponse> {
  const service = target.startsWith(TARGET_PREFIXES.userPool)
    ? services.userPool
    : target.startsWith(TARGET_PREFIXES.identityPool)
      ? services.identityPool
      : undefined;
  const operation = target.slice(target.indexOf('.') + 1);
  if (!service || operation === '') {
    return awsJsonError('UnknownOperationException', `Unknown operation ${target}`, 400);
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return awsJsonError(
      'SerializationException',
      'Start of structure or map found where not expected.',
      400,
    );
  }
  try {
    const output = await service.handle(operation, input);
    return {
      status: 200,
      headers: { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID() },
      body: JSON.stringify(output ?? {}),
    };
  } catch (error) {
    if (error instanceof AwsError) return awsJsonError(error.type, error.message, error.status);
    onUnexpected(error);
    return awsJsonError('InternalErrorException', 'An internal error occurred.', 500);
  }
}
