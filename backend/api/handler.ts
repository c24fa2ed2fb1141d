/**
 * The journal API as an API Gateway (REST, proxy integration) Lambda handler. The local stack calls
 * `createApiHandler` with its own DynamoDB; AWS calls `handler`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorResponse, INTERNAL_MESSAGE } from './errors';
import { executeRequest } from './execute';
import { MAX_BODY_BYTES } from './limits';
import { ownerOf } from './owner';
import { decodeBody, parseGraphQLRequest } from './request';
import { JournalStore } from './store';

export { operationNameOf } from './request';

export interface ApiDeps {
  client: DynamoDBClient;
  tableName: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Schema introspection; off unless asked for (the local stack turns it on for development). */
  introspection?: boolean;
}

export type ApiHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

// With proxy integration only the Lambda can put CORS headers on real answers; the extension reaches
// the API without a host permission, so it reads them through CORS. Auth is SigV4, never cookies.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Date, x-amzn-ErrorType, x-amzn-RequestId',
};

function respond(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...CORS,
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

function errorDetail(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause =
    'originalError' in error && error.originalError instanceof Error ? error.originalError : error;
  return { error: cause.name, message: cause.message, stack: cause.stack };
}

export function createApiHandler(deps: ApiDeps): ApiHandler {
  const store = new JournalStore(deps.client, deps.tableName);
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));

  return async (event) => {
    const requestId = event.requestContext?.requestId;
    const logError = (where: string, error: unknown, extra: Record<string, unknown> = {}) =>
      log(JSON.stringify({ level: 'error', where, requestId, ...extra, ...errorDetail(error) }));
    try {
      const owner = ownerOf(event.requestContext?.identity);
      if (!owner) {
        return respond(
          403,
          errorResponse(
            'UNAUTHENTICATED',
            'Sign in first: this request carries no signed-in Cognito user.',
          ),
        );
      }
      if (event.httpMethod && event.httpMethod.toUpperCase() !== 'POST') {
        return respond(
          405,
          errorResponse(
            'METHOD_NOT_ALLOWED',
            `Send GraphQL requests with POST, not ${event.httpMethod}.`,
          ),
          { Allow: 'POST' },
        );
      }
      const body = decodeBody(event.body, event.isBase64Encoded);
      // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: count bytes only when it could matter.
      if (body.length > MAX_BODY_BYTES / 3 && Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
        return respond(
          400,
          errorResponse(
            'BAD_REQUEST',
            `The request body is over ${MAX_BODY_BYTES / 1_048_576} MiB; send less in one request.`,
          ),
        );
      }
      const parsed = parseGraphQLRequest(body);
      if (!parsed.ok) return respond(400, errorResponse('BAD_REQUEST', parsed.message));
      const { refused, response } = await executeRequest(
        parsed.request,
        { identityId: owner, store, now },
        (error) => logError('resolver', error, { path: error.path?.join('.') }),
        { introspection: deps.introspection ?? false },
      );
      return respond(refused ? 400 : 200, response);
    } catch (error) {
      logError('handler', error);
      return respond(500, errorResponse('INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE));
    }
  };
}

let lambdaHandler: ApiHandler | undefined;

/** The Lambda entry point: table from TABLE_NAME, the default DynamoDB client, both made on first use. */
export const handler: ApiHandler = async (event) => {
  if (!lambdaHandler) {
    const tableName = process.env['TABLE_NAME'];
    if (!tableName) {
      console.error(
        JSON.stringify({ level: 'error', where: 'handler', message: 'TABLE_NAME is not set' }),
      );
      return respond(500, errorResponse('INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE));
    }
    lambdaHandler = createApiHandler({
      client: new DynamoDBClient({}),
      tableName,
      // Off unless the stack says otherwise: the schema is public in the project, not on the wire.
      introspection: process.env['JOURNAL_API_INTROSPECTION'] === 'true',
    });
  }
  return lambdaHandler(event);
};
