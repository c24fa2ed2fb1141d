import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshBrowser } from '../../../fakes/setup';
import { createCredentials } from '../../../../src/background/aws/credentials';
import { identityPool } from '../../../../src/background/aws/identityPool';
import { createJournalApi } from '../../../../src/background/api/journalClient';
import { clockOffsetKey } from '../../../../src/background/aws/keys';
import { configKey } from '../../../../src/background/config/keys';
import { SESSION_FORGETS } from '../../../../src/background/worker';
import { createSession } from '../../../../src/background/auth/session';
import { signHeaders } from '../../../../src/background/aws/signedFetch';
import { CONFIG, FakeProvider, testClock, tokens } from '../helpers';
import { fakeAws, type FakeAwsOptions } from '../fakeAws';

const SERVER = 1_700_000_000_000;
const ENTRY = { id: 'e1', createDate: '2024-01-01T00:00:00.000Z', updateDate: null, content: 'hi' };

async function setup(
  localMs: number,
  opts: Partial<FakeAwsOptions> = {},
  brokenFetch?: typeof fetch,
) {
  await configKey.set(CONFIG);
  const clock = testClock(localMs);
  const aws = fakeAws({ serverNow: () => SERVER + (clock() - localMs), ...opts });
  const provider = new FakeProvider();
  const session = createSession({
    forget: SESSION_FORGETS,
    clock,
    provider: (_c, s) => provider.attach(s),
  });
  await session.providerFor(CONFIG);
  // Tokens as Cognito issued them at server time, with the drift the library measured.
  const first = tokens(SERVER / 1000, 3600, (localMs - SERVER) / 1000);
  provider.stored = first;
  await session.established('ann@example.com', first);
  const credentials = createCredentials(session, {
    clock,
    identityPool: (c) => identityPool(c, aws.fetch),
  });
  const api = createJournalApi({ session, credentials, clock, fetch: brokenFetch ?? aws.fetch });
  return { aws, api, clock };
}

describe('the signed GraphQL client', () => {
  beforeEach(freshBrowser);

  it('signs as the AWS SDK’s signer does for the same headers', async () => {
    const creds = {
      accessKeyId: 'ASIAX',
      secretAccessKey: 'secret',
      sessionToken: 'tok',
      receivedAt: 0,
      expiresAt: 0,
      tokenId: '',
      identityId: '',
    };
    const body = '{"query":"{ x }"}';
    const date = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
    const ours = signHeaders(creds, 'eu-central-1', CONFIG.graphqlUrl, body, date);
    expect(Object.values(ours)).not.toContain(undefined);
    expect(ours['x-amz-security-token']).toBe('tok');
    // @smithy/signature-v4 (the AWS SDK's signer) over the same headers is the oracle.
    const oracle = await new SignatureV4({
      service: 'execute-api',
      region: 'eu-central-1',
      credentials: { accessKeyId: 'ASIAX', secretAccessKey: 'secret' },
      sha256: Sha256,
      applyChecksum: false,
    }).sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'abc123.execute-api.eu-central-1.amazonaws.com',
        path: '/prod/graphql',
        body,
        headers: {
          host: 'abc123.execute-api.eu-central-1.amazonaws.com',
          accept: 'application/json',
          'content-type': 'application/json',
        },
      },
      { signingDate: date },
    );
    expect(ours.Authorization).toBe(oracle.headers.authorization);
  });

  it('lists recent entries with a named operation', async () => {
    const { api, aws } = await setup(SERVER, {
      graphql: (b) => {
        expect(b.query).toMatch(/^query RecentEntries/);
        expect(b.variables).toEqual({ limit: 5, nextToken: null });
        return { data: { recentEntries: { items: [ENTRY], nextToken: 'n' } } };
      },
    });
    expect(await api.recent({ limit: 5, nextToken: null })).toEqual({
      items: [ENTRY],
      nextToken: 'n',
    });
    expect(aws.count('graphql')).toBe(1);
  });

  it.each([
    { headers: 'readable Date header', exposeHeaders: true },
    { headers: 'CORS-hidden headers (server time from the message)', exposeHeaders: false },
  ])(
    'a clock 20 min slow: corrected from $headers, retried once, then right first time',
    async ({ exposeHeaders }) => {
      const { api, aws } = await setup(SERVER - 20 * 60_000, { exposeHeaders });
      await api.recent({ limit: 5, nextToken: null });
      expect(aws.count('graphql')).toBe(2);
      expect(Math.abs((await clockOffsetKey.get()) - 20 * 60_000)).toBeLessThan(1000);
      await api.recent({ limit: 5, nextToken: null });
      expect(aws.count('graphql')).toBe(3);
    },
  );

  it('retries a skew refusal only once', async () => {
    // A gateway that always calls the signature expired: one correction, one retry, then give up.
    let attempts = 0;
    const { aws } = await setup(SERVER);
    const stuck: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/graphql')) return aws.fetch(input, init);
      attempts += 1;
      const message =
        'Signature expired: 20200101T000000Z is now earlier than 20240101T115500Z (20240101T120000Z - 5 min.)';
      return new Response(JSON.stringify({ message }), { status: 403 });
    };
    const { api } = await setup(SERVER, {}, stuck);
    await expect(api.recent({ limit: 5, nextToken: null })).rejects.toMatchObject({ code: 'AUTH' });
    expect(attempts).toBe(2);
  });

  it('expired credentials: renewed once and retried once', async () => {
    const { api, aws } = await setup(SERVER);
    await api.recent({ limit: 5, nextToken: null });
    aws.expireAll();
    await api.recent({ limit: 5, nextToken: null });
    expect(aws.count('GetCredentialsForIdentity')).toBe(2);
    expect(aws.count('graphql')).toBe(3);
  });

  it('credentials refused again after renewal: AUTH, no loop', async () => {
    let attempts = 0;
    const { aws } = await setup(SERVER);
    const refusing: typeof fetch = async (input, init) =>
      String(input).endsWith('/graphql') && ++attempts
        ? new Response(
            JSON.stringify({ message: 'The security token included in the request is invalid.' }),
            { status: 403 },
          )
        : aws.fetch(input, init);
    const { api } = await setup(SERVER, {}, refusing);
    await expect(api.recent({ limit: 5, nextToken: null })).rejects.toMatchObject({ code: 'AUTH' });
    expect(attempts).toBe(2);
  });

  it.each([
    { code: 'BAD_USER_INPUT', message: 'Write something first: the entry is empty.' },
    { code: 'NOT_FOUND', message: 'No entry with id "x".' },
  ])('a GraphQL $code keeps the API’s message', async ({ code, message }) => {
    const { api } = await setup(SERVER, {
      graphql: () => ({ data: { createEntry: null }, errors: [{ message, extensions: { code } }] }),
    });
    await expect(
      api.create({ id: 'x', content: ' ', createDate: ENTRY.createDate }),
    ).rejects.toMatchObject({ code, message });
  });

  it('offline: NETWORK', async () => {
    const { aws } = await setup(SERVER);
    const offline: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/graphql')) throw new TypeError('Failed to fetch');
      return aws.fetch(input, init);
    };
    const { api } = await setup(SERVER, {}, offline);
    await expect(api.recent({ limit: 5, nextToken: null })).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});
