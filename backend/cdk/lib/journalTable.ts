import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { journalTableSchema } from '../../api/table';

const attributeTypes = { S: AttributeType.STRING } as const;

/** The journal table, built from the same schema the API and the local stack use. */
export class JournalTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { partitionKey, sortKey, localSecondaryIndexes, globalSecondaryIndexes } =
      journalTableSchema;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey.name, type: attributeTypes[partitionKey.type] },
      sortKey: { name: sortKey.name, type: attributeTypes[sortKey.type] },
      // Idle costs nothing on demand; a personal journal never needs provisioned capacity.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // People's entries outlive the stack: `cdk destroy` must not delete them.
      removalPolicy: RemovalPolicy.RETAIN,
      // Tombstones of deleted entries expire (backend/api/tombstones.ts); entries never carry it.
      timeToLiveAttribute: journalTableSchema.timeToLiveAttribute,
    });

    for (const index of localSecondaryIndexes) {
      this.table.addLocalSecondaryIndex({
        indexName: index.indexName,
        sortKey: { name: index.sortKey.name, type: attributeTypes[index.sortKey.type] },
        projectionType: ProjectionType.ALL,
      });
    }
    // Added to a deployed table in place (an LSI could not be); DynamoDB fills it from the items.
    for (const index of globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: {
          name: index.partitionKey.name,
          type: attributeTypes[index.partitionKey.type],
        },
        sortKey: { name: index.sortKey.name, type: attributeTypes[index.sortKey.type] },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
