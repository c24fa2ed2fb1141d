/**
 * What one request may cost. Every limit is checked before anything reaches DynamoDB, so a hostile
 * request costs a parse and a walk of its own (bounded) document, nothing more.
 *
 * The numbers leave room for what the extension sends (its largest operation is about 60 tokens,
 * depth 4, no aliases, cost ≤ 100) and for what a person's tools might send, and no more:
 * - the body bound comes first, before JSON.parse;
 * - the token bound is the parser's own `maxTokens`, so a 10,000-deep query or list literal stops
 *   at token 1,000 instead of exhausting the parser's stack; every later check walks at most that;
 * - cost counts DynamoDB work: a page costs its limit (entries read), one entry by id 10, the whole
 *   journal (`entries`) as a full page, and every write the whole budget, so a request does at
 *   most one write (≤ 400 KB, ≈ 800 write units with the index) or reads about two pages' worth
 *   (DynamoDB stops a Query at 1 MB).
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  GraphQLError,
  isIntrospectionType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { ErrorCode } from './errors';
import { DEFAULT_LIMIT, MAX_LIMIT } from './validation';

/**
 * Bytes of request body. The largest entry the API stores is under 400 KB of UTF-8; JSON escaping
 * can make its body bigger (a control character is 6 bytes as `\u0001`), so 1 MiB, far below
 * API Gateway's 10 MB.
 */
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_TOKENS = 1_000;
export const MAX_DEPTH = 6;
export const MAX_ALIASES = 10;
export const MAX_COST = 2 * MAX_LIMIT;

/** Cost of each root field; fields below the root cost nothing (they are read with their entry). */
export const FIELD_COST = {
  entry: 10,
  entries: MAX_LIMIT,
  createEntry: MAX_COST,
  updateEntry: MAX_COST,
  deleteEntry: MAX_COST,
} as const;

export class LimitError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode = 'GRAPHQL_VALIDATION_FAILED',
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'LimitError';
  }
}

/** A page's cost: its `limit` (an out-of-range one is refused by the resolver before any read). */
function pageCost(limit: unknown): number {
  return typeof limit === 'number' && Number.isFinite(limit)
    ? Math.min(MAX_LIMIT, Math.max(1, Math.ceil(limit)))
    : DEFAULT_LIMIT;
}

/**
 * The cost of one field: root fields by FIELD_COST, a page by its limit, the rest free. A root field
 * not listed (add new ones to FIELD_COST) costs like a page when it is a query and the whole budget
 * when it is a mutation.
 */
const journalCost: ComplexityEstimator = ({ type, field, args }) => {
  if (type.name !== 'Query' && type.name !== 'Mutation') return 0;
  if (field.name === 'recentEntries') return pageCost(args['limit']);
  if (Object.hasOwn(FIELD_COST, field.name))
    return FIELD_COST[field.name as keyof typeof FIELD_COST];
  return type.name === 'Query' ? pageCost(args['limit']) : MAX_COST;
};

/** A query's cost (variables applied), or a LimitError when it is over MAX_COST. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): void {
  const cost = getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [journalCost],
  });
  if (cost > MAX_COST) {
    throw new LimitError(
      `This request would cost ${cost}; the limit is ${MAX_COST} (a page costs its limit, an entry by id ${FIELD_COST.entry}, the whole journal ${FIELD_COST.entries}, a write ${MAX_COST}). Send smaller pages or fewer fields per request.`,
      'GRAPHQL_VALIDATION_FAILED',
      { cost, maxCost: MAX_COST },
    );
  }
}

/** Reports GraphQL Armor's rejection as our own error (Armor's reads "Syntax Error: …"). */
function reportAs(message: (found: number) => string, limit: number) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
      context?.reportError(
        new LimitError(message(found), 'GRAPHQL_VALIDATION_FAILED', { limit, found }),
      );
    },
  ];
}

const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new LimitError(
          'Subscriptions are not supported by this API; send a query or a mutation.',
          'OPERATION_NOT_SUPPORTED',
        ),
      );
    }
  },
});

/** Validation rules on top of graphql-js's own: depth, aliases, no subscriptions, and introspection. */
export function limitRules(options: { introspection: boolean }): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({
      n: MAX_DEPTH,
      propagateOnRejection: false,
      onReject: reportAs(
        (found) =>
          `This request nests fields ${found} deep; the limit is ${MAX_DEPTH}. Ask for fewer nested fields.`,
        MAX_DEPTH,
      ),
    }),
    maxAliasesRule({
      n: MAX_ALIASES,
      propagateOnRejection: false,
      onReject: reportAs(
        (found) =>
          `This request has ${found} aliases; the limit is ${MAX_ALIASES}. Send the rest in another request.`,
        MAX_ALIASES,
      ),
    }),
    noSubscriptions,
  ];
  if (!options.introspection) rules.push(introspectionOff);
  return rules;
}

/**
 * graphql-js's NoSchemaIntrospectionCustomRule (a field of an introspection type is refused), with a
 * message that says it is off on purpose and the code clients read. `__typename` stays allowed.
 */
const introspectionOff: ValidationRule = (context) => ({
  Field() {
    const type = context.getType();
    if (type && isIntrospectionType(getNamedType(type))) {
      context.reportError(
        new LimitError(
          'Introspection is turned off on this deployment; the schema is in the project (backend/api/schema.ts).',
        ),
      );
    }
  },
});

/** Refusal for a parse that hit MAX_TOKENS (graphql-js's message, made actionable). */
export function tokensError(): LimitError {
  return new LimitError(
    `This request has more than ${MAX_TOKENS} GraphQL tokens; the limit is ${MAX_TOKENS}. Send a shorter query, with values in variables.`,
    'GRAPHQL_VALIDATION_FAILED',
    { limit: MAX_TOKENS },
  );
}

export function isTokenLimitError(error: GraphQLError): boolean {
  // graphql 16 says "more that 1000 tokens"; match its fix ("than") too.
  return /contains more th\w+ \d+ tokens/.test(error.message);
}
