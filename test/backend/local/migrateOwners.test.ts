/**
 * Local journals written when entries were keyed by the Identity Pool id keep working: on start
 * the stack moves them to the User Pool `sub` the journal API now keys by.
 */
import {
  PutCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalStore } from '../../../backend/api/store';
import { startStack, TABLE_NAME } from '../../../backend/local';
import { startDynamo } from '../../../backend/local/dynamo';
import { migrateOwnerKeys } from '../../../backend/local/migrateOwners';
import { startLocalDynamo, type LocalDynamo } from '../api/dynamo';
import { signWithAws4 } from '../sigv4/signers';
import { CREATE, RECENT, signInAndGetCredentials, signedGraphql } from './peer';

const OLD = 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001';
const SUB = '11111111-2222-4333-8444-555555555555';
const STRANGER = 'us-east-1:bbbbbbbb-0000-4000-8000-000000000002';

describe('migrateOwnerKeys', () => {
  let dynamo: LocalDynamo;
  let table: string;
  let store: JournalStore;
  const subOf = (id: string) => (id === OLD ? SUB : null);

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    table = await dynamo.createJournalTable();
    store = new JournalStore(dynamo.client, table);
  });
  afterAll(() => dynamo.close());

  it('moves old entries to the sub, in order, and leaves unknown identities and subs alone', async () => {
    for (let i = 0; i < 30; i++) {
      await store.create(
        OLD,
        {
          id: `old-${i}`,
          createDate: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
          content: `entry ${i}`,
          attachments: [],
        },
        '2024-03-01T00:00:00.000Z',
      );
    }
    await store.create(
      STRANGER,
      {
        id: 'stranger',
        createDate: '2024-02-01T00:00:00.000Z',
        content: 'not ours',
        attachments: [],
      },
      '2024-03-01T00:00:00.000Z',
    );
    await store.create(
      SUB,
      {
        id: 'new-style',
        createDate: '2024-03-01T00:00:00.000Z',
        content: 'already keyed by sub',
        attachments: [],
      },
      '2024-03-01T00:00:00.000Z',
    );

    expect(await migrateOwnerKeys(dynamo.client, table, subOf)).toEqual({ moved: 30, unknown: 1 });

    const page = await store.page(SUB, 100);
    expect(page.entries.map((e) => e.id)).toEqual([
      'new-style',
      ...Array.from({ length: 30 }, (_, i) => `old-${29 - i}`),
    ]);
    expect(page.entries[1]).toMatchObject({
      content: 'entry 29',
      createDate: '2024-01-01T00:29:00.000Z',
    });
    expect((await store.page(OLD, 100)).entries).toEqual([]);
    expect((await store.page(STRANGER, 100)).entries.map((e) => e.id)).toEqual(['stranger']);
    // A second start has nothing left to do.
    expect(await migrateOwnerKeys(dynamo.client, table, subOf)).toEqual({ moved: 0, unknown: 1 });
  });

  it('finishes a run cut short between writing the new entry and deleting the old', async () => {
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const entry = await store.create(
      SUB,
      {
        id: 'half-moved',
        createDate: '2024-04-01T00:00:00.000Z',
        content: 'new copy',
        attachments: [],
      },
      '2024-03-01T00:00:00.000Z',
    );
    const { Items = [] } = await doc.send(new ScanCommand({ TableName: table }));
    const item = Items.find((i) => i['sk'] === entry.id);
    await doc.send(new PutCommand({ TableName: table, Item: { ...item, pk: OLD } }));

    expect(await migrateOwnerKeys(dynamo.client, table, subOf)).toMatchObject({ moved: 1 });
    expect(await store.get(OLD, entry.id)).toBeUndefined();
    expect(await store.get(SUB, entry.id)).toMatchObject({ content: 'new copy' });
  });
});

describe('a local stack with data from before', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'journal-migrate-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the demo user the entries an earlier version stored under the identity id', async () => {
    const first = await startStack({ port: 0, dataDir, log: () => {} });
    let identityId: string;
    try {
      const caller = await signInAndGetCredentials(
        first,
        first.demoUser.email,
        first.demoUser.password,
      );
      identityId = caller.identityId;
      const created = await signedGraphql(first, {
        signer: signWithAws4,
        credentials: caller.credentials,
        query: CREATE,
        variables: { content: 'written by an earlier version' },
      });
      expect(created.status).toBe(200);
    } finally {
      await first.close();
    }

    // Turn the stored entry back into what earlier versions wrote: pk = the identity id.
    const dynamo = await startDynamo(join(dataDir, 'dynamodb'), 'us-east-1');
    try {
      const doc = DynamoDBDocumentClient.from(dynamo.client);
      const { Items = [] } = await doc.send(new ScanCommand({ TableName: TABLE_NAME }));
      expect(Items).toHaveLength(1);
      const [item] = Items;
      await doc.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...item, pk: identityId } }));
      await doc.send(
        new DeleteCommand({ TableName: TABLE_NAME, Key: { pk: item?.['pk'], sk: item?.['sk'] } }),
      );
    } finally {
      await dynamo.close();
    }

    const logs: string[] = [];
    const second = await startStack({ port: 0, dataDir, log: (line) => logs.push(line) });
    try {
      expect(logs.join('\n')).toMatch(/moved to their user's sub: 1/);
      const caller = await signInAndGetCredentials(
        second,
        second.demoUser.email,
        second.demoUser.password,
      );
      const recent = await signedGraphql(second, {
        signer: signWithAws4,
        credentials: caller.credentials,
        query: RECENT,
      });
      expect(recent.json).toEqual({
        data: {
          recentEntries: {
            items: [{ id: expect.any(String), content: 'written by an earlier version' }],
          },
        },
      });
    } finally {
      await second.close();
    }
  });
});
