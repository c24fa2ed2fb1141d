import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface JournalBudgetProps {
  /** USD per month. */
  amountUsd: number;
  email: string;
}

/**
 * A monthly AWS Budgets alarm that e-mails the owner when the account's costs reach 80% of the
 * amount, and when AWS forecasts they will pass it. It watches the whole account, not only this
 * stack: filtering by tag needs a cost allocation tag switched on by hand first, and an alarm that
 * silently watches nothing is worse than one that also counts other spending. Budgets alarm; they
 * do not stop anything (the API's throttle and cost limits are what cap the spending).
 */
export class JournalBudget extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: JournalBudgetProps) {
    super(scope, id);
    const subscribers = [{ subscriptionType: 'EMAIL', address: props.email }];
    const notify = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number) => ({
      notification: {
        notificationType,
        comparisonOperator: 'GREATER_THAN',
        threshold,
        thresholdType: 'PERCENTAGE',
      },
      subscribers,
    });
    this.budget = new CfnBudget(this, 'Monthly', {
      budget: {
        budgetName: `${Stack.of(this).stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.amountUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [notify('ACTUAL', 80), notify('FORECASTED', 100)],
    });
  }
}
