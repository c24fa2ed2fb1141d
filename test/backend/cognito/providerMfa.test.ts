/**
 * The real Cognito adapter's two-step sign-in calls (src/background/auth/cognitoMfa.ts over
 * amazon-cognito-identity-js) against the local User Pool in Node: what the worker's unit tests
 * script on the fake (answerTotp, associateForSetup, verifyForSetup, mfaEnabled, associateTotp,
 * verifyTotp, setTotpEnabled) is checked here on the real library, each challenge answered on a
 * provider built afresh, as a restarted worker does.
 */
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exceptionName } from '../../../src/background/auth/cognitoErrors';
import { cognitoProvider } from '../../../src/background/auth/cognitoProvider';
import { CognitoStorage } from '../../../src/background/auth/cognitoStorage';
import type { IdentityProvider } from '../../../src/background/auth/identityProvider';
import { cognitoStoreKey } from '../../../src/background/auth/keys';
import { freshBrowser } from '../../fakes/setup';
import { CLIENT_ID, PASSWORD, REGION, USER_POOL_ID, startStack, type Stack } from './fixture';

const ANN = 'ann@example.com';
let stack: Stack;

async function provider(): Promise<IdentityProvider> {
  const storage = new CognitoStorage(cognitoStoreKey);
  await storage.hydrate();
  return cognitoProvider(
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
}

const code = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: stack.clock.now() + steps * 30_000,
  });

const rejection = (p: Promise<unknown>) => p.then(() => 'resolved', exceptionName);

describe('the Cognito adapter’s two-step sign-in, against the local User Pool', () => {
  beforeEach(() => freshBrowser());
  afterEach(() => stack.close());

  it('turns TOTP on signed in, then answers SOFTWARE_TOKEN_MFA from a rebuilt provider', async () => {
    stack = await startStack();
    await stack.userPool.ensureUser(ANN, PASSWORD);
    const p = await provider();
    expect((await p.signIn(ANN, PASSWORD)).kind).toBe('done');
    expect(await p.mfaEnabled()).toBe(false);
    const secret = await p.associateTotp();
    expect(await rejection(p.verifyTotp(code(secret, 5)))).toBe('EnableSoftwareTokenMFAException');
    await p.verifyTotp(code(secret));
    await p.setTotpEnabled(true);
    expect(await p.mfaEnabled()).toBe(true);

    stack.clock.advance(30_000);
    const outcome = await p.signIn(ANN, PASSWORD);
    if (outcome.kind !== 'totp') throw new Error(`expected totp, got ${outcome.kind}`);
    const again = await provider(); // the worker stopped between the password and the code
    expect(await rejection(again.answerTotp(outcome.challenge, code(secret, 5)))).toBe(
      'CodeMismatchException',
    );
    const tokens = await again.answerTotp(outcome.challenge, code(secret));
    expect(again.current()?.refreshToken).toBe(tokens.refreshToken);

    await again.verifyTotp(code(secret, 1)); // a current code, before turning off
    await again.setTotpEnabled(false);
    expect(await again.mfaEnabled()).toBe(false);
  });

  it('MFA_SETUP: associates by Session (rotated), verifies, and signs in', async () => {
    stack = await startStack({ mfa: 'required' });
    await stack.userPool.ensureUser(ANN, PASSWORD);
    const outcome = await (await provider()).signIn(ANN, PASSWORD);
    if (outcome.kind !== 'mfaSetup') throw new Error(`expected mfaSetup, got ${outcome.kind}`);
    const { secret, challenge } = await (await provider()).associateForSetup(outcome.challenge);
    expect(challenge.session).not.toBe(outcome.challenge.session);
    const p = await provider();
    const tokens = await p.verifyForSetup(challenge, code(secret));
    expect(p.current()?.idToken).toBe(tokens.idToken);
    expect(await p.mfaEnabled()).toBe(true);
  });
});
