/** The HTTP side of the handler: API Gateway proxy events in, GraphQL-over-HTTP answers out. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiHandler, operationNameOf } from '../../../backend/api/handler';
import { newIdentity, startTestApi, type GraphQLBody, type TestApi } from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';
import { proxyEvent, type ProxyEventOptions } from './events';

let dynamo: LocalDynamo;
let api: TestApi;
const me = newIdentity();

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
});

afterAll(async () => {
  await dynamo.close();
});

async function send(options: Partial<ProxyEventOptions>, handler = api.handler) {
  const result = await handler(proxyEvent({ identityId: me, ...options }));
  expect(result.headers?.['Content-Type']).toBe('application/json');
  // Every answer, error or not, must be readable by the extension through CORS.
  expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
  expect(result.headers?.['Access-Control-Expose-Headers']).toMatch(/x-amzn-ErrorType/);
  return { status: result.statusCode, body: JSON.parse(result.body) as GraphQLBody };
}

describe('requests that are not GraphQL', () => {
  it.each<[string, Partial<ProxyEventOptions>, RegExp]>([
    ['no body', { body: undefined }, /no body/],
    ['an empty body', { body: '' }, /no body/],
    ['unparseable JSON', { body: '{"query": ' }, /not valid JSON/],
    ['a JSON array', { body: [{ query: '{ entries { id } }' }] }, /must be a JSON object/],
    ['a JSON string', { body: '"{ entries { id } }"' }, /must be a JSON object/],
    ['no query', { body: { variables: {} } }, /no "query" string/],
    ['an empty query', { body: { query: '  ' } }, /no "query" string/],
    ['a query that is not a string', { body: { query: 42 } }, /no "query" string/],
    [
      'variables that are not an object',
      { body: { query: '{ entries { id } }', variables: '[]' } },
      /"variables" must be a JSON object/,
    ],
    [
      'operationName that is not a string',
      { body: { query: '{ entries { id } }', operationName: 1 } },
      /"operationName" must be a string/,
    ],
  ])('%s → 400 BAD_REQUEST', async (_name, options, message) => {
    const { status, body } = await send(options);
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('a request without a Cognito identity → 403 UNAUTHENTICATED', async () => {
    const { status, body } = await send({
      identityId: null,
      body: { query: '{ entries { id } }' },
    });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/Sign in/);
  });

  it('a GET → 405 with Allow: POST', async () => {
    const result = await api.handler(proxyEvent({ identityId: me, httpMethod: 'GET' }));
    expect(result.statusCode).toBe(405);
    expect(result.headers?.['Allow']).toBe('POST');
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('GraphQL-level errors → 200 with errors', () => {
  it('a syntax error is GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await send({ body: { query: '{ entries { id }' } });
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: 'Syntax Error: Expected Name, found <EOF>.',
          locations: [{ line: 1, column: 17 }],
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
  });

  it('an unknown field is GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await send({ body: { query: '{ entries { id title } }' } });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "title" on type "Entry".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('several operations without operationName is BAD_USER_INPUT', async () => {
    const { status, body } = await send({
      body: { query: 'query A { entries { id } } query B { entries { id } }' },
    });
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Must provide operation name if query contains multiple operations.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('GraphQL-over-HTTP', () => {
  const DOC = `
    query Recent($limit: Int) { recentEntries(limit: $limit) { items { content } } }
    mutation Jot($content: String!) { createEntry(content: $content) { content } }
  `;

  it('runs the operation named by operationName, with its variables', async () => {
    const jot = await send({
      body: { query: DOC, operationName: 'Jot', variables: { content: 'by name' } },
    });
    expect(jot).toEqual({ status: 200, body: { data: { createEntry: { content: 'by name' } } } });
    const recent = await send({
      body: { query: DOC, operationName: 'Recent', variables: { limit: 1 } },
    });
    expect(recent.body).toEqual({ data: { recentEntries: { items: [{ content: 'by name' }] } } });
  });

  it('takes null variables and operationName as absent', async () => {
    const { body } = await send({
      body: { query: '{ entries { id } }', variables: null, operationName: null },
    });
    expect(body.errors).toBeUndefined();
  });

  it('reads a base64-encoded body', async () => {
    const content = 'café ☕ über base64';
    const { status, body } = await send({
      isBase64Encoded: true,
      body: {
        query: 'mutation($c: String!) { createEntry(content: $c) { content } }',
        variables: { c: content },
      },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { createEntry: { content } } });
  });

  it('an unknown operationName is BAD_USER_INPUT', async () => {
    const { body } = await send({ body: { query: DOC, operationName: 'Nope' } });
    expect(body.errors?.[0]).toMatchObject({
      message: 'Unknown operation named "Nope".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('unexpected errors', () => {
  const logs: string[] = [];
  afterEach(() => {
    logs.length = 0;
  });

  it('are INTERNAL_SERVER_ERROR with a generic message; the detail is only logged', async () => {
    const broken = createApiHandler({
      client: dynamo.client,
      tableName: 'no-such-table',
      log: (line) => logs.push(line),
    });
    const { status, body } = await send(
      { body: { query: '{ recentEntries { items { id } } }' } },
      broken,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error. Please try again later.',
          locations: [{ line: 1, column: 3 }],
          path: ['recentEntries'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/no-such-table|ResourceNotFound/);
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0]!)).toMatchObject({
      level: 'error',
      where: 'resolver',
      path: 'recentEntries',
      error: 'ResourceNotFoundException',
      requestId: expect.any(String),
    });
  });

  it('thrown by an injected dependency are masked the same way', async () => {
    const throwing = createApiHandler({
      client: dynamo.client,
      tableName: api.tableName,
      log: (line) => logs.push(line),
      now: () => {
        throw new Error('clock is broken');
      },
    });
    const { body } = await send(
      { body: { query: 'mutation { createEntry(content: "x") { id } }' } },
      throwing,
    );
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toContain('clock is broken');
    expect(logs.join('\n')).toContain('clock is broken');
  });

  it('that escape execution are a 500 with a generic message', async () => {
    const handler = createApiHandler({
      client: dynamo.client,
      tableName: api.tableName,
      log: (line) => logs.push(line),
    });
    const event = proxyEvent({ identityId: me, body: { query: '{ entries { id } }' } });
    Object.defineProperty(event, 'body', {
      get() {
        throw new Error('secret detail');
      },
    });
    const result = await handler(event);
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      errors: [
        {
          message: 'Internal server error. Please try again later.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(logs.join('\n')).toContain('secret detail');
  });
});

describe('the Lambda entry point', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('answers 500 without TABLE_NAME', async () => {
    vi.stubEnv('TABLE_NAME', '');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { handler } = await import('../../../backend/api/handler');
    const result = await handler(
      proxyEvent({ identityId: me, body: { query: '{ entries { id } }' } }),
    );
    expect(result.statusCode).toBe(500);
    expect(errors.mock.calls.join('\n')).toContain('TABLE_NAME');
    errors.mockRestore();
  });

  it('uses TABLE_NAME and the default client from the environment', async () => {
    vi.stubEnv('TABLE_NAME', api.tableName);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCAL');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-secret');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', dynamo.endpoint);
    const { handler } = await import('../../../backend/api/handler');
    const someone = newIdentity();
    const send = (query: string) => handler(proxyEvent({ identityId: someone, body: { query } }));
    await send('mutation { createEntry(content: "from the lambda", id: "lambda-1") { id } }');
    const result = await send('{ entry(id: "lambda-1") { content } }');
    expect(JSON.parse(result.body)).toEqual({ data: { entry: { content: 'from the lambda' } } });
  });
});

describe('operationNameOf', () => {
  it.each<[string, string | undefined]>([
    [JSON.stringify({ query: 'query Recent { entries { id } }' }), 'Recent'],
    [JSON.stringify({ query: 'mutation Jot { createEntry(content: "x") { id } }' }), 'Jot'],
    [
      JSON.stringify({
        query: 'query A { entries { id } } query B { entries { id } }',
        operationName: 'B',
      }),
      'B',
    ],
    [JSON.stringify({ query: 'query A { entries { id } } query B { entries { id } }' }), undefined],
    [JSON.stringify({ query: '{ entries { id } }' }), undefined],
    [
      JSON.stringify({
        query: 'fragment F on Entry { id } query WithFragment { entries { ...F } }',
      }),
      'WithFragment',
    ],
    [JSON.stringify({ query: '{ broken' }), undefined],
    [JSON.stringify({ query: '{ broken', operationName: 'Named' }), 'Named'],
    ['not json', undefined],
    ['', undefined],
    ['[]', undefined],
  ])('%s → %s', (body, name) => {
    expect(operationNameOf(body)).toBe(name);
  });
});
