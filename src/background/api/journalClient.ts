import { GraphQLClient } from 'graphql-request';
import { JournalError } from '../../shared/errors';
import type { Entry, EntryPage } from '../../shared/types';
import type { Clock } from '../../shared/clock';
import type { BackendConfig } from '../../shared/config';
import type { Session } from '../auth/session';
import type { Credentials } from '../aws/credentials';
import { clockOffsetKey } from '../aws/keys';
import { signedFetch } from '../aws/signedFetch';
import { apiError } from './apiErrors';
import type { JournalApi } from './journalApi';
import { CREATE, DELETE, RECENT, UPDATE } from './operations';

export interface JournalApiDeps {
  session: Session;
  credentials: Credentials;
  clock: Clock;
  fetch: typeof fetch;
}

const missing = (what: string) =>
  new JournalError({
    code: 'NOT_FOUND',
    message: `That entry no longer exists (${what}).`,
    reason: 'NOT_FOUND',
  });

export function createJournalApi(deps: JournalApiDeps): JournalApi {
  // One client (and signed fetch) per configuration, not per request.
  let built: { json: string; client: GraphQLClient } | undefined;
  function clientFor(config: BackendConfig): GraphQLClient {
    const json = JSON.stringify(config);
    if (built?.json !== json) {
      const client = new GraphQLClient(config.graphqlUrl, {
        fetch: signedFetch({
          clock: deps.clock,
          fetch: deps.fetch,
          region: config.region,
          credentials: deps.credentials.get,
          renew: deps.credentials.renew,
          offset: clockOffsetKey,
        }),
      });
      built = { json, client };
    }
    return built.client;
  }

  async function request<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    const client = clientFor(await deps.session.configured());
    try {
      return await client.request<T>(document, variables);
    } catch (err) {
      throw apiError(err);
    }
  }

  const entry = async (document: string, variables: Record<string, unknown>, field: string) => {
    const data = await request<Record<string, Entry | null>>(document, variables);
    const value = data[field];
    if (!value) throw missing(String(variables.id ?? field));
    return value;
  };

  return {
    async recent({ limit, nextToken }) {
      const data = await request<{ recentEntries: EntryPage }>(RECENT, { limit, nextToken });
      return data.recentEntries;
    },
    create: ({ id, content, createDate }) =>
      entry(CREATE, { id, content, createDate }, 'createEntry'),
    update: ({ id, content }) => entry(UPDATE, { id, content }, 'updateEntry'),
    delete: (id) => entry(DELETE, { id }, 'deleteEntry'),
  };
}
