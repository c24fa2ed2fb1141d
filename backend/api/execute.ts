/** Running one GraphQL request against the schema, with errors a client can rely on. */
import {
  execute,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import { codeOf, INTERNAL_MESSAGE, type ErrorCode } from './errors';
import {
  checkCost,
  isTokenLimitError,
  LimitError,
  limitRules,
  MAX_TOKENS,
  tokensError,
} from './limits';
import type { GraphQLRequest } from './request';
import { rootValue, type ApiContext } from './resolvers';
import { schema } from './schema';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/**
 * A response, and whether a cost limit refused it (HTTP 400). Other GraphQL errors (syntax, schema,
 * variables) stay HTTP 200 with `errors`, as they always were here.
 */
export interface ExecutionOutcome {
  refused: boolean;
  response: GraphQLResponse;
}

export interface ExecuteOptions {
  /** Schema introspection (`__schema`, `__type`): off in the deployed Lambda. */
  introspection: boolean;
}

const refuse = (errors: GraphQLFormattedError[]): ExecutionOutcome => ({
  refused: true,
  response: { errors },
});
const answer = (errors: GraphQLFormattedError[]): ExecutionOutcome => ({
  refused: false,
  response: { errors },
});

/** A deeply nested document or value overflowing the stack: the client's doing, not a fault. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

const tooDeep = () =>
  new LimitError(
    'This request is nested too deeply to read; send a flatter query, with values in variables.',
  );

/** Codes a resolver may send to the client as they are; anything else is masked. */
const CLIENT_CODES: ReadonlySet<string> = new Set<ErrorCode>(['BAD_USER_INPUT', 'NOT_FOUND']);

function withCode(error: GraphQLError, code: ErrorCode): GraphQLFormattedError {
  const formatted = error.toJSON();
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/**
 * Parse (at most MAX_TOKENS tokens), validate (graphql-js's rules plus the cost limits of
 * limits.ts), check the cost, then execute; each kind of failure gets its own code, and nothing
 * reaches a resolver (or DynamoDB) until every limit has passed. `reportInternal` receives the
 * detail of each unexpected error, which the client sees only as INTERNAL_SERVER_ERROR.
 */
export async function executeRequest(
  request: GraphQLRequest,
  context: ApiContext,
  reportInternal: (error: GraphQLError) => void,
  options: ExecuteOptions,
): Promise<ExecutionOutcome> {
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    if (isStackOverflow(error)) return refuse([limitJson(tooDeep())]);
    if (error instanceof GraphQLError) {
      if (isTokenLimitError(error)) return refuse([limitJson(tokensError())]);
      return answer([withCode(error, 'GRAPHQL_PARSE_FAILED')]);
    }
    throw error;
  }
  try {
    const invalid = validate(schema, document, [...specifiedRules, ...limitRules(options)]);
    if (invalid.length > 0) {
      return {
        refused: invalid.some((error) => error instanceof LimitError),
        response: {
          errors: invalid.map((error) =>
            error instanceof LimitError
              ? limitJson(error)
              : withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
          ),
        },
      };
    }
    checkCost(schema, document, request.variables, request.operationName);
  } catch (error) {
    if (isStackOverflow(error)) return refuse([limitJson(tooDeep())]);
    if (error instanceof LimitError) return refuse([limitJson(error)]);
    // getComplexity coerces the variables and picks the operation: those errors are the client's.
    if (error instanceof GraphQLError) return answer([withCode(error, 'BAD_USER_INPUT')]);
    throw error;
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
    return answer((result.errors ?? []).map((error) => withCode(error, 'BAD_USER_INPUT')));
  }
  if (!result.errors) return { refused: false, response: { data: result.data } };
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
  return { refused: false, response: { data: result.data, errors } };
}

/** A LimitError as JSON: its message and extensions, without the locations of a huge document. */
function limitJson(error: LimitError): GraphQLFormattedError {
  return { message: error.message, extensions: { ...error.extensions, code: error.code } };
}
