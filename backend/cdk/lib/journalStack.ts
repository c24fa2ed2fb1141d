import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { JournalApi } from './journalApi';
import { JournalBudget } from './journalBudget';
import type { JournalConfig } from './journalConfig';
import { journalConfigOutput } from './journalConfig';
import { JournalFunction } from './journalFunction';
import { JournalIdentityPool } from './journalIdentityPool';
import { JournalTable } from './journalTable';
import { JournalUserPool } from './journalUserPool';
import { readStackOptions } from './stackOptions';

/** The whole backend of Journal for the browser, deployable to any account and region. */
export class JournalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const options = readStackOptions(this.node);

    const { table } = new JournalTable(this, 'Journal', {
      existingTableName: options.existingTableName,
    });
    const { fn } = new JournalFunction(this, 'JournalApiFunction', { table });
    const api = new JournalApi(this, 'JournalApi', { handler: fn });
    const { userPool, client } = new JournalUserPool(this, 'Users', {
      ownerEmail: options.ownerEmail,
      selfSignUp: options.selfSignUp,
      existingUserPoolId: options.existingUserPoolId,
    });
    new JournalBudget(this, 'Budget', { amountUsd: options.budgetUsd, email: options.ownerEmail });
    const { identityPool } = new JournalIdentityPool(this, 'Identities', {
      userPool,
      client,
      invokeArn: api.graphqlInvokeArn,
    });

    const config: JournalConfig = {
      region: this.region,
      userPoolId: userPool.userPoolId,
      userPoolClientId: client.userPoolClientId,
      identityPoolId: identityPool.ref,
      graphqlUrl: api.graphqlUrl,
    };
    for (const [name, value] of Object.entries(config)) {
      new CfnOutput(this, name, { value });
    }
    new CfnOutput(this, journalConfigOutput, {
      value: this.toJsonString(config),
      description: 'Paste into the options page: Backend configuration',
    });
  }
}
