import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  PASSWORD,
  USER_POOL_ID,
  failure,
  libraryPool,
  srpSignIn,
  startStack,
  type Stack,
} from './fixture';

let stack: Stack;
afterEach(() => stack.close());

const EMAIL = 'grace@example.com';

/** The code an authenticator app shows for `secret`, `offsetSteps` steps from the stack's clock. */
function codeAt(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: stack.clock.now() + offsetSteps * 30_000,
  });
}

async function confirmedUser(email = EMAIL): Promise<void> {
  await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId: USER_POOL_ID,
      Username: email,
      MessageAction: 'SUPPRESS',
    }),
  );
  await stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: USER_POOL_ID,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
}

async function accessToken(email = EMAIL): Promise<string> {
  const out = await srpSignIn(stack.url, email, PASSWORD);
  if (!('session' in out)) throw new Error('expected tokens');
  return out.session.getAccessToken().getJwtToken();
}

/** Associates, verifies and turns on an authenticator app with the SDK; returns its secret. */
async function turnOnTotp(token: string): Promise<string> {
  const { SecretCode } = await stack.idp.send(
    new AssociateSoftwareTokenCommand({ AccessToken: token }),
  );
  const secret = SecretCode ?? '';
  await stack.idp.send(
    new VerifySoftwareTokenCommand({
      AccessToken: token,
      UserCode: codeAt(secret),
      FriendlyDeviceName: 'phone',
    }),
  );
  await stack.idp.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: token,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return secret;
}

type Step =
  | { kind: 'tokens'; session: CognitoUserSession }
  | { kind: 'totp' }
  | { kind: 'setup' }
  | { kind: 'secret'; secret: string };

/** One step of amazon-cognito-identity-js's callback flow as a promise. */
function step(start: (cb: object) => void): Promise<Step> {
  return new Promise((resolve, reject) => {
    start({
      onSuccess: (session: CognitoUserSession) => resolve({ kind: 'tokens', session }),
      onFailure: (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
      totpRequired: () => resolve({ kind: 'totp' }),
      mfaSetup: () => resolve({ kind: 'setup' }),
      associateSecretCode: (secret: string) => resolve({ kind: 'secret', secret }),
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
    });
  });
}

function libraryUser(email = EMAIL): CognitoUser {
  return new CognitoUser({ Username: email, Pool: libraryPool(stack.url) });
}

function password(user: CognitoUser, email = EMAIL): Promise<Step> {
  return step((cb) =>
    user.authenticateUser(
      new AuthenticationDetails({ Username: email, Password: PASSWORD }),
      cb as never,
    ),
  );
}

describe('TOTP MFA, set up with an access token', () => {
  it('associates, verifies, turns on, and then sign-in asks for a code that works once', async () => {
    stack = await startStack();
    await confirmedUser();
    const token = await accessToken();
    const before = await stack.idp.send(new GetUserCommand({ AccessToken: token }));
    expect(before.UserMFASettingList).toBeUndefined();

    const { SecretCode } = await stack.idp.send(
      new AssociateSoftwareTokenCommand({ AccessToken: token }),
    );
    const secret = SecretCode ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Turning it on before a code from the app was verified is refused.
    expect(
      await failure(
        stack.idp.send(
          new SetUserMFAPreferenceCommand({
            AccessToken: token,
            SoftwareTokenMfaSettings: { Enabled: true },
          }),
        ),
      ),
    ).toBe('InvalidParameterException: User has not verified software token mfa');
    const wrong = codeAt(secret) === '000000' ? '111111' : '000000';
    expect(
      await failure(
        stack.idp.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: wrong })),
      ),
    ).toBe('EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA');
    const verified = await stack.idp.send(
      new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: codeAt(secret) }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await stack.idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: token,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const after = await stack.idp.send(new GetUserCommand({ AccessToken: token }));
    expect(after.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(after.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');

    // The browser library: password first, then totpRequired, then sendMFACode.
    stack.clock.advance(30_000); // the code used to verify is spent: the next step's code is fresh
    const user = libraryUser();
    expect((await password(user)).kind).toBe('totp');
    const refused = await failure(
      step((cb) => user.sendMFACode(wrong, cb as never, 'SOFTWARE_TOKEN_MFA')),
    );
    expect(refused).toBe('CodeMismatchException: Invalid code received for user');
    // The same challenge can be answered again after a wrong code.
    const code = codeAt(secret);
    const done = await step((cb) => user.sendMFACode(code, cb as never, 'SOFTWARE_TOKEN_MFA'));
    if (done.kind !== 'tokens') throw new Error('expected tokens');
    expect(done.session.isValid()).toBe(true);

    // The same code a second time, in the same 30 s, is refused as used.
    const again = libraryUser();
    expect((await password(again)).kind).toBe('totp');
    expect(
      await failure(step((cb) => again.sendMFACode(code, cb as never, 'SOFTWARE_TOKEN_MFA'))),
    ).toBe('ExpiredCodeException: Your software token has already been used once.');
    expect(stack.log.join('\n')).not.toContain(secret);
  });

  it('accepts a code from the step before or after (±30 s) and refuses one two steps away', async () => {
    stack = await startStack();
    await confirmedUser();
    const secret = await turnOnTotp(await accessToken());
    stack.clock.advance(120_000);
    const answer = async (code: string): Promise<string> => {
      const start = await stack.idp.send(
        new InitiateAuthCommand({
          ClientId: CLIENT_ID,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: EMAIL, PASSWORD },
        }),
      );
      expect(start.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      try {
        const out = await stack.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: CLIENT_ID,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: start.Session,
            ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        );
        return out.AuthenticationResult?.AccessToken ? 'tokens' : 'none';
      } catch (err) {
        return (err as Error).name;
      }
    };
    expect(await answer(codeAt(secret, -2))).toBe('CodeMismatchException');
    expect(await answer(codeAt(secret, -1))).toBe('tokens');
    // Once a step's code is used, neither it nor an older step's code is taken again.
    expect(await answer(codeAt(secret, -1))).toBe('ExpiredCodeException');
    expect(await answer(codeAt(secret, 1))).toBe('tokens');
    expect(await answer(codeAt(secret, 0))).toBe('ExpiredCodeException');
    expect(await answer(codeAt(secret, 2))).toBe('CodeMismatchException');
  });

  it('says the session expired after 3 minutes between the password and the code', async () => {
    stack = await startStack();
    await confirmedUser();
    const secret = await turnOnTotp(await accessToken());
    stack.clock.advance(30_000);
    const user = libraryUser();
    expect((await password(user)).kind).toBe('totp');
    stack.clock.advance(3 * 60_000 + 1);
    expect(
      await failure(
        step((cb) => user.sendMFACode(codeAt(secret), cb as never, 'SOFTWARE_TOKEN_MFA')),
      ),
    ).toBe('NotAuthorizedException: Invalid session for the user, session is expired.');
  });

  it('counts wrong codes toward the lock-out, and a right password does not reset the count', async () => {
    stack = await startStack();
    await confirmedUser();
    const secret = await turnOnTotp(await accessToken());
    stack.clock.advance(30_000);
    const wrong = (): string => (codeAt(secret) === '000000' ? '111111' : '000000');
    for (let i = 0; i < 5; i++) {
      const user = libraryUser(); // the password again each time: still counted
      expect((await password(user)).kind).toBe('totp');
      expect(
        await failure(step((cb) => user.sendMFACode(wrong(), cb as never, 'SOFTWARE_TOKEN_MFA'))),
      ).toMatch(/^CodeMismatchException/);
    }
    // Locked: had the right password reset the count, five wrong codes would never add up.
    expect(await failure(password(libraryUser()))).toBe(
      'NotAuthorizedException: Password attempts exceeded',
    );
    stack.clock.advance(30_000); // the cool-down
    const user = libraryUser();
    expect((await password(user)).kind).toBe('totp');
    const done = await step((cb) =>
      user.sendMFACode(codeAt(secret), cb as never, 'SOFTWARE_TOKEN_MFA'),
    );
    expect(done.kind).toBe('tokens');
  });

  it('checks a current code without a new secret (before turning off), and turns off by user or admin', async () => {
    stack = await startStack();
    await confirmedUser();
    const token = await accessToken();
    const secret = await turnOnTotp(token);
    stack.clock.advance(30_000);
    const code = codeAt(secret);
    expect(
      (await stack.idp.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: code })))
        .Status,
    ).toBe('SUCCESS');
    expect(
      await failure(
        stack.idp.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: code })),
      ),
    ).toBe('ExpiredCodeException: Your software token has already been used once.');
    await stack.idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: token,
        SoftwareTokenMfaSettings: { Enabled: false },
      }),
    );
    expect(
      (await stack.idp.send(new GetUserCommand({ AccessToken: token }))).UserMFASettingList,
    ).toBeUndefined();
    expect((await password(libraryUser())).kind).toBe('tokens');

    await stack.idp.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: USER_POOL_ID,
        Username: EMAIL,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    expect((await password(libraryUser())).kind).toBe('totp');
    expect(
      await failure(
        stack.idp.send(
          new SetUserMFAPreferenceCommand({
            AccessToken: token,
            SMSMfaSettings: { Enabled: true },
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException/);
  });
});

describe('a pool that requires MFA', () => {
  it('leads a user without it through MFA_SETUP (associate and verify by Session), then signs in', async () => {
    stack = await startStack({ mfa: 'required' });
    await confirmedUser();
    const user = libraryUser();
    expect((await password(user)).kind).toBe('setup');
    const associated = await step((cb) => user.associateSoftwareToken(cb as never));
    if (associated.kind !== 'secret') throw new Error('expected a secret');
    const wrong = codeAt(associated.secret) === '000000' ? '111111' : '000000';
    expect(await failure(step((cb) => user.verifySoftwareToken(wrong, 'phone', cb as never)))).toBe(
      'EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA',
    );
    const done = await step((cb) =>
      user.verifySoftwareToken(codeAt(associated.secret), 'phone', cb as never),
    );
    if (done.kind !== 'tokens') throw new Error('expected tokens');
    const me = await stack.idp.send(
      new GetUserCommand({ AccessToken: done.session.getAccessToken().getJwtToken() }),
    );
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    // From now on the password leads to the code.
    stack.clock.advance(30_000);
    const next = libraryUser();
    expect((await password(next)).kind).toBe('totp');
    const signedIn = await step((cb) =>
      next.sendMFACode(codeAt(associated.secret), cb as never, 'SOFTWARE_TOKEN_MFA'),
    );
    expect(signedIn.kind).toBe('tokens');
  });

  it('refuses MFA_SETUP before a code was verified, and a session used for the wrong step', async () => {
    stack = await startStack({ mfa: 'required' });
    await confirmedUser();
    const start = await stack.idp.send(
      new InitiateAuthCommand({
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: EMAIL, PASSWORD },
      }),
    );
    expect(start.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(start.ChallengeParameters?.MFAS_CAN_SETUP ?? '[]')).toEqual([
      'SOFTWARE_TOKEN_MFA',
    ]);
    expect(
      await failure(
        stack.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: CLIENT_ID,
            ChallengeName: 'MFA_SETUP',
            Session: start.Session,
            ChallengeResponses: { USERNAME: EMAIL },
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException: Software token MFA has not been verified/);
    expect(
      await failure(
        stack.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: CLIENT_ID,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: start.Session,
            ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: '123456' },
          }),
        ),
      ),
    ).toBe('NotAuthorizedException: Invalid session for the user, session is expired.');
    // Each step hands out a new Session; the one it replaced no longer works.
    const assoc = await stack.idp.send(
      new AssociateSoftwareTokenCommand({ Session: start.Session }),
    );
    expect(assoc.Session).toBeTruthy();
    expect(
      await failure(stack.idp.send(new AssociateSoftwareTokenCommand({ Session: start.Session }))),
    ).toBe('NotAuthorizedException: Invalid session for the user, session is expired.');
  });
});
