import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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
  await stack.userPool.ensureUser('demo@example.com', PASSWORD);
});
afterEach(() => stack.close());

const passwordAuth = (username: string, password: string) =>
  stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
const refresh = (
  token: string,
  flow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN' = 'REFRESH_TOKEN_AUTH',
) =>
  stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: flow,
      AuthParameters: { REFRESH_TOKEN: token },
    }),
  );

async function tokens(
  username = 'demo@example.com',
  password = PASSWORD,
): Promise<{ access: string; refresh: string; id: string }> {
  const r = (await passwordAuth(username, password)).AuthenticationResult;
  return { access: r?.AccessToken ?? '', refresh: r?.RefreshToken ?? '', id: r?.IdToken ?? '' };
}

describe('token lifecycle', () => {
  it('refreshes without rotating the refresh token, and through the browser library', async () => {
    const t = await tokens();
    stack.clock.advance(3601_000); // the first tokens have expired
    const out = await refresh(t.refresh);
    expect(out.AuthenticationResult?.RefreshToken).toBeUndefined();
    const user = await stack.idp.send(
      new GetUserCommand({ AccessToken: out.AuthenticationResult?.AccessToken }),
    );
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'demo@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    expect(await failure(stack.idp.send(new GetUserCommand({ AccessToken: t.access })))).toBe(
      'NotAuthorizedException: Access Token has expired',
    );
    expect((await refresh(t.refresh, 'REFRESH_TOKEN')).AuthenticationResult?.IdToken).toBeTruthy();

    const signedIn = await srpSignIn(stack.url, 'demo@example.com', PASSWORD);
    if (!('session' in signedIn)) throw new Error('expected tokens');
    const renewed = await new Promise<string>((resolve, reject) =>
      signedIn.user.refreshSession(
        signedIn.session.getRefreshToken(),
        (err: unknown, s?: { getIdToken(): { getJwtToken(): string } }) =>
          err || !s
            ? reject(err instanceof Error ? err : new Error('no session'))
            : resolve(s.getIdToken().getJwtToken()),
      ),
    );
    expect(renewed).not.toBe(signedIn.session.getIdToken().getJwtToken());
  });

  it('refuses garbage and expired refresh tokens', async () => {
    const t = await tokens();
    expect(await failure(refresh('garbage'))).toBe('NotAuthorizedException: Invalid Refresh Token');
    expect(await failure(refresh(`${t.refresh.split('.')[0]}.forged`))).toBe(
      'NotAuthorizedException: Invalid Refresh Token',
    );
    stack.clock.advance(30 * 24 * 3600_000 + 1);
    expect(await failure(refresh(t.refresh))).toBe('NotAuthorizedException: Invalid Refresh Token');
  });

  it('GlobalSignOut revokes every refresh token and access token of the user, and only theirs', async () => {
    await stack.userPool.ensureUser('other@example.com', PASSWORD);
    const a = await tokens();
    const b = await tokens();
    const other = await tokens('other@example.com');
    await stack.idp.send(new GlobalSignOutCommand({ AccessToken: a.access }));
    for (const t of [a, b]) {
      expect(await failure(refresh(t.refresh))).toBe(
        'NotAuthorizedException: Refresh Token has been revoked',
      );
      expect(await failure(stack.idp.send(new GetUserCommand({ AccessToken: t.access })))).toBe(
        'NotAuthorizedException: Access Token has been revoked',
      );
    }
    expect((await refresh(other.refresh)).AuthenticationResult).toBeTruthy();
    const fresh = await tokens();
    expect(
      (await stack.idp.send(new GetUserCommand({ AccessToken: fresh.access }))).Username,
    ).toBeTruthy();
  });

  it('RevokeToken revokes one refresh token and the access tokens made from it', async () => {
    const a = await tokens();
    const b = await tokens();
    await stack.idp.send(new RevokeTokenCommand({ ClientId: CLIENT_ID, Token: a.refresh }));
    expect(await failure(refresh(a.refresh))).toBe(
      'NotAuthorizedException: Refresh Token has been revoked',
    );
    expect(await failure(stack.idp.send(new GetUserCommand({ AccessToken: a.access })))).toBe(
      'NotAuthorizedException: Access Token has been revoked',
    );
    expect((await refresh(b.refresh)).AuthenticationResult).toBeTruthy();
  });

  it('refuses an access token that is not ours', async () => {
    const t = await tokens();
    const [h, p] = t.access.split('.');
    const forged = `${h}.${p}.${Buffer.from('forged').toString('base64url')}`;
    expect(await failure(stack.idp.send(new GetUserCommand({ AccessToken: forged })))).toBe(
      'NotAuthorizedException: Invalid Access Token',
    );
    expect(await failure(stack.idp.send(new GetUserCommand({ AccessToken: t.id })))).toBe(
      'NotAuthorizedException: Invalid Access Token',
    );
  });
});

describe('passwords', () => {
  it('AdminCreateUser, then NEW_PASSWORD_REQUIRED through the browser library, then tokens', async () => {
    const created = await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: USER_POOL_ID,
        Username: 'new@example.com',
        TemporaryPassword: 'Temp-Pass1!',
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date);
    const first = await srpSignIn(stack.url, 'new@example.com', 'Temp-Pass1!');
    if (!('newPasswordRequired' in first)) throw new Error('expected NEW_PASSWORD_REQUIRED');
    const session = await new Promise<{ getIdToken(): { payload: Record<string, unknown> } }>(
      (resolve, reject) =>
        first.user.completeNewPasswordChallenge(
          'Brand-New-1!',
          {},
          { onSuccess: resolve, onFailure: reject },
        ),
    );
    expect(session.getIdToken().payload.email).toBe('new@example.com');
    expect(await failure(passwordAuth('new@example.com', 'Temp-Pass1!'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    expect(
      (await passwordAuth('new@example.com', 'Brand-New-1!')).AuthenticationResult,
    ).toBeTruthy();
  });

  it('NEW_PASSWORD_REQUIRED via the SDK checks the policy and the session', async () => {
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: USER_POOL_ID,
        Username: 'sdk@example.com',
        TemporaryPassword: 'Temp-Pass1!',
      }),
    );
    const challenge = await passwordAuth('sdk@example.com', 'Temp-Pass1!');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answer = (password: string, session = challenge.Session) =>
      stack.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: CLIENT_ID,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: 'sdk@example.com', NEW_PASSWORD: password },
        }),
      );
    expect(await failure(answer('weak'))).toMatch(
      /^InvalidPasswordException: Password did not conform with policy/,
    );
    expect(await failure(answer('Brand-New-1!', 'not-a-session'))).toBe(
      'NotAuthorizedException: Invalid session for the user, session is expired.',
    );
    expect((await answer('Brand-New-1!')).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('AdminSetUserPassword (permanent) and AdminDeleteUser', async () => {
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: USER_POOL_ID,
        Username: 'adm@example.com',
        MessageAction: 'SUPPRESS',
      }),
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: USER_POOL_ID,
        Username: 'adm@example.com',
        Password: 'Perm-Pass1!',
        Permanent: true,
      }),
    );
    const t = await tokens('adm@example.com', 'Perm-Pass1!');
    await stack.idp.send(
      new AdminDeleteUserCommand({ UserPoolId: USER_POOL_ID, Username: 'adm@example.com' }),
    );
    // PreventUserExistenceErrors: a deleted user fails as a wrong password does.
    expect(await failure(passwordAuth('adm@example.com', 'Perm-Pass1!'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    expect(await failure(refresh(t.refresh))).toBe('NotAuthorizedException: Invalid Refresh Token');
    expect(
      await failure(
        stack.idp.send(
          new AdminDeleteUserCommand({ UserPoolId: 'eu-central-1_Other', Username: 'x' }),
        ),
      ),
    ).toBe('ResourceNotFoundException: User pool eu-central-1_Other does not exist.');
  });

  it('forgot password: the logged code sets a new password; a wrong code does not', async () => {
    await stack.idp.send(
      new ForgotPasswordCommand({ ClientId: CLIENT_ID, Username: 'demo@example.com' }),
    );
    const code = stack.codeFor('demo@example.com');
    const confirm = (c: string, password: string) =>
      stack.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: CLIENT_ID,
          Username: 'demo@example.com',
          ConfirmationCode: c,
          Password: password,
        }),
      );
    expect(await failure(confirm(code === '123456' ? '654321' : '123456', 'Reset-Pass1!'))).toBe(
      'CodeMismatchException: Invalid verification code provided, please try again.',
    );
    expect(await failure(confirm(code, 'weak'))).toMatch(/^InvalidPasswordException/);
    await confirm(code, 'Reset-Pass1!');
    expect(await failure(passwordAuth('demo@example.com', PASSWORD))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    const ok = await srpSignIn(stack.url, 'demo@example.com', 'Reset-Pass1!');
    expect('session' in ok).toBe(true);
  });

  it('ChangePassword needs the previous password and an access token', async () => {
    const t = await tokens();
    const change = (previous: string, proposed: string) =>
      stack.idp.send(
        new ChangePasswordCommand({
          AccessToken: t.access,
          PreviousPassword: previous,
          ProposedPassword: proposed,
        }),
      );
    expect(await failure(change('Wr0ng-pass!', 'Changed-1!'))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    expect(await failure(change(PASSWORD, 'nouppercase1!'))).toMatch(/^InvalidPasswordException/);
    await change(PASSWORD, 'Changed-1!');
    expect(await failure(passwordAuth('demo@example.com', PASSWORD))).toBe(
      'NotAuthorizedException: Incorrect username or password.',
    );
    expect(
      (await passwordAuth('demo@example.com', 'Changed-1!')).AuthenticationResult,
    ).toBeTruthy();
  });

  it('ensureUser is idempotent and keeps an existing password', async () => {
    await stack.userPool.ensureUser('demo@example.com', 'Other-Pass1!');
    expect((await passwordAuth('demo@example.com', PASSWORD)).AuthenticationResult).toBeTruthy();
  });
});
