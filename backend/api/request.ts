/** Reading a GraphQL-over-HTTP POST body: `{ "query", "variables"?, "operationName"? }`. */
import { Kind, parse } from 'graphql';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export type ParsedRequest = { ok: true; request: GraphQLRequest } | { ok: false; message: string };

const EXAMPLE = 'send JSON like {"query": "{ recentEntries { items { id content } } }"}';

/** The body as text; API Gateway sets `isBase64Encoded` for bodies it passes on as base64. */
export function decodeBody(body: string | null | undefined, isBase64Encoded: boolean): string {
  if (!body) return '';
  return isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseGraphQLRequest(body: string): ParsedRequest {
  if (body.trim() === '') return { ok: false, message: `The request has no body; ${EXAMPLE}.` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, message: `The request body is not valid JSON${why}; ${EXAMPLE}.` };
  }
  if (!isPlainObject(json)) {
    return { ok: false, message: `The request body must be a JSON object; ${EXAMPLE}.` };
  }
  const { query, variables, operationName } = json;
  if (typeof query !== 'string' || query.trim() === '') {
    return { ok: false, message: `The request body has no "query" string; ${EXAMPLE}.` };
  }
  if (variables != null && !isPlainObject(variables)) {
    return { ok: false, message: '"variables" must be a JSON object of variable values, or null.' };
  }
  if (operationName != null && typeof operationName !== 'string') {
    return {
      ok: false,
      message: '"operationName" must be a string naming an operation in "query".',
    };
  }
  return {
    ok: true,
    request: {
      query,
      variables: variables ?? undefined,
      operationName: operationName ?? undefined,
    },
  };
}

/**
 * The GraphQL operation a request body runs, for logs: its `operationName`, else the name of the
 * document's only operation. Undefined when there is none to name; never throws.
 */
export function operationNameOf(body: string): string | undefined {
  const parsed = parseGraphQLRequest(body);
  if (!parsed.ok) return undefined;
  const { query, operationName } = parsed.request;
  if (operationName) return operationName;
  try {
    const operations = parse(query, { noLocation: true }).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    return operations.length === 1 ? operations[0]?.name?.value : undefined;
  } catch {
    return undefined;
  }
}
