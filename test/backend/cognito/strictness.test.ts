import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminDeleteUserCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { N } from '../../../backend/local/cognito/srp';
import {
  CLIENT_ID,
  IDENTITY_POOL_ID,
  PASSWORD,
  PROVIDER,
  USER_POOL_ID,
  failure,
  srpSignIn,
  startStack,
  type Stack,
} from './fixture';

// The local pool behaves as the deployed pool and app client are configured (backend/cdk):
// PreventUserExistenceErrors, wrong-code limits, the API model's input limits, and the Identity
// Pool's ServerSideTokenCheck.

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
  await stack.userPool.ensureUser('demo@example.com', PASSWORD);
});
afterEach(() => stack.close());

const MISMATCH = 'CodeMismatchException: Invalid verification code provided, please try again.';
const LIMITED = 'LimitExceededException: Attempt limit exceeded, please try after some time.';
const INCORRECT = 'NotAuthorizedException: Incorrect username or password.';
const wrong = (code: string, i: number): string =>
  String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

const signUp = (email: string, password = PASSWORD) =>
  stack.idp.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: email, Password: password }));
const confirmSignUp = (email: string, code: string) =>
  stack.idp.send(
    new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: email, ConfirmationCode: code }),
  );
const forgot = (email: string) =>
  stack.idp.send(new ForgotPasswordCommand({ ClientId: CLIENT_ID, Username: email }));
const confirmForgot = (email: string, code: string, password = 'Reset-Pass1!') =>
  stack.idp.send(
    new ConfirmForgotPasswordCommand({
      ClientId: CLIENT_ID,
      Username: email,
      ConfirmationCode: code,
      Password: password,
    }),
  );
const passwordAuth = (username: string, password = PASSWORD) =>
  stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
const srpStart = (username: string, srpA: string) =>
  stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: username, SRP_A: srpA },
    }),
  );

describe('wrong-code limits', () => {
  it('ConfirmSignUp: the sixth try after five wrong codes is refused, even with the right code, until the limit lifts', async () => {
    await signUp('cody@example.com');
    const code = stack.codeFor('cody@example.com');
    for (let i = 0; i < 5; i++)
      expect(await failure(confirmSignUp('cody@example.com', wrong(code, i)))).toBe(MISMATCH);
    expect(await failure(confirmSignUp('cody@example.com', code))).toBe(LIMITED);
    // A new code does not reopen confirmation.
    await stack.idp.send(
      new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: 'cody@example.com' }),
    );
    expect(
      await failure(confirmSignUp('cody@example.com', stack.codeFor('cody@example.com'))),
    ).toBe(LIMITED);
    stack.clock.advance(15 * 60_000);
    await confirmSignUp('cody@example.com', stack.codeFor('cody@example.com'));
    expect((await passwordAuth('cody@example.com')).AuthenticationResult).toBeTruthy();
  });

  it('ConfirmForgotPassword: limited after five wrong codes; the right code works once the limit lifts', async () => {
    await forgot('demo@example.com');
    const code = stack.codeFor('demo@example.com');
    for (let i = 0; i < 5; i++)
      expect(await failure(confirmForgot('demo@example.com', wrong(code, i)))).toBe(MISMATCH);
    expect(await failure(confirmForgot('demo@example.com', code))).toBe(LIMITED);
    expect((await passwordAuth('demo@example.com')).AuthenticationResult).toBeTruthy();
    stack.clock.advance(15 * 60_000 - 1);
    expect(await failure(confirmForgot('demo@example.com', code))).toBe(LIMITED);
    stack.clock.advance(1);
    await confirmForgot('demo@example.com', code);
    expect(
      (await passwordAuth('demo@example.com', 'Reset-Pass1!')).AuthenticationResult,
    ).toBeTruthy();
  });

  it('a right code in between resets the count', async () => {
    await forgot('demo@example.com');
    const code = stack.codeFor('demo@example.com');
    for (let i = 0; i < 4; i++) await failure(confirmForgot('demo@example.com', wrong(code, i)));
    await confirmForgot('demo@example.com', code);
    await forgot('demo@example.com');
    const next = stack.codeFor('demo@example.com');
    for (let i = 0; i < 4; i++)
      expect(await failure(confirmForgot('demo@example.com', wrong(next, i)))).toBe(MISMATCH);
    await confirmForgot('demo@example.com', next, 'Again-Pass1!');
  });
});

describe('PreventUserExistenceErrors', () => {
  it('answers ForgotPassword and ResendConfirmationCode for an unknown e-mail with a simulated delivery', async () => {
    const known = await forgot('demo@example.com');
    const unknown = await forgot('nobody@example.com');
    expect(unknown.CodeDeliveryDetails).toEqual({
      Destination: 'n***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(Object.keys(unknown.CodeDeliveryDetails ?? {}).sort()).toEqual(
      Object.keys(known.CodeDeliveryDetails ?? {}).sort(),
    );
    const resent = await stack.idp.send(
      new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: 'nobody@example.com' }),
    );
    expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(stack.log.some((l) => l.includes('nobody@example.com'))).toBe(false);
  });

  it('answers codes for an unknown e-mail as wrong codes, with the same limit', async () => {
    expect(await failure(confirmSignUp('nobody@example.com', '123456'))).toBe(MISMATCH);
    for (let i = 0; i < 4; i++)
      expect(await failure(confirmForgot('nobody@example.com', '123456'))).toBe(MISMATCH);
    expect(await failure(confirmForgot('nobody@example.com', '123456'))).toBe(LIMITED);
  });

  it('answers ConfirmForgotPassword without a requested code with ExpiredCodeException', async () => {
    expect(await failure(confirmForgot('demo@example.com', '123456'))).toBe(
      'ExpiredCodeException: Invalid code provided, please request a code again.',
    );
  });

  it('fails sign-in for an unknown e-mail as for a wrong password, in both flows', async () => {
    expect(await failure(passwordAuth('nobody@example.com'))).toBe(INCORRECT);
    expect(await failure(srpSignIn(stack.url, 'nobody@example.com', PASSWORD))).toBe(INCORRECT);
    // The simulated challenge looks like a real one: the same salt and user id for the same name.
    const a = (2n ** 1000n).toString(16);
    const first = (await srpStart('nobody@example.com', a)).ChallengeParameters ?? {};
    const again = (await srpStart('NOBODY@example.com', a)).ChallengeParameters ?? {};
    const real = (await srpStart('demo@example.com', a)).ChallengeParameters ?? {};
    expect(Object.keys(first).sort()).toEqual(Object.keys(real).sort());
    expect(first.USER_ID_FOR_SRP).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(again.USER_ID_FOR_SRP).toBe(first.USER_ID_FOR_SRP);
    expect(again.SALT).toBe(first.SALT);
    expect(again.SRP_B).not.toBe(first.SRP_B);
    expect((await srpStart('other@example.com', a)).ChallengeParameters?.SALT).not.toBe(first.SALT);
  });
});

describe('input limits of the API model', () => {
  it('refuses a username over 128 characters and passwords over 256', async () => {
    const long = `${'a'.repeat(10_000)}@example.com`;
    expect(await failure(signUp(long))).toBe(
      "InvalidParameterException: 1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect(await failure(forgot(long))).toMatch(/^InvalidParameterException: .*128$/);
    expect(await failure(signUp('pat@example.com', `Aa1!${'x'.repeat(300_000)}`))).toBe(
      "InvalidParameterException: 1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    expect(await failure(signUp('pat@example.com', `Aa1!${'x'.repeat(253)}`))).toMatch(/256$/);
    await signUp('pat@example.com', `Aa1!${'x'.repeat(252)}`);
    await signUp(`${'b'.repeat(116)}@example.com`);
  });

  it('refuses passwords with leading or trailing white space, wherever a password is set', async () => {
    const pattern =
      "InvalidParameterException: 1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$";
    expect(await failure(signUp('sam@example.com', ` ${PASSWORD}`))).toBe(pattern);
    expect(await failure(signUp('sam@example.com', `${PASSWORD} `))).toBe(pattern);
    expect(await failure(signUp('sam@example.com', `${PASSWORD}\t`))).toBe(pattern);
    await forgot('demo@example.com');
    expect(
      await failure(
        confirmForgot('demo@example.com', stack.codeFor('demo@example.com'), ' Reset-Pass1!'),
      ),
    ).toBe(pattern);
    const access = (await passwordAuth('demo@example.com')).AuthenticationResult?.AccessToken;
    expect(
      await failure(
        stack.idp.send(
          new ChangePasswordCommand({
            AccessToken: access,
            PreviousPassword: PASSWORD,
            ProposedPassword: 'Changed-1! ',
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException: .*'proposedPassword'.*pattern/);
    // White space inside a password is allowed, as in Cognito.
    await signUp('sam@example.com', 'Correct Horse 1!');
  });

  it('refuses confirmation codes over 2048 characters', async () => {
    expect(await failure(confirmSignUp('demo@example.com', '1'.repeat(2049)))).toMatch(
      /^InvalidParameterException: .*'confirmationCode'.*2048$/,
    );
  });
});

describe('SRP_A', () => {
  it('refuses an SRP_A that is too large or a multiple of N, before keeping anything', async () => {
    const refused = /^InvalidParameterException: Invalid SRP_A/;
    expect(await failure(srpStart('demo@example.com', 'f'.repeat(1_000_000)))).toMatch(refused);
    expect(await failure(srpStart('demo@example.com', `1${'0'.repeat(800)}`))).toMatch(refused);
    expect(await failure(srpStart('demo@example.com', 'xyz'))).toMatch(refused);
    expect(await failure(srpStart('demo@example.com', '0'))).toMatch(refused);
    expect(await failure(srpStart('demo@example.com', N.toString(16)))).toMatch(refused);
    expect(await failure(srpStart('nobody@example.com', N.toString(16)))).toMatch(refused);
    // A real client's A still works.
    expect('session' in (await srpSignIn(stack.url, 'demo@example.com', PASSWORD))).toBe(true);
  });
});

describe('Identity Pool ServerSideTokenCheck', () => {
  async function signedIn(email = 'demo@example.com') {
    const r = (await passwordAuth(email)).AuthenticationResult;
    const id = r?.IdToken ?? '';
    const identityId =
      (
        await stack.identity.send(
          new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [PROVIDER]: id } }),
        )
      ).IdentityId ?? '';
    return { id, identityId, access: r?.AccessToken ?? '', refresh: r?.RefreshToken ?? '' };
  }
  const getId = (token: string) =>
    stack.identity.send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [PROVIDER]: token } }),
    );
  const credentials = (identityId: string, token: string) =>
    stack.identity.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { [PROVIDER]: token },
      }),
    );
  const REFUSED = /^NotAuthorizedException: Invalid login token\. .*revoked/;

  it('refuses the ID token of a user who signed out globally', async () => {
    const t = await signedIn();
    const other = await signedIn(); // another sign-in of the same user
    expect((await credentials(t.identityId, t.id)).Credentials?.AccessKeyId).toBeTruthy();
    await stack.idp.send(new GlobalSignOutCommand({ AccessToken: t.access }));
    expect(await failure(getId(t.id))).toMatch(REFUSED);
    expect(await failure(credentials(t.identityId, t.id))).toMatch(REFUSED);
    expect(await failure(credentials(t.identityId, other.id))).toMatch(REFUSED);
    // A new sign-in works again.
    const again = await signedIn();
    expect(again.identityId).toBe(t.identityId);
    expect((await credentials(again.identityId, again.id)).Credentials).toBeTruthy();
  });

  it('refuses the ID token of a revoked sign-in, and of a deleted user', async () => {
    const t = await signedIn();
    const kept = await signedIn();
    await stack.idp.send(new RevokeTokenCommand({ ClientId: CLIENT_ID, Token: t.refresh }));
    expect(await failure(credentials(t.identityId, t.id))).toMatch(REFUSED);
    expect((await credentials(kept.identityId, kept.id)).Credentials).toBeTruthy();
    await stack.idp.send(
      new AdminDeleteUserCommand({ UserPoolId: USER_POOL_ID, Username: 'demo@example.com' }),
    );
    expect(await failure(getId(kept.id))).toMatch(REFUSED);
    expect(await failure(credentials(kept.identityId, kept.id))).toMatch(REFUSED);
  });
});
