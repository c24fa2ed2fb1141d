import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  PASSWORD,
  USER_POOL_ID,
  failure,
  srpSignIn,
  startStack,
  type Stack,
} from './fixture';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

async function signUp(email: string, password = PASSWORD): Promise<string> {
  const out = await stack.idp.send(
    new SignUpCommand({
      ClientId: CLIENT_ID,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  return out.UserSub ?? '';
}

async function signUpConfirmed(email: string): Promise<string> {
  const sub = await signUp(email);
  await stack.idp.send(
    new ConfirmSignUpCommand({
      ClientId: CLIENT_ID,
      Username: email,
      ConfirmationCode: stack.codeFor(email),
    }),
  );
  return sub;
}

describe('sign-up, confirmation and SRP sign-in', () => {
  it('signs in with amazon-cognito-identity-js and issues tokens verifiable against the JWKS', async () => {
    const out = await stack.idp.send(
      new SignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'ada@example.com',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
      }),
    );
    expect(out.UserConfirmed).toBe(false);
    expect(out.CodeDeliveryDetails).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(stack.log.join('\n')).not.toContain(PASSWORD);
    await stack.idp.send(
      new ConfirmSignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'ada@example.com',
        ConfirmationCode: stack.codeFor('ada@example.com'),
      }),
    );

    const result = await srpSignIn(stack.url, 'ada@example.com', PASSWORD);
    if (!('session' in result)) throw new Error('expected tokens');
    const idToken = result.session.getIdToken().getJwtToken();
    const accessToken = result.session.getAccessToken().getJwtToken();

    const jwks = (await (
      await fetch(`${stack.url}/${USER_POOL_ID}/.well-known/jwks.json`)
    ).json()) as JSONWebKeySet;
    const keySet = createLocalJWKSet(jwks);
    const iss = `${stack.url}/${USER_POOL_ID}`;
    const { payload: id } = await jwtVerify(idToken, keySet, {
      issuer: iss,
      audience: CLIENT_ID,
      currentDate: new Date(stack.clock.now()),
    });
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]?.kid });
    expect(id).toMatchObject({
      sub: out.UserSub,
      'cognito:username': out.UserSub,
      email: 'ada@example.com',
      email_verified: true,
      token_use: 'id',
    });
    for (const claim of ['event_id', 'auth_time', 'exp', 'iat', 'jti', 'origin_jti'])
      expect(id).toHaveProperty(claim);
    expect((id.exp ?? 0) - (id.iat ?? 0)).toBe(3600);

    const { payload: access } = await jwtVerify(accessToken, keySet, {
      issuer: iss,
      currentDate: new Date(stack.clock.now()),
    });
    expect(access).toMatchObject({
      sub: out.UserSub,
      username: out.UserSub,
      client_id: CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      origin_jti: id.origin_jti,
    });
    expect(access.aud).toBeUndefined();
    expect(result.session.getRefreshToken().getToken()).toMatch(/\S{40,}/);
  });

  it('refuses a wrong confirmation code and a second confirmation', async () => {
    await signUp('bob@example.com');
    const good = stack.codeFor('bob@example.com');
    const wrong = good === '000000' ? '000001' : '000000';
    expect(
      await failure(
        stack.idp.send(
          new ConfirmSignUpCommand({
            ClientId: CLIENT_ID,
            Username: 'bob@example.com',
            ConfirmationCode: wrong,
          }),
        ),
      ),
    ).toBe('CodeMismatchException: Invalid verification code provided, please try again.');
    await stack.idp.send(
      new ConfirmSignUpCommand({
        ClientId: CLIENT_ID,
        Username: 'bob@example.com',
        ConfirmationCode: good,
      }),
    );
    expect(
      await failure(
        stack.idp.send(
          new ConfirmSignUpCommand({
            ClientId: CLIENT_ID,
            Username: 'bob@example.com',
            ConfirmationCode: good,
          }),
        ),
      ),
    ).toMatch(/^NotAuthorizedException: User cannot be confirmed/);
  });

  it('refuses an existing e-mail, a weak password, and a foreign app client', async () => {
    await signUp('cy@example.com');
    expect(await failure(signUp('CY@example.com'))).toBe(
      'UsernameExistsException: An account with the given email already exists.',
    );
    expect(await failure(signUp('dee@example.com', 'alllowercase1!'))).toBe(
      'InvalidPasswordException: Password did not conform with policy: Password must have uppercase characters',
    );
    expect(await failure(signUp('dee@example.com', 'Short1!'))).toBe(
      'InvalidPasswordException: Password did not conform with policy: Password not long enough',
    );
    expect(await failure(signUp('dee@example.com', 'NoSymbols123'))).toBe(
      'InvalidPasswordException: Password did not conform with policy: Password must have symbol characters',
    );
    expect(
      await failure(
        stack.idp.send(
          new SignUpCommand({ ClientId: 'nope', Username: 'e@example.com', Password: PASSWORD }),
        ),
      ),
    ).toBe('ResourceNotFoundException: User pool client nope does not exist.');
  });

  it('gives Cognito errors for wrong password, unknown and unconfirmed users', async () => {
    await signUpConfirmed('fay@example.com');
    await signUp('gus@example.com');
    expect(await failure(srpSignIn(stack.url, 'fay@example.com', 'Wr0ng-password'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    // PreventUserExistenceErrors: an unknown name fails as a wrong password does.
    expect(await failure(srpSignIn(stack.url, 'nobody@example.com', PASSWORD))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    expect(await failure(srpSignIn(stack.url, 'gus@example.com', PASSWORD))).toBe(
      'UserNotConfirmedException: User is not confirmed.',
    );
    expect(await failure(srpSignIn(stack.url, 'gus@example.com', 'Wr0ng-password'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
  });

  it('locks sign-in after five failures, even for the right password, until the cool-down passes', async () => {
    await signUpConfirmed('hal@example.com');
    for (let i = 0; i < 5; i++) {
      expect(await failure(srpSignIn(stack.url, 'hal@example.com', `Wr0ng-${i}!`))).toBe(
        'NotAuthorizedException: Incorrect username or password.',
      );
    }
    expect(await failure(srpSignIn(stack.url, 'hal@example.com', PASSWORD))).toBe(
      'NotAuthorizedException: Password attempts exceeded',
    );
    const viaPasswordAuth = stack.idp.send(
      new InitiateAuthCommand({
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'hal@example.com', PASSWORD },
      }),
    );
    expect(await failure(viaPasswordAuth)).toBe(
      'NotAuthorizedException: Password attempts exceeded',
    );
    stack.clock.advance(31_000);
    const ok = await srpSignIn(stack.url, 'hal@example.com', PASSWORD);
    expect('session' in ok).toBe(true);
    // A success resets the count: one more failure is an ordinary one.
    expect(await failure(srpSignIn(stack.url, 'hal@example.com', 'Wr0ng-again!'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
  });

  it('signs in with USER_PASSWORD_AUTH using the stored verifier only', async () => {
    const sub = await signUpConfirmed('ivy@example.com');
    const out = await stack.idp.send(
      new InitiateAuthCommand({
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ivy@example.com', PASSWORD },
      }),
    );
    expect(out.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(out.AuthenticationResult?.ExpiresIn).toBe(3600);
    expect(
      await stack.userPool.verifyIdToken(out.AuthenticationResult?.IdToken ?? ''),
    ).toMatchObject({ sub, aud: CLIENT_ID });
    const wrong = stack.idp.send(
      new InitiateAuthCommand({
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ivy@example.com', PASSWORD: 'Nope-123!' },
      }),
    );
    expect(await failure(wrong)).toBe('NotAuthorizedException: Incorrect username or password.');
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    await expect(stack.userPool.handle('DescribeEverything', {})).rejects.toMatchObject({
      type: 'UnknownOperationException',
    });
    await expect(stack.userPool.handle('toString', {})).rejects.toMatchObject({
      type: 'UnknownOperationException',
    });
  });
});
