import { GraphQLError } from 'graphql';

/** The `extensions.code` values this API sends. */
export type ErrorCode =
  | 'BAD_REQUEST' // the HTTP body is not a GraphQL request
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED' // also a request over a cost limit (depth, aliases, tokens, cost)
  | 'OPERATION_NOT_SUPPORTED' // a subscription
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'METHOD_NOT_ALLOWED'
  | 'INTERNAL_SERVER_ERROR';

/** What the client sees for anything unexpected; the detail goes to the server's log only. */
export const INTERNAL_MESSAGE = 'Internal server error. Please try again later.';

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const badUserInput = (message: string) => apiError('BAD_USER_INPUT', message);
export const notFound = (message: string) => apiError('NOT_FOUND', message);

/**
 * A changes cursor older than the tombstones' retention: deletions may have been forgotten since,
 * so the device must sync everything afresh. BAD_USER_INPUT, told apart by `reason`.
 */
export const cursorExpired = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' } });

/** The code of an error this API raised on purpose, or undefined for anything else. */
export function codeOf(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.extensions['code'];
  return typeof code === 'string' ? code : undefined;
}

/** A whole GraphQL response that is only errors, for failures before execution. */
export function errorResponse(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
