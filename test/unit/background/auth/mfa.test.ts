import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../../fakes/setup';
import { createAccount } from '../../../../src/background/auth/account';
import { challengeKey } from '../../../../src/background/auth/keys';
import { configKey } from '../../../../src/background/config/keys';
import { SESSION_FORGETS } from '../../../../src/background/worker';
import { createMfa } from '../../../../src/background/auth/mfa';
import {
  CHALLENGE_EXPIRED,
  CODE_FORMAT,
  USED_CODE,
  WRONG_CODE,
} from '../../../../src/background/auth/mfaErrors';
import { createSession } from '../../../../src/background/auth/session';
import { resetStorageCache } from '../../../../src/shared/storage';
import { awsError, CONFIG, FakeProvider, testClock, tokens } from '../helpers';

const T0 = 1_700_000_000;
const CHALLENGE = { username: 'sub-1', session: 'session-after-password' };

/** A worker's auth objects over one FakeProvider; calling it again is a restarted worker. */
function worker(provider: FakeProvider) {
  resetStorageCache(); // nothing in memory survives a stopped worker
  const session = createSession({
    clock: testClock(T0 * 1000 + 60_000),
    provider: (_c, storage) => provider.attach(storage),
    forget: SESSION_FORGETS,
  });
  return { session, account: createAccount(session), mfa: createMfa(session) };
}

async function everything(): Promise<string> {
  return JSON.stringify([
    await browser.storage.local.get(null),
    await browser.storage.session.get(null),
  ]);
}

describe('two-step sign-in in the worker', () => {
  beforeEach(async () => {
    freshBrowser();
    await configKey.set(CONFIG);
  });

  it('keeps the SOFTWARE_TOKEN_MFA challenge in storage.session across a worker stop, and clears it once signed in', async () => {
    const provider = new FakeProvider();
    provider.signInResult = () => Promise.resolve({ kind: 'totp', challenge: CHALLENGE });
    const first = worker(provider);
    expect(await first.account.signIn('Ann@Example.com ', 'pw')).toEqual({ next: 'totp' });
    expect((await first.session.view()).signedIn).toBe(false);
    const stored = await browser.storage.session.get(null);
    expect(JSON.stringify(stored)).toContain('session-after-password');
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(
      'session-after-password',
    );

    const fresh = tokens(T0);
    provider.mfaAnswer = () => Promise.resolve(fresh);
    const second = worker(provider); // the worker was stopped and woke for the code
    const view = await second.mfa.answerTotp(' 123 456 ');
    expect(view).toMatchObject({ signedIn: true, email: 'ann@example.com' });
    expect(provider.mfaCalls).toEqual([
      {
        method: 'answerTotp',
        args: [{ ...CHALLENGE, email: 'ann@example.com', kind: 'totp' }, '123456'],
      },
    ]);
    expect(await challengeKey.get()).toBeNull();
  });

  it('a wrong or used code says so and keeps the challenge for another try', async () => {
    const provider = new FakeProvider();
    provider.signInResult = () => Promise.resolve({ kind: 'totp', challenge: CHALLENGE });
    const { account, mfa } = worker(provider);
    await account.signIn('ann@example.com', 'pw');
    provider.mfaAnswer = () =>
      Promise.reject(awsError('CodeMismatchException', 'Invalid code received for user'));
    await expect(mfa.answerTotp('000000')).rejects.toMatchObject({
      code: 'AUTH',
      message: WRONG_CODE,
    });
    provider.mfaAnswer = () =>
      Promise.reject(
        awsError('ExpiredCodeException', 'Your software token has already been used once.'),
      );
    await expect(mfa.answerTotp('111111')).rejects.toMatchObject({ message: USED_CODE });
    expect(await challengeKey.get()).toMatchObject({ kind: 'totp' });
    await expect(mfa.answerTotp('12345')).rejects.toMatchObject({ message: CODE_FORMAT });
    expect(provider.mfaCalls).toHaveLength(2); // a malformed code never goes to Cognito
  });

  it('an expired challenge session says "start again" and is forgotten; so is a missing one', async () => {
    const provider = new FakeProvider();
    provider.signInResult = () => Promise.resolve({ kind: 'totp', challenge: CHALLENGE });
    const { account, mfa } = worker(provider);
    await account.signIn('ann@example.com', 'pw');
    provider.mfaAnswer = () =>
      Promise.reject(
        awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      );
    await expect(mfa.answerTotp('123456')).rejects.toMatchObject({
      reason: 'ChallengeExpired',
      message: CHALLENGE_EXPIRED,
    });
    expect(CHALLENGE_EXPIRED).toContain('Start again');
    expect(await challengeKey.get()).toBeNull();
    await expect(mfa.answerTotp('123456')).rejects.toMatchObject({ reason: 'ChallengeExpired' });
    // A new-password answer cannot be sent with a second-factor challenge either.
    provider.signInResult = () => Promise.resolve({ kind: 'totp', challenge: CHALLENGE });
    await account.signIn('ann@example.com', 'pw');
    await expect(account.completeNewPassword('N3w-password!')).rejects.toMatchObject({
      reason: 'NoChallenge',
    });
  });

  it('MFA_SETUP: the secret goes to the page only, the rotated Session is kept, and the code signs in', async () => {
    const provider = new FakeProvider();
    provider.signInResult = () => Promise.resolve({ kind: 'mfaSetup', challenge: CHALLENGE });
    const { account } = worker(provider);
    expect(await account.signIn('ann@example.com', 'pw')).toEqual({ next: 'mfaSetup' });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    provider.mfaAnswer = (method) =>
      method === 'associateForSetup'
        ? Promise.resolve({ secret, challenge: { ...CHALLENGE, session: 'rotated' } })
        : Promise.resolve(tokens(T0));
    const restarted = worker(provider);
    expect(await restarted.mfa.mfaSetupStart()).toEqual({ secret });
    expect(await everything()).not.toContain(secret);
    expect(await challengeKey.get()).toMatchObject({ session: 'rotated', kind: 'mfaSetup' });
    const view = await worker(provider).mfa.mfaSetupVerify('123456');
    expect(view.signedIn).toBe(true);
    expect(provider.mfaCalls.at(-1)).toEqual({
      method: 'verifyForSetup',
      args: [
        { ...CHALLENGE, session: 'rotated', email: 'ann@example.com', kind: 'mfaSetup' },
        '123456',
      ],
    });
    expect(await challengeKey.get()).toBeNull();
  });

  it('signed in: turning on verifies the first code then sets the preference; turning off needs a current code', async () => {
    const provider = new FakeProvider();
    const { session, mfa } = worker(provider);
    await session.providerFor(CONFIG);
    const t = tokens(T0);
    provider.stored = t;
    await session.established('ann@example.com', t);
    provider.mfaAnswer = (method) =>
      method === 'associateTotp' ? Promise.resolve('SECRETSECRET') : Promise.resolve(undefined);
    expect(await mfa.setupStart()).toEqual({ secret: 'SECRETSECRET' });
    expect(await everything()).not.toContain('SECRETSECRET');
    expect(await mfa.setupVerify('123456')).toEqual({ enabled: true });
    expect(provider.mfaCalls.map((c) => [c.method, ...c.args])).toEqual([
      ['associateTotp'],
      ['verifyTotp', '123456'],
      ['setTotpEnabled', true],
    ]);

    provider.mfaCalls = [];
    provider.mfaAnswer = (method) =>
      method === 'verifyTotp'
        ? Promise.reject(awsError('EnableSoftwareTokenMFAException', 'Code mismatch'))
        : Promise.resolve(undefined);
    await expect(mfa.turnOff('654321')).rejects.toMatchObject({ message: WRONG_CODE });
    expect(provider.mfaCalls.map((c) => c.method)).toEqual(['verifyTotp']); // still on
    provider.mfaAnswer = () => Promise.resolve(undefined);
    expect(await mfa.turnOff('654321')).toEqual({ enabled: false });
    expect(provider.mfaCalls.map((c) => [c.method, ...c.args]).slice(-1)).toEqual([
      ['setTotpEnabled', false],
    ]);
  });
});
