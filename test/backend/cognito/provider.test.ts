/**
 * One suite for the IdentityProvider interface, run against the fake the unit tests use and against
 * the real adapter (src/background/auth/cognitoProvider.ts over amazon-cognito-identity-js) talking
 * to the local User Pool in Node: what the unit tests assume of the fake is checked on the real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exceptionName } from '../../../src/background/auth/cognitoErrors';
import { cognitoProvider } from '../../../src/background/auth/cognitoProvider';
import { CognitoStorage } from '../../../src/background/auth/cognitoStorage';
import type { IdentityProvider } from '../../../src/background/auth/identityProvider';
import { idClaims } from '../../../src/background/auth/jwt';
import { cognitoStoreKey } from '../../../src/background/auth/keys';
import { freshBrowser } from '../../fakes/setup';
import { FakeProvider, tokens } from '../../unit/background/helpers';
import { CLIENT_ID, PASSWORD, REGION, USER_POOL_ID, startStack, type Stack } from './fixture';

const ANN = 'ann@example.com';
const BOB = 'bob@example.com';

interface Subject {
  provider: IdentityProvider;
  storage: CognitoStorage;
}

function providerSuite(name: string, make: () => Promise<Subject>) {
  describe(`IdentityProvider: ${name}`, () => {
    let subject: Subject;
    beforeEach(async () => {
      freshBrowser();
      subject = await make();
    });

    // What the provider left in the worker's storage for the library (its private map).
    const stored = () =>
      JSON.stringify([...(subject.storage as unknown as { items: Map<string, string> }).items]);

    it('signs in with the right password; current() gives the same tokens, from storage', async () => {
      const outcome = await subject.provider.signIn(ANN, PASSWORD);
      expect(outcome.kind).toBe('done');
      if (outcome.kind !== 'done') return;
      expect(idClaims(outcome.tokens.idToken).exp).toBeGreaterThan(
        idClaims(outcome.tokens.idToken).iat,
      );
      expect(subject.provider.current()).toMatchObject({
        idToken: outcome.tokens.idToken,
        refreshToken: outcome.tokens.refreshToken,
      });
      expect(stored()).toContain(outcome.tokens.refreshToken);
    });

    it('refuses a wrong password as NotAuthorizedException and stores nothing', async () => {
      const err: unknown = await subject.provider
        .signIn(ANN, 'Wrong-Pass1!')
        .catch((e: unknown) => e);
      expect(exceptionName(err)).toBe('NotAuthorizedException');
      expect(subject.provider.current()).toBeNull();
    });

    it('keepOnly(the one signed in now) leaves nothing of who signed in before', async () => {
      const first = await subject.provider.signIn(ANN, PASSWORD);
      const second = await subject.provider.signIn(BOB, PASSWORD);
      if (first.kind !== 'done' || second.kind !== 'done') throw new Error('not signed in');
      subject.provider.keepOnly(second.tokens.username);
      expect(stored()).not.toContain(first.tokens.refreshToken);
      expect(stored()).not.toContain(first.tokens.idToken);
      expect(subject.provider.current()?.refreshToken).toBe(second.tokens.refreshToken);
    });
  });
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.userPool.ensureUser(ANN, PASSWORD);
  await stack.userPool.ensureUser(BOB, PASSWORD);
});
afterAll(() => stack.close());

providerSuite('the real Cognito adapter against the local User Pool', async () => {
  const storage = new CognitoStorage(cognitoStoreKey);
  await storage.hydrate();
  const provider = cognitoProvider(
    {
      region: REGION,
      userPoolId: USER_POOL_ID,
      userPoolClientId: CLIENT_ID,
      identityPoolId: `${REGION}:00000000-0000-0000-0000-000000000000`,
      graphqlUrl: 'http://127.0.0.1:1/prod/graphql',
      cognitoIdpEndpoint: `${stack.url}/`,
    },
    storage,
  );
  return { provider, storage };
});

providerSuite('the unit tests’ fake', async () => {
  const storage = new CognitoStorage(cognitoStoreKey);
  await storage.hydrate();
  const fake = new FakeProvider().attach(storage);
  fake.users.set(ANN, PASSWORD);
  fake.users.set(BOB, PASSWORD);
  fake.nextRefresh = () => Promise.resolve(tokens(1_800_000_000));
  return { provider: fake, storage };
});
