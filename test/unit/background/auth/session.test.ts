import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../../fakes/setup';
import { SESSION_ENDED } from '../../../../src/background/auth/cognitoErrors';
import { credentialsKey } from '../../../../src/background/aws/keys';
import { configKey } from '../../../../src/background/config/keys';
import { SESSION_FORGETS } from '../../../../src/background/worker';
import { createSession } from '../../../../src/background/auth/session';
import { accountKey } from '../../../../src/shared/keys';
import { isJournalError } from '../../../../src/shared/errors';
import { awsError, CONFIG, FakeProvider, testClock, tick, tokens } from '../helpers';

const T0 = 1_700_000_000; // server seconds when the first tokens were issued

async function signedIn(clock = testClock(T0 * 1000), first = tokens(T0)) {
  await configKey.set(CONFIG);
  const provider = new FakeProvider();
  const session = createSession({
    forget: SESSION_FORGETS,
    clock,
    provider: (_c, storage) => provider.attach(storage),
  });
  await session.providerFor(CONFIG);
  provider.stored = first;
  await session.established('ann@example.com', first);
  return { session, provider, clock, first };
}

describe('the session’s tokens', () => {
  beforeEach(freshBrowser);

  it('refuses with NOT_SIGNED_IN when nobody is signed in', async () => {
    await configKey.set(CONFIG);
    const session = createSession({
      forget: SESSION_FORGETS,
      clock: () => 0,
      provider: (_c, s) => new FakeProvider().attach(s),
    });
    await expect(session.tokens()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('refuses with NOT_CONFIGURED before any configuration', async () => {
    const session = createSession({
      forget: SESSION_FORGETS,
      clock: () => 0,
      provider: (_c, s) => new FakeProvider().attach(s),
    });
    await expect(session.tokens()).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });

  it.each([
    // 1-hour tokens issued at T0 (server time); refresh 5 min before expiry, on the server's clock
    { when: 'fresh', driftS: 0, localS: T0 + 60, refreshes: 0 },
    { when: '54 min old', driftS: 0, localS: T0 + 54 * 60, refreshes: 0 },
    { when: '55 min old', driftS: 0, localS: T0 + 55 * 60, refreshes: 1 },
    { when: 'expired', driftS: 0, localS: T0 + 2 * 3600, refreshes: 1 },
    { when: '54 min old, clock 1 h fast', driftS: 3600, localS: T0 + 3600 + 54 * 60, refreshes: 0 },
    {
      when: '56 min old, clock 1 h slow',
      driftS: -3600,
      localS: T0 - 3600 + 56 * 60,
      refreshes: 1,
    },
  ])('$when: $refreshes refresh', async ({ driftS, localS, refreshes }) => {
    const { session, provider } = await signedIn(
      testClock(localS * 1000),
      tokens(T0, 3600, driftS),
    );
    const next = tokens(localS);
    provider.nextRefresh = () => Promise.resolve(next);
    const got = await session.tokens();
    expect(provider.refreshCalls).toBe(refreshes);
    if (refreshes) expect(got.idToken).toBe(next.idToken);
  });

  it('refreshes once for five concurrent callers', async () => {
    const { session, provider, clock } = await signedIn();
    clock.set((T0 + 3590) * 1000);
    let release!: () => void;
    const next = tokens(T0 + 3590);
    provider.nextRefresh = () => new Promise((resolve) => (release = () => resolve(next)));
    const callers = Array.from({ length: 5 }, () => session.tokens());
    await tick(); // let them all reach the refresh
    release();
    const results = await Promise.all(callers);
    expect(provider.refreshCalls).toBe(1);
    expect(new Set(results.map((t) => t.idToken))).toEqual(new Set([next.idToken]));
  });

  it('an expired or revoked refresh token ends the session, with a reason to show', async () => {
    const { session, provider, clock } = await signedIn();
    await credentialsKey.set({
      accessKeyId: 'ASIAOLD',
      secretAccessKey: 's',
      sessionToken: 't',
      receivedAt: 0,
      expiresAt: 1,
      tokenId: 'x',
      identityId: 'i',
    });
    clock.set((T0 + 7200) * 1000);
    provider.nextRefresh = () =>
      Promise.reject(awsError('NotAuthorizedException', 'Refresh Token has been revoked'));
    const err: unknown = await session.tokens().catch((e: unknown) => e);
    expect(isJournalError(err, 'NOT_SIGNED_IN') && err.message).toBe(SESSION_ENDED);
    expect(await session.view()).toMatchObject({
      signedIn: false,
      email: null,
      signedOutReason: SESSION_ENDED,
    });
    expect(await accountKey.get()).toBeNull();
    const local = JSON.stringify(await browser.storage.local.get(null));
    expect(local).not.toContain('refresh-');
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it.each([
    { what: 'offline (fetch TypeError)', err: new TypeError('Failed to fetch') },
    {
      what: 'the library’s network error',
      err: Object.assign(new Error('Network error'), { code: 'NetworkError' }),
    },
    {
      what: 'a 503',
      err: Object.assign(awsError('ServiceUnavailable', 'down'), { statusCode: 503 }),
    },
    { what: 'InternalErrorException', err: awsError('InternalErrorException', 'boom') },
  ])('$what never signs anyone out: NETWORK', async ({ err }) => {
    const { session, provider, clock, first } = await signedIn();
    clock.set((T0 + 7200) * 1000);
    provider.nextRefresh = () => Promise.reject(err);
    await expect(session.tokens()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await session.view()).toMatchObject({
      signedIn: true,
      email: 'ann@example.com',
      signedOutReason: null,
    });
    expect(provider.stored?.refreshToken).toBe(first.refreshToken);
    expect(await accountKey.get()).toMatchObject({ email: 'ann@example.com' });
  });
});
