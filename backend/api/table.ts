import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The journal table. The CDK stack mirrors this design: change it in both places or in neither.
 * - `pk`: the caller's User Pool `sub` (one partition per user; see owner.ts for why not the
 *   Identity Pool's id). Changing a key here replaces the deployed table: see backend/cdk/README.md
 * - `sk`: the entry id
 * - LSI `byCreateDate`: sort key `createdSk` = `${createDate}#${id}`, projection ALL, so a page of
 *   newest entries is one Query whatever the size of the journal. Tombstones have no `createdSk`,
 *   so this sparse index never lists a deleted entry.
 * - GSI `byUpdateDate`: partition `pk`, sort key `updatedSk` = `${updateDate}#${id}`, projection
 *   ALL: what changed since a time (edits, creations and tombstones) is one Query per page. A GSI,
 *   not a second LSI, because a deployed table cannot gain an LSI (LSIs exist only from CreateTable,
 *   so a new one would mean a new table and a copy of everyone's entries); a GSI is added in place.
 * - TTL on `expiresAt` (epoch seconds): set only on tombstones, which DynamoDB then removes.
 */
export const journalTableSchema = {
  partitionKey: { name: 'pk', type: 'S' }, // the caller's User Pool sub
  sortKey: { name: 'sk', type: 'S' }, // the entry id
  localSecondaryIndexes: [{ indexName: 'byCreateDate', sortKey: { name: 'createdSk', type: 'S' } }], // `${createDate}#${id}`, projection ALL
  globalSecondaryIndexes: [
    {
      indexName: 'byUpdateDate',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'updatedSk', type: 'S' }, // `${updateDate}#${id}`, projection ALL
    },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const;

/** CreateTable input for the local stack and tests (on-demand billing). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, localSecondaryIndexes, globalSecondaryIndexes } =
    journalTableSchema;
  const keyAttributes = new Map<string, 'S'>();
  for (const key of [
    partitionKey,
    sortKey,
    ...localSecondaryIndexes.map((index) => index.sortKey),
    ...globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]) {
    keyAttributes.set(key.name, key.type);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    LocalSecondaryIndexes: localSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
