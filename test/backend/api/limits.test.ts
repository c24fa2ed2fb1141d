/**
 * The cost limits: each request that made the API spend seconds, gigabytes or a 500 (issue 11's
 * probes) is refused before any DynamoDB call. The refusals are sent to a handler whose table does
 * not exist: had anything reached DynamoDB, the answer would be INTERNAL_SERVER_ERROR and a log line.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler, type ApiHandler } from '../../../backend/api/handler';
import { encodeNextToken } from '../../../backend/api/cursor';
import {
  MAX_ALIASES,
  MAX_BODY_BYTES,
  MAX_COST,
  MAX_DEPTH,
  MAX_TOKENS,
} from '../../../backend/api/limits';
import { newIdentity, startTestApi, type GraphQLBody, type TestApi } from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';
import { proxyEvent } from './events';

let dynamo: LocalDynamo;
let api: TestApi;
let noTable: ApiHandler;
const logs: string[] = [];
const me = newIdentity();

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
  noTable = createApiHandler({
    client: dynamo.client,
    tableName: 'no-such-table',
    log: (line) => logs.push(line),
  });
});

afterEach(() => {
  logs.length = 0;
});

afterAll(async () => {
  await dynamo.close();
});

async function post(body: unknown, handler = noTable, identityId = me) {
  const result = await handler(proxyEvent({ identityId, body }));
  return { status: result.statusCode, body: JSON.parse(result.body) as GraphQLBody };
}

/** Sent where any DynamoDB call fails: the answer must be a 400 refusal with `code`, unlogged. */
async function expectRefused(body: unknown, code: string, message: RegExp) {
  const answer = await post(body);
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.[0]).toMatchObject({
    message: expect.stringMatching(message),
    extensions: { code },
  });
  expect(JSON.stringify(answer.body)).not.toMatch(/INTERNAL_SERVER_ERROR/);
  expect(logs).toEqual([]);
  return answer.body;
}

const aliases = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('alias bombs', () => {
  it('1,000 aliases of a 100-entry page (was 23.8 s and 106 MB) → refused', async () => {
    const query = aliases(1_000, 'recentEntries(limit: 100) { items { id content } }');
    expect(query.length).toBeGreaterThan(49_000);
    await expectRefused({ query }, 'GRAPHQL_VALIDATION_FAILED', /limit is 1000/);
  });

  it('15,000 aliases in a 709 KB body (was a 500 after 100 s) → refused', async () => {
    const query = aliases(15_000, 'recentEntries(limit: 100) { items { id content } }');
    expect(query.length).toBeGreaterThan(700_000);
    await expectRefused({ query }, 'GRAPHQL_VALIDATION_FAILED', /GraphQL tokens/);
  });

  it(`${MAX_ALIASES + 1} aliases within the token limit → refused by the alias limit`, async () => {
    const body = await expectRefused(
      { query: aliases(MAX_ALIASES + 1, 'entry(id: "x") { id }') },
      'GRAPHQL_VALIDATION_FAILED',
      new RegExp(`${MAX_ALIASES + 1} aliases; the limit is ${MAX_ALIASES}`),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ limit: MAX_ALIASES, found: 11 });
  });

  it('aliases hidden in fragments count too', async () => {
    const fragment = `fragment F on Query { ${Array.from({ length: 6 }, (_, i) => `f${i}: entry(id: "x") { id }`).join(' ')} }`;
    await expectRefused(
      {
        query:
          `{ ...F x: entry(id: "y") { id } } ${fragment}`.replace('{ ...F', '{ ...F ...G') +
          ` fragment G on Query { ${Array.from({ length: 6 }, (_, i) => `g${i}: entry(id: "x") { id }`).join(' ')} }`,
      },
      'GRAPHQL_VALIDATION_FAILED',
      /aliases; the limit is/,
    );
  });
});

describe('cost', () => {
  it('three full pages cost 300 → refused with the cost', async () => {
    const body = await expectRefused(
      { query: aliases(3, 'recentEntries(limit: 100) { items { id } }') },
      'GRAPHQL_VALIDATION_FAILED',
      /would cost 300; the limit is 200/,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ cost: 300, maxCost: MAX_COST });
  });

  it('a page costs its limit, also from a variable', async () => {
    await expectRefused(
      {
        query: `query($n: Int) { ${aliases(3, 'recentEntries(limit: $n) { items { id } }').slice(1)}`,
        variables: { n: 70 },
      },
      'GRAPHQL_VALIDATION_FAILED',
      /would cost 210/,
    );
  });

  it('two writes in one request → refused, nothing stored', async () => {
    const who = newIdentity();
    const answer = await post(
      {
        query: `mutation { a: createEntry(content: "one") { id } b: createEntry(content: "two") { id } }`,
      },
      api.handler,
      who,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await api.data(who, '{ entries { id } }')).toEqual({ entries: [] });
  });

  it('the most the limits allow runs: two full pages, or the journal and a page', async () => {
    const who = newIdentity();
    await api.data(who, 'mutation { createEntry(content: "kept") { id } }');
    const two = await post(
      { query: aliases(2, 'recentEntries(limit: 100) { items { content } }') },
      api.handler,
      who,
    );
    expect(two.status).toBe(200);
    expect(two.body.errors).toBeUndefined();
    const both = await post(
      { query: '{ entries { id } recentEntries(limit: 100) { items { id } } }' },
      api.handler,
      who,
    );
    expect(both.status).toBe(200);
    expect(both.body.errors).toBeUndefined();
  });
});

describe('nesting', () => {
  it(`a query deeper than ${MAX_DEPTH} → refused by the depth limit`, async () => {
    const deep = `{ entries { attachments { url ${'{ a '.repeat(MAX_DEPTH)}${'} '.repeat(MAX_DEPTH)}} } }`;
    await expectRefused(
      { query: deep },
      'GRAPHQL_VALIDATION_FAILED',
      new RegExp(`the limit is ${MAX_DEPTH}`),
    );
  });

  it('a query nested 10,000 deep (was a 500: parser stack) → refused', async () => {
    const query = `{ ${'entries { '.repeat(10_000)}id${' }'.repeat(10_000)} }`;
    await expectRefused({ query }, 'GRAPHQL_VALIDATION_FAILED', /GraphQL tokens/);
  });

  it('a list literal nested 10,000 deep (was a 500) → refused', async () => {
    const query = `{ entry(id: ${'['.repeat(10_000)}"x"${']'.repeat(10_000)}) { id } }`;
    await expectRefused({ query }, 'GRAPHQL_VALIDATION_FAILED', /GraphQL tokens/);
  });

  it(`a query of ${MAX_TOKENS + 1} tokens → refused, with the limit in the message`, async () => {
    const query = `{ entries { ${'id '.repeat(MAX_TOKENS)}} }`;
    const body = await expectRefused(
      { query },
      'GRAPHQL_VALIDATION_FAILED',
      /more than 1000 GraphQL tokens; .* values in variables/,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ limit: MAX_TOKENS });
  });
});

describe('requests the API does not serve', () => {
  it('a subscription (was INTERNAL_SERVER_ERROR) → refused as unsupported', async () => {
    await expectRefused(
      { query: 'subscription { entries { id } }' },
      'OPERATION_NOT_SUPPORTED',
      /Subscriptions are not supported/,
    );
  });

  it('a body over 1 MiB → 400 BAD_REQUEST before it is parsed', async () => {
    const content = 'x'.repeat(MAX_BODY_BYTES);
    await expectRefused(
      {
        query: 'mutation($c: String!) { createEntry(content: $c) { id } }',
        variables: { c: content },
      },
      'BAD_REQUEST',
      /over 1 MiB/,
    );
  });

  it('a body of 400,000 three-byte characters counts as 1.2 MB, not 400,000', async () => {
    await expectRefused(
      { query: `{ entry(id: "${'€'.repeat(400_000)}") { id } }` },
      'BAD_REQUEST',
      /over 1 MiB/,
    );
  });

  it('introspection is off unless turned on', async () => {
    await expectRefused(
      { query: '{ __schema { queryType { name } } }' },
      'GRAPHQL_VALIDATION_FAILED',
      /Introspection is turned off/,
    );
    await expectRefused(
      { query: '{ __type(name: "Entry") { name } }' },
      'GRAPHQL_VALIDATION_FAILED',
      /Introspection is turned off/,
    );
    const open = createApiHandler({
      client: dynamo.client,
      tableName: api.tableName,
      introspection: true,
    });
    const answer = await post({ query: '{ __schema { queryType { name } } }' }, open);
    expect(answer).toEqual({
      status: 200,
      body: { data: { __schema: { queryType: { name: 'Query' } } } },
    });
  });

  it('__typename stays allowed', async () => {
    const answer = await post({ query: '{ __typename }' });
    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('nextToken', () => {
  it('a forged token with an over-long key (was INTERNAL_SERVER_ERROR) → BAD_USER_INPUT', async () => {
    const nextToken = encodeNextToken({
      pk: me,
      sk: 'entry-1',
      createdSk: `${'2'.repeat(1_200)}#entry-1`,
    });
    expect(nextToken.length).toBeLessThan(2_048);
    const answer = await post({
      query: 'query($t: String) { recentEntries(nextToken: $t) { items { id } } }',
      variables: { t: nextToken },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(logs).toEqual([]);
  });
});
