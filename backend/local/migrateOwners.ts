/**
 * Local data written before entries were keyed by the User Pool `sub` has the Identity Pool's
 * identity id (`us-east-1:<uuid>`) as its partition key. On start, each such entry is moved to its
 * user's `sub`, which the local Identity Pool remembers for every identity it made.
 *
 * Crash-safe in any order of events: the entry is written under the new key first (only if no entry
 * with that id is there yet), then the old one is deleted; a run cut short between the two finds the
 * new one already there on the next start and only deletes the old.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';

/** An Identity Pool identity id, as earlier versions used it for `pk`; a `sub` never looks like it. */
const IDENTITY_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/;

export interface MigrationResult {
  moved: number;
  /** Entries of identities without a User Pool user (none are made locally): left as they were. */
  unknown: number;
}

export async function migrateOwnerKeys(
  client: DynamoDBClient,
  tableName: string,
  subOf: (identityId: string) => string | null,
): Promise<MigrationResult> {
  const doc = DynamoDBDocumentClient.from(client);
  const result: MigrationResult = { moved: 0, unknown: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const pk: unknown = item['pk'];
      if (typeof pk !== 'string' || !IDENTITY_ID.test(pk)) continue;
      const sub = subOf(pk);
      if (sub === null) {
        result.unknown++;
        continue;
      }
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...item, pk: sub },
            ConditionExpression: 'attribute_not_exists(sk)',
          }),
        );
      } catch (error) {
        // Already moved by a run that stopped before deleting the old entry.
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) {
          throw error;
        }
      }
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk, sk: item['sk'] } }));
      result.moved++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return result;
}
