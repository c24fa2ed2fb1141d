import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The stage name is part of Contract 2's `graphqlUrl` and of the local stack's path (`/prod/graphql`). */
export const stageName = 'prod';

/**
 * One person's journal. A person saves an entry every few seconds at the very most; opening the
 * popup or the journal page sends a handful of requests at once (pages, an outbox flush), so a burst
 * of 10 lets those through and 1 request/s sustained is still 3,600 an hour. The ceiling is what caps
 * a leaked credential: with the API's cost limits (one write of ≤ 400 KB per request, ≈ 800 write
 * units with the index) the worst case is 86,400 such writes a day (README: What it costs).
 */
export const throttling = { rateLimit: 1, burstLimit: 10 } as const;

/** The monthly AWS Budgets alarm, in USD, unless `-c budgetUsd=…` says otherwise. */
export const defaultBudgetUsd = 5;

/** Logs cost per GB stored: keep a month for debugging, then let them go. */
export const logRetention = RetentionDays.ONE_MONTH;

/** Cognito's defaults, which the local stack mirrors (Contract 1). */
export const tokenValidity = {
  idToken: Duration.hours(1),
  accessToken: Duration.hours(1),
  refreshToken: Duration.days(30),
} as const;

/** What the extension sends on a signed GraphQL POST (SigV4 headers plus JSON). */
export const corsAllowHeaders = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
] as const;

/**
 * Lets the extension read API Gateway's error type (expired token, bad signature) and `Date`, which
 * its clock-skew correction reads from every answer, API Gateway's own refusals included.
 */
export const corsExposeHeaders = ['Date', 'x-amzn-ErrorType', 'x-amzn-RequestId'] as const;
