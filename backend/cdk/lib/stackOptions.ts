/**
 * What the owner chooses at deploy time, as CDK context (`-c name=value`, or `context` in
 * cdk.context.json). Read and checked in one place, so a typo fails the synth with a sentence
 * instead of deploying something else.
 */
import type { Node } from 'constructs';
import { defaultBudgetUsd } from './settings';

export interface JournalStackOptions {
  /** The owner's e-mail: their user is created (Cognito e-mails a temporary password) and budget alarms go there. */
  ownerEmail: string;
  /** Self sign-up; closed unless `-c selfSignUp=true`. */
  selfSignUp: boolean;
  /** The monthly AWS Budgets amount in USD. */
  budgetUsd: number;
  /** A user pool kept from an earlier deploy (`cdk destroy` retains it): use it instead of a new one. */
  existingUserPoolId?: string;
  /** A table kept from an earlier deploy: use it instead of a new one. */
  existingTableName?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(node: Node, name: string): string | undefined {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`Context "${name}" must be a single value; got ${JSON.stringify(value)}.`);
  }
  return String(value).trim();
}

export function readStackOptions(node: Node): JournalStackOptions {
  const ownerEmail = text(node, 'ownerEmail');
  if (!ownerEmail || !EMAIL.test(ownerEmail)) {
    throw new Error(
      `Name the journal's owner: -c ownerEmail=you@example.com (got ${JSON.stringify(ownerEmail ?? '')}). ` +
        'Cognito e-mails that address a temporary password; budget alarms go there too.',
    );
  }
  const selfSignUpText = text(node, 'selfSignUp') ?? 'false';
  if (selfSignUpText !== 'true' && selfSignUpText !== 'false') {
    throw new Error(`Context "selfSignUp" must be true or false; got "${selfSignUpText}".`);
  }
  const budgetText = text(node, 'budgetUsd');
  const budgetUsd = budgetText === undefined ? defaultBudgetUsd : Number(budgetText);
  if (!Number.isFinite(budgetUsd) || budgetUsd <= 0) {
    throw new Error(`Context "budgetUsd" must be an amount in USD above 0; got "${budgetText}".`);
  }
  const existingUserPoolId = text(node, 'existingUserPoolId');
  if (existingUserPoolId !== undefined && !/^[\w-]+_[0-9a-zA-Z]+$/.test(existingUserPoolId)) {
    throw new Error(
      `Context "existingUserPoolId" must be a user pool id like eu-central-1_AbCdEf123; got "${existingUserPoolId}".`,
    );
  }
  return {
    ownerEmail,
    selfSignUp: selfSignUpText === 'true',
    budgetUsd,
    existingUserPoolId,
    existingTableName: text(node, 'existingTableName'),
  };
}
