/** Drives the journal API the way API Gateway does: proxy events into `createApiHandler`. */
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { createApiHandler, type ApiHandler } from '../../../backend/api/handler';
import type { LocalDynamo } from './dynamo';
import { proxyEvent } from './events';

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

export interface TestApi {
  handler: ApiHandler;
  tableName: string;
  /** Lines the handler logged. */
  logs: string[];
  /** Runs one GraphQL request as `identityId`, expecting HTTP 200; returns the parsed body. */
  gql(identityId: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  /** Like gql, but returns `data` and fails the test on any error. */
  data<T = Record<string, unknown>>(
    identityId: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T>;
}

/** A fresh `us-east-1:<uuid>` identity, as Cognito Identity Pools make them. */
export function newIdentity(): string {
  return `us-east-1:${randomUUID()}`;
}

/** A clock that moves `stepMs` forward each time it is read. */
export function steppingClock(start = '2024-05-01T00:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

export async function startTestApi(
  dynamo: LocalDynamo,
  options: { now?: () => Date; tableName?: string } = {},
): Promise<TestApi> {
  const tableName = options.tableName ?? (await dynamo.createJournalTable());
  const logs: string[] = [];
  const handler = createApiHandler({
    client: dynamo.client,
    tableName,
    now: options.now ?? steppingClock(),
    log: (line) => logs.push(line),
  });
  const gql: TestApi['gql'] = async (identityId, query, variables) => {
    const result = await handler(proxyEvent({ identityId, body: { query, variables } }));
    if (result.statusCode !== 200) {
      throw new Error(`HTTP ${result.statusCode}: ${result.body}`);
    }
    return JSON.parse(result.body) as GraphQLBody;
  };
  return {
    handler,
    tableName,
    logs,
    gql,
    async data<T>(identityId: string, query: string, variables?: Record<string, unknown>) {
      const body = await gql(identityId, query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
  };
}

/** The `extensions.code` of each error in a response. */
export function codesOf(body: GraphQLBody): unknown[] {
  return (body.errors ?? []).map((error) => error.extensions?.['code']);
}

export const ENTRY_FIELDS = 'id createDate updateDate content attachments { position url }';

export interface EntryShape {
  id: string;
  createDate: string;
  updateDate: string | null;
  content: string;
  attachments: { position: number; url: string }[] | null;
}
