import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../../fakes/setup';
import type { Handlers } from '../../../../src/background/messages/router';
import { createWorker, liveDeps } from '../../../../src/background/worker';
import { isJournalError } from '../../../../src/shared/errors';
import { CONFIG, jwt } from '../helpers';

const PREFIX = `CognitoIdentityServiceProvider.${CONFIG.userPoolClientId}`;
const now = Math.floor(Date.now() / 1000);
const ID_TOKEN = jwt({
  sub: 'sub-1',
  email: 'ann@example.com',
  iat: now,
  exp: now + 3600,
  jti: 'j1',
});
const ACCESS_TOKEN = jwt({ sub: 'sub-1', iat: now, exp: now + 3600, jti: 'a1' });

/** Storage as a signed-in worker leaves it: the library's tokens, credentials, caches, drafts. */
async function signedInStorage() {
  await browser.storage.local.set({
    backendConfig: CONFIG,
    cognitoStore: {
      [`${PREFIX}.LastAuthUser`]: 'sub-1',
      [`${PREFIX}.sub-1.idToken`]: ID_TOKEN,
      [`${PREFIX}.sub-1.accessToken`]: ACCESS_TOKEN,
      [`${PREFIX}.sub-1.refreshToken`]: 'eyJrefresh',
      [`${PREFIX}.sub-1.clockDrift`]: '0',
    },
    identity: {
      identityPoolId: CONFIG.identityPoolId,
      sub: 'sub-1',
      identityId: 'eu-central-1:id',
    },
    account: { email: 'ann@example.com', sub: 'sub-1' },
    recentCache: { items: [], nextToken: null, savedAt: 1 },
    draft: { text: 'unsent words', updatedAt: 1 },
    outbox: [],
  });
  await browser.storage.session.set({
    awsCredentials: {
      accessKeyId: 'ASIAKEY',
      secretAccessKey: 's',
      sessionToken: 'tok',
      receivedAt: 0,
      expiresAt: 1,
      tokenId: 'j1',
      identityId: 'eu-central-1:id',
    },
  });
}

// A new worker per test: it starts from storage, as a restarted worker does.
let handlers: Handlers;

const run = <K extends keyof Handlers>(type: K, request: unknown) => {
  const h = handlers[type] as { parse(r: unknown): unknown; run(r: unknown): unknown };
  return Promise.resolve(h.run(h.parse(request))) as Promise<unknown>;
};

describe('session message handlers', () => {
  beforeEach(() => {
    freshBrowser();
    handlers = createWorker(liveDeps()).handlers;
    // Offline: nothing here may reach a real AWS.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('config.get: none at first, then the saved one', async () => {
    expect(await run('config.get', undefined)).toEqual({ config: null, source: 'none' });
    await run('config.save', { json: JSON.stringify(CONFIG) });
    expect(await run('config.get', undefined)).toEqual({ config: CONFIG, source: 'saved' });
  });

  it.each([
    { bad: 'not json', field: '(JSON)' },
    {
      bad: JSON.stringify({ ...CONFIG, graphqlUrl: 'http://evil.example/graphql' }),
      field: 'graphqlUrl',
    },
    { bad: JSON.stringify({ ...CONFIG, region: undefined }), field: 'region' },
  ])('config.save refuses $field and keeps the old config', async ({ bad, field }) => {
    await run('config.save', { json: JSON.stringify(CONFIG) });
    const err: unknown = await run('config.save', { json: bad }).catch((e: unknown) => e);
    expect(isJournalError(err, 'INVALID_CONFIG') && err.reason).toBe(field);
    expect((err as Error).message).toContain(field === '(JSON)' ? 'JSON' : field);
    expect((await browser.storage.local.get('backendConfig')).backendConfig).toEqual(CONFIG);
  });

  it('saving the same backend keeps the person signed in; another backend signs them out', async () => {
    await signedInStorage();
    const same = await run('config.save', { json: JSON.stringify(CONFIG) });
    expect(same).toMatchObject({ signedOut: false });
    expect(await run('session.get', undefined)).toMatchObject({
      signedIn: true,
      email: 'ann@example.com',
    });
    const other = {
      ...CONFIG,
      graphqlUrl: 'https://other.execute-api.eu-central-1.amazonaws.com/prod/graphql',
    };
    expect(await run('config.save', { json: JSON.stringify(other) })).toMatchObject({
      signedOut: true,
    });
    expect(await run('session.get', undefined)).toMatchObject({
      signedIn: false,
      configured: true,
    });
  });

  it('signing in with no configuration says what to do', async () => {
    await expect(run('auth.signIn', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message: 'Set up the backend first: paste its configuration below.',
    });
  });

  it('signing in offline is NETWORK with a sentence', async () => {
    await browser.storage.local.set({ backendConfig: CONFIG });
    await expect(run('auth.signIn', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'Can’t reach the sign-in service. Check your connection and try again.',
    });
  });

  it.each([{ everywhere: false }, { everywhere: true }])(
    'sign-out (everywhere: $everywhere, offline) leaves no token, credential or cached entry',
    async ({ everywhere }) => {
      await signedInStorage();
      expect(await run('session.get', undefined)).toMatchObject({ signedIn: true });
      const view = await run('auth.signOut', { everywhere });
      expect(view).toEqual({
        configured: true,
        signedIn: false,
        email: null,
        signedOutReason: null,
      });
      const local = await browser.storage.local.get(null);
      const session = await browser.storage.session.get(null);
      const everything = JSON.stringify({ local, session });
      for (const secret of ['eyJ', 'ASIA', 'tok', 'eu-central-1:id'])
        expect(everything).not.toContain(secret);
      expect(Object.keys(local).sort()).toEqual(['backendConfig', 'draft', 'outbox']);
      expect(local.draft).toEqual({ text: 'unsent words', updatedAt: 1 });
      expect(session).toEqual({});
    },
  );
});
