import { describe, expect, it } from 'vitest';
import { createTableInput, journalTableSchema } from '../../../backend/api/table';

describe('the journal table', () => {
  it('keeps the fixed design the CDK stack mirrors', () => {
    expect(journalTableSchema).toEqual({
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      localSecondaryIndexes: [
        { indexName: 'byCreateDate', sortKey: { name: 'createdSk', type: 'S' } },
      ],
      globalSecondaryIndexes: [
        {
          indexName: 'byUpdateDate',
          partitionKey: { name: 'pk', type: 'S' },
          sortKey: { name: 'updatedSk', type: 'S' },
        },
      ],
      timeToLiveAttribute: 'expiresAt',
    });
  });

  it('createTableInput builds that design, on demand', () => {
    expect(createTableInput('journal-test')).toEqual({
      TableName: 'journal-test',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'createdSk', AttributeType: 'S' },
        { AttributeName: 'updatedSk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byCreateDate',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'createdSk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byUpdateDate',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'updatedSk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });
});
