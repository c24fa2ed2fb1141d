import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The journal table. The CDK stack mirrors this design: change it in both places or in neither.
 * - `pk`: the caller's User Pool `sub` (one partition per user; see owner.ts for why not the
 *   Identity Pool's id). Changing a key here replaces the deployed table: see backend/cdk/README.md
 * - `sk`: the entry id
 * - LSI `byCreateDate`: sort key `createdSk` = `${createDate}#${id}`, projection ALL, so a page of
 *   newest entries is one Query whatever the size of the journal.
 */
export const journalTableSchema = {
  partitionKey: { name: 'pk', type: 'S' }, // the caller's User Pool sub
  sortKey: { name: 'sk', type: 'S' }, // the entry id
  localSecondaryIndexes: [{ indexName: 'byCreateDate', sortKey: { name: 'createdSk', type: 'S' } }], // `${createDate}#${id}`, projection ALL
} as const;

/** CreateTable input for the local stack and tests (on-demand billing). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, localSecondaryIndexes } = journalTableSchema;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: sortKey.name, AttributeType: sortKey.type },
      ...localSecondaryIndexes.map((index) => ({
        AttributeName: index.sortKey.name,
        AttributeType: index.sortKey.type,
      })),
    ],
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
  };
}
