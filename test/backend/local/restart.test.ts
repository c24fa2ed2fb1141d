import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startStack } from '../../../backend/local';
import { parseConfig } from '../../../src/shared/config';
import { signWithAws4, signWithSmithy } from '../sigv4/signers';
import { CREATE, RECENT, signInAndGetCredentials, signedGraphql } from './peer';

const dataDir = mkdtempSync(join(tmpdir(), 'journal-stack-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps ids, users and entries across a restart, and writes a valid backend configuration file (docs/backend-config.md)', async () => {
  const first = await startStack({ port: 0, dataDir, log: () => {} });
  let entryId: string;
  try {
    expect(first.configPath).toBe(join(dataDir, 'local-config.json'));
    const onDisk: unknown = JSON.parse(readFileSync(first.configPath ?? '', 'utf8'));
    expect(parseConfig(onDisk)).toEqual({ ok: true, config: first.config });
    expect(first.config).toMatchObject({
      region: 'us-east-1',
      userPoolId: expect.stringMatching(/^us-east-1_[A-Za-z0-9]{9}$/),
      userPoolClientId: expect.stringMatching(/^[a-z0-9]{26}$/),
      identityPoolId: expect.stringMatching(
        /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
      graphqlUrl: `${first.url}/prod/graphql`,
      cognitoIdpEndpoint: `${first.url}/`,
      cognitoIdentityEndpoint: `${first.url}/`,
    });
    const caller = await signInAndGetCredentials(
      first,
      first.demoUser.email,
      first.demoUser.password,
    );
    const created = await signedGraphql(first, {
      signer: signWithAws4,
      credentials: caller.credentials,
      query: CREATE,
      variables: { content: 'kept on disk' },
    });
    entryId = (created.json as { data: { createEntry: { id: string } } }).data.createEntry.id;
  } finally {
    await first.close();
  }

  const second = await startStack({ port: 0, dataDir, log: () => {} });
  try {
    const {
      graphqlUrl: _a,
      cognitoIdpEndpoint: _b,
      cognitoIdentityEndpoint: _c,
      ...ids
    } = second.config;
    const {
      graphqlUrl: _d,
      cognitoIdpEndpoint: _e,
      cognitoIdentityEndpoint: _f,
      ...firstIds
    } = first.config;
    expect(ids).toEqual(firstIds);
    expect(second.demoUser).toEqual(first.demoUser);
    const caller = await signInAndGetCredentials(
      second,
      second.demoUser.email,
      second.demoUser.password,
    );
    const recent = await signedGraphql(second, {
      signer: signWithSmithy,
      credentials: caller.credentials,
      query: RECENT,
    });
    const items = (
      recent.json as { data: { recentEntries: { items: { id: string; content: string }[] } } }
    ).data.recentEntries.items;
    expect(items).toContainEqual({ id: entryId, content: 'kept on disk' });
  } finally {
    await second.close();
  }
});
