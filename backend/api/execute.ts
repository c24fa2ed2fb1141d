/** Running one GraphQL request against the schema, with errors a client can rely on. */
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import { codeOf, INTERNAL_MESSAGE, type ErrorCode } from './errors';
import type { GraphQLRequest } from './request';
import { rootValue, type ApiContext } from './resolvers';
import { schema } from './schema';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** Codes a resolver may send to the client as they are; anything else is masked. */
const CLIENT_CODES: ReadonlySet<string> = new Set<ErrorCode>(['BAD_USER_INPUT', 'NOT_FOUND']);

function withCode(error: GraphQLError, code: ErrorCode): GraphQLFormattedError {
  const formatted = error.toJSON();
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/**
 * Parse, validate and execute (what graphql() does, step by step so that each kind of failure
 * gets its own code). `reportInternal` receives the detail of each unexpected error, which the
 * client sees only as INTERNAL_SERVER_ERROR with a generic message.
 */
export async function executeRequest(
  request: GraphQLRequest,
  context: ApiContext,
  reportInternal: (error: GraphQLError) => void,
): Promise<GraphQLResponse> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [withCode(error, 'GRAPHQL_PARSE_FAILED')] };
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return { errors: invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) };
  }
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  if (!('data' in result)) {
    // Nothing ran: bad variable values, or no operation matching operationName.
    return { errors: (result.errors ?? []).map((error) => withCode(error, 'BAD_USER_INPUT')) };
  }
  if (!result.errors) return { data: result.data };
  const errors = result.errors.map((error): GraphQLFormattedError => {
    // Our own errors arrive wrapped (with a path); graphql-js's and everything else's are masked.
    const code = codeOf(error.originalError);
    if (code !== undefined && CLIENT_CODES.has(code)) return error.toJSON();
    reportInternal(error);
    const { locations, path } = error.toJSON();
    return {
      message: INTERNAL_MESSAGE,
      locations,
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  });
  return { data: result.data, errors };
}
