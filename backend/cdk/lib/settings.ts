import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The stage name is part of Contract 2's `graphqlUrl` and of the local stack's path (`/prod/graphql`). */
export const stageName = 'prod';

/** One person's journal: a low ceiling also caps what a leaked credential can cost. */
export const throttling = { rateLimit: 10, burstLimit: 20 } as const;

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

/** Lets the extension read API Gateway's error type (expired token, bad signature, clock skew). */
export const corsExposeHeaders = ['x-amzn-ErrorType', 'x-amzn-RequestId'] as const;
