import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserPool } from '../../../backend/local/cognito';
import {
  CLIENT_ID,
  IDENTITY_POOL_ID,
  PASSWORD,
  PROVIDER,
  REGION,
  USER_POOL_ID,
  failure,
  startStack,
  type Stack,
} from './fixture';

let stack: Stack;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-idp-'));
  stack = await startStack({ dataDir: dir });
  await stack.userPool.ensureUser('ann@example.com', PASSWORD);
  await stack.userPool.ensureUser('ben@example.com', PASSWORD);
});
afterEach(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function idToken(email: string): Promise<string> {
  const out = await stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  return out.AuthenticationResult?.IdToken ?? '';
}
const getId = (token: string, logins: Record<string, string> = { [PROVIDER]: token }) =>
  stack.identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: logins }));
const credentialsFor = (
  identityId: string,
  token: string,
  logins: Record<string, string> = { [PROVIDER]: token },
) =>
  stack.identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
  );

describe('Identity Pool', () => {
  it('gives each user one stable identity and credentials bound to it', async () => {
    const ann = await idToken('ann@example.com');
    const first = (await getId(ann)).IdentityId ?? '';
    expect(first).toMatch(new RegExp(`^${REGION}:[0-9a-f-]{36}$`));
    expect((await getId(await idToken('ann@example.com'))).IdentityId).toBe(first);
    expect((await getId(await idToken('ben@example.com'))).IdentityId).not.toBe(first);

    const out = await credentialsFor(first, ann);
    const c = out.Credentials;
    expect(out.IdentityId).toBe(first);
    expect(c?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(c?.Expiration?.getTime()).toBe((Math.floor(stack.clock.now() / 1000) + 3600) * 1000);
    expect(stack.identityPool.lookupAccessKey(c?.AccessKeyId ?? '')).toEqual({
      secretAccessKey: c?.SecretKey,
      sessionToken: c?.SessionToken,
      expiration: c?.Expiration,
      identityId: first,
      // The User Pool user behind it, which the API Gateway stand-in hands the journal API.
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(stack.identityPool.lookupAccessKey('ASIAUNKNOWN0000000')).toBeUndefined();
  });

  it('keeps identities and credentials across a restart', async () => {
    const ann = await idToken('ann@example.com');
    const id = (await getId(ann)).IdentityId ?? '';
    const key = (await credentialsFor(id, ann)).Credentials?.AccessKeyId ?? '';
    await stack.close();
    stack = await startStack({ dataDir: dir, clock: stack.clock });
    expect(stack.identityPool.lookupAccessKey(key)?.identityId).toBe(id);
    expect((await getId(await idToken('ann@example.com'))).IdentityId).toBe(id);
  });

  it('refuses expired, tampered, foreign-issuer and wrong-audience tokens', async () => {
    const ann = await idToken('ann@example.com');
    const id = (await getId(ann)).IdentityId ?? '';

    const [h, p, s] = ann.split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${s}`;
    expect(await failure(credentialsFor(id, tampered))).toBe(
      'NotAuthorizedException: Invalid login token. Not a valid OpenId Connect identity token.',
    );

    // Same key and users (same data folder), but another issuer or another app client.
    const sibling = (issuer: string) =>
      UserPool.create({
        region: REGION,
        userPoolId: USER_POOL_ID,
        clientId: 'otherclient',
        dataDir: dir,
        issuer: () => issuer,
        tokenTtlS: 3600,
        log: () => {},
        now: stack.clock.now,
      });
    const signIn = async (pool: UserPool) => {
      const out = (await pool.handle('InitiateAuth', {
        ClientId: 'otherclient',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ann@example.com', PASSWORD },
      })) as { AuthenticationResult: { IdToken: string } };
      return out.AuthenticationResult.IdToken;
    };
    const foreign = await signIn(
      await sibling('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Elsewhere'),
    );
    expect(await failure(credentialsFor(id, foreign))).toBe(
      "NotAuthorizedException: Invalid login token. Issuer doesn't match providerName",
    );
    const wrongAud = await signIn(await sibling(`${stack.url}/${USER_POOL_ID}`));
    expect(await failure(credentialsFor(id, wrongAud))).toBe(
      'NotAuthorizedException: Invalid login token. Incorrect token audience.',
    );
    expect(await failure(getId(wrongAud))).toBe(
      'NotAuthorizedException: Invalid login token. Incorrect token audience.',
    );

    stack.clock.advance(3600_000);
    expect(await failure(credentialsFor(id, ann))).toMatch(
      /^NotAuthorizedException: Invalid login token\. Token expired: \d+ >= \d+$/,
    );
  });

  it("refuses another user's identity, a foreign provider, no logins and an unknown pool or identity", async () => {
    const ann = await idToken('ann@example.com');
    const ben = await idToken('ben@example.com');
    const annId = (await getId(ann)).IdentityId ?? '';
    expect(await failure(credentialsFor(annId, ben))).toBe(
      "NotAuthorizedException: Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
    expect(await failure(credentialsFor(annId, ann, { 'accounts.google.com': ann }))).toBe(
      'NotAuthorizedException: Invalid login token. Token is not from a supported provider of this identity pool.',
    );
    expect(await failure(credentialsFor(annId, ann, {}))).toBe(
      'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.',
    );
    expect(await failure(getId(ann, {}))).toBe(
      'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.',
    );
    expect(
      await failure(
        stack.identity.send(
          new GetIdCommand({
            IdentityPoolId: `${REGION}:00000000-0000-0000-0000-000000000000`,
            Logins: { [PROVIDER]: ann },
          }),
        ),
      ),
    ).toBe(
      `ResourceNotFoundException: IdentityPool '${REGION}:00000000-0000-0000-0000-000000000000' not found.`,
    );
    expect(
      await failure(credentialsFor(`${REGION}:00000000-0000-0000-0000-000000000000`, ann)),
    ).toMatch(/^ResourceNotFoundException: Identity/);
  });
});
