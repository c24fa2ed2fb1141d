import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, failure, srpSignIn, startStack, type Stack } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'cognito-idp-'));
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps no password on disk, and keeps key, users and sessions across a restart', async () => {
  stack = await startStack({ dataDir: dir });
  await stack.idp.send(
    new SignUpCommand({ ClientId: CLIENT_ID, Username: 'kim@example.com', Password: PASSWORD }),
  );
  await stack.idp.send(
    new ConfirmSignUpCommand({
      ClientId: CLIENT_ID,
      Username: 'kim@example.com',
      ConfirmationCode: stack.codeFor('kim@example.com'),
    }),
  );
  await stack.userPool.ensureUser('demo@example.com', 'Demo-Pass1!');
  const signedIn = await srpSignIn(stack.url, 'kim@example.com', PASSWORD);
  if (!('session' in signedIn)) throw new Error('expected tokens');
  const refreshToken = signedIn.session.getRefreshToken().getToken();
  const idToken = signedIn.session.getIdToken().getJwtToken();
  const jwks = stack.userPool.jwks();

  const onDisk = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  expect(onDisk).toContain('kim@example.com');
  for (const secret of [
    PASSWORD,
    'Demo-Pass1!',
    refreshToken,
    Buffer.from(PASSWORD).toString('base64'),
    Buffer.from(PASSWORD).toString('hex'),
  ]) {
    expect(onDisk).not.toContain(secret);
  }

  const clock = stack.clock;
  await stack.close();
  stack = await startStack({ dataDir: dir, clock });
  expect(stack.userPool.jwks()).toEqual(jwks);
  await expect(
    jwtVerify(idToken, createLocalJWKSet(stack.userPool.jwks() as JSONWebKeySet), {
      currentDate: new Date(clock.now()),
    }),
  ).resolves.toBeTruthy();
  const refreshed = await stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
  expect(refreshed.AuthenticationResult?.IdToken).toBeTruthy();
  expect('session' in (await srpSignIn(stack.url, 'kim@example.com', PASSWORD))).toBe(true);
  expect('session' in (await srpSignIn(stack.url, 'demo@example.com', 'Demo-Pass1!'))).toBe(true);
  expect(await failure(srpSignIn(stack.url, 'kim@example.com', 'Wr0ng-pass!'))).toBe(
    'NotAuthorizedException: Incorrect username or password.',
  );
});
