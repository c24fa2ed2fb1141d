/**
 * Entries belong to the User Pool user (`sub`), not to the Identity Pool's identity id: a redeploy
 * makes a new Identity Pool with new ids, and the retained table must still answer to its owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOf } from '../../../backend/api/owner';
import { newIdentity, startTestApi, type GraphQLBody, type TestApi } from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';
import { proxyEvent } from './events';

let dynamo: LocalDynamo;
let api: TestApi;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
});

afterAll(async () => {
  await dynamo.close();
});

const provider = (sub: string, pool = 'eu-central-1_AbCdEf123') =>
  `cognito-idp.eu-central-1.amazonaws.com/${pool},cognito-idp.eu-central-1.amazonaws.com/${pool}:CognitoSignIn:${sub}`;

/** A request as API Gateway sends it: identity id from one Identity Pool, sub from the User Pool. */
async function asUser(identityId: string, sub: string | null, query: string) {
  const event = proxyEvent({ identityId, body: { query } });
  event.requestContext.identity.cognitoAuthenticationProvider = sub === null ? null : provider(sub);
  const result = await api.handler(event);
  return { status: result.statusCode, body: JSON.parse(result.body) as GraphQLBody };
}

describe('whose entries', () => {
  it('the same User Pool user under a new Identity Pool identity sees the same entries', async () => {
    const sub = '8f2c1c4e-6a1b-4c35-9d0e-3b5f0c2a7e11';
    const before = await asUser(
      newIdentity(),
      sub,
      'mutation { createEntry(content: "kept") { id } }',
    );
    expect(before.status).toBe(200);
    const after = await asUser(newIdentity(), sub, '{ recentEntries { items { content } } }');
    expect(after.body).toEqual({ data: { recentEntries: { items: [{ content: 'kept' }] } } });
    const someoneElse = await asUser(
      newIdentity(),
      '0b7e7d43-0000-4000-8000-000000000000',
      '{ entries { id } }',
    );
    expect(someoneElse.body).toEqual({ data: { entries: [] } });
  });

  it('an identity without a User Pool sign-in is refused with 403', async () => {
    const answer = await asUser(newIdentity(), null, '{ entries { id } }');
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('ownerOf', () => {
  it('reads the sub after CognitoSignIn', () => {
    expect(ownerOf({ cognitoAuthenticationProvider: provider('abc-123') })).toBe('abc-123');
  });

  it.each([
    ['no provider', null],
    ['a provider without a sign-in', 'cognito-idp.eu-central-1.amazonaws.com/eu-central-1_A'],
    ['another login kind', 'graph.facebook.com,graph.facebook.com:12345'],
    ['a sub with odd characters', provider('a/b')],
    ['an empty sub', provider('')],
  ])('has no owner for %s', (_name, value) => {
    expect(ownerOf({ cognitoAuthenticationProvider: value })).toBeUndefined();
  });
});
