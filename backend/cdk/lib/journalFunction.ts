import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerEntry, lockFile, repoRoot } from './paths';
import { logRetention } from './settings';

/** Exactly the DynamoDB calls `backend/api/store.ts` makes (Get, Put, Update, Delete, Query). */
export const tableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
] as const;

export interface JournalFunctionProps {
  table: ITable;
}

/** The journal GraphQL API (`backend/api/handler.ts`) as a Lambda function. */
export class JournalFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: JournalFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention,
      // Logs are disposable, unlike the table: `cdk destroy` should leave nothing billable behind.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole: write to this one log group, nothing else.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Journal API: write its logs and read/write journal entries',
    });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Handler', {
      entry: handlerEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        // The schema is public in the project; on the wire, introspection only helps a prober.
        JOURNAL_API_INTROSPECTION: 'false',
        // The bundle is minified: map logged stack traces back to backend/api's sources.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.CJS,
        minify: true,
        sourceMap: true,
        // The Node.js runtime ships SDK v3: bundling it would only make cold starts slower.
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
      },
    });

    // Not grantReadWriteData: that adds batch and scan calls the API never makes.
    props.table.grant(role, ...tableActions);
  }
}
