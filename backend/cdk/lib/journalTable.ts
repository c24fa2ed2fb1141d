import { RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { journalTableSchema } from '../../api/table';

const attributeTypes = { S: AttributeType.STRING } as const;

export interface JournalTableProps {
  /** A table kept from an earlier deploy (`cdk destroy` retains it): use it instead of a new one. */
  existingTableName?: string;
}

/**
 * The journal table, built from the same schema the API and the local stack use. Its keys are fixed
 * for good: CloudFormation replaces a table whose keys change (a new, empty table; the old one kept).
 */
export class JournalTable extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: JournalTableProps = {}) {
    super(scope, id);
    const { partitionKey, sortKey, localSecondaryIndexes, globalSecondaryIndexes } =
      journalTableSchema;

    if (props.existingTableName !== undefined) {
      this.table = Table.fromTableAttributes(this, 'Table', {
        tableName: props.existingTableName,
        // So that the function's grant covers the index's ARN too.
        localIndexes: localSecondaryIndexes.map((index) => index.indexName),
        globalIndexes: globalSecondaryIndexes.map((index) => index.indexName),
      });
      return;
    }

    const table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey.name, type: attributeTypes[partitionKey.type] },
      sortKey: { name: sortKey.name, type: attributeTypes[sortKey.type] },
      // Idle costs nothing on demand; a personal journal never needs provisioned capacity.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // People's entries outlive the stack: neither `cdk destroy` nor a console click deletes them.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      // Tombstones of deleted entries expire (backend/api/tombstones.ts); entries never carry it.
      timeToLiveAttribute: journalTableSchema.timeToLiveAttribute,
    });
    this.table = table;

    for (const index of localSecondaryIndexes) {
      table.addLocalSecondaryIndex({
        indexName: index.indexName,
        sortKey: { name: index.sortKey.name, type: attributeTypes[index.sortKey.type] },
        projectionType: ProjectionType.ALL,
      });
    }
    // Added to a deployed table in place (an LSI could not be); DynamoDB fills it from the items.
    for (const index of globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
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
