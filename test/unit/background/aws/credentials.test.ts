import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../../fakes/setup';
import { createCredentials } from '../../../../src/background/aws/credentials';
import { identityPool } from '../../../../src/background/aws/identityPool';
import { configKey } from '../../../../src/background/config/keys';
import { SESSION_FORGETS } from '../../../../src/background/worker';
import { createSession } from '../../../../src/background/auth/session';
import { CONFIG, FakeProvider, testClock, tokens } from '../helpers';
import { fakeAws } from '../fakeAws';

const T0 = 1_700_000_000;

async function setup(credentialsTtlS = 3600) {
  await configKey.set(CONFIG);
  const clock = testClock(T0 * 1000);
  const aws = fakeAws({ serverNow: clock, credentialsTtlS });
  const provider = new FakeProvider();
  const session = createSession({
    forget: SESSION_FORGETS,
    clock,
    provider: (_c, s) => provider.attach(s),
  });
  await session.providerFor(CONFIG);
  const first = tokens(T0, 4 * 3600);
  provider.stored = first;
  await session.established('ann@example.com', first);
  const credentials = createCredentials(session, {
    clock,
    identityPool: (config) => identityPool(config, aws.fetch),
  });
  return { clock, aws, provider, session, credentials };
}

describe('Identity Pool credentials', () => {
  beforeEach(freshBrowser);

  it('asks GetId once per user, keeps the credentials in storage.session only', async () => {
    const { aws, credentials } = await setup();
    const first = await credentials.get();
    expect(first.accessKeyId).toBe('ASIAFAKE1');
    expect(await credentials.get()).toEqual(first);
    expect(aws.calls).toEqual(['GetId', 'GetCredentialsForIdentity']);
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain('ASIAFAKE1');
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('ASIA');
  });

  it('five concurrent callers cause one GetCredentialsForIdentity', async () => {
    const { aws, credentials } = await setup();
    const all = await Promise.all(Array.from({ length: 5 }, () => credentials.get()));
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(aws.count('GetCredentialsForIdentity')).toBe(1);
  });

  it('a new ID token means new credentials; the identity id is kept', async () => {
    const { aws, credentials, provider, clock } = await setup();
    const before = await credentials.get();
    clock.advance(60_000);
    provider.stored = tokens(T0 + 60, 4 * 3600); // e.g. refreshed on another path
    const after = await credentials.get();
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
    expect(aws.count('GetId')).toBe(1);
    expect(aws.count('GetCredentialsForIdentity')).toBe(2);
  });

  it.each([
    { ttlS: 3600, afterS: 54 * 60, renewed: false },
    { ttlS: 3600, afterS: 55 * 60, renewed: true },
    { ttlS: 10, afterS: 4, renewed: false },
    { ttlS: 10, afterS: 5, renewed: true },
  ])(
    'credentials for $ttlS s, $afterS s later: renewed=$renewed',
    async ({ ttlS, afterS, renewed }) => {
      const { aws, credentials, clock } = await setup(ttlS);
      await credentials.get();
      clock.advance(afterS * 1000);
      await credentials.get();
      expect(aws.count('GetCredentialsForIdentity')).toBe(renewed ? 2 : 1);
    },
  );

  it('renew() after a refusal renews once, even for several callers refused together', async () => {
    const { aws, credentials } = await setup();
    const rejected = await credentials.get();
    const renewed = await Promise.all([credentials.renew(rejected), credentials.renew(rejected)]);
    expect(renewed[0].accessKeyId).not.toBe(rejected.accessKeyId);
    expect(await credentials.renew(rejected)).toEqual(renewed[0]); // someone already renewed
    expect(aws.count('GetCredentialsForIdentity')).toBe(2);
  });

  it('offline: NETWORK, and nothing cleared', async () => {
    const { credentials, session } = await setup();
    const offline = createCredentials(session, {
      clock: () => T0 * 1000,
      identityPool: (config) =>
        identityPool(config, () => Promise.reject(new TypeError('Failed to fetch'))),
    });
    await expect(offline.get()).rejects.toMatchObject({ code: 'NETWORK' });
    expect((await session.view()).signedIn).toBe(true);
    await expect(credentials.get()).resolves.toMatchObject({ accessKeyId: 'ASIAFAKE1' });
  });
});
