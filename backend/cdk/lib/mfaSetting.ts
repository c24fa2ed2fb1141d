import { Mfa } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** The context key: `cdk deploy -c mfa=required` (or `"mfa": "required"` in cdk.json's context). */
export const mfaContextKey = 'mfa';

/**
 * Two-step sign-in with an authenticator app (TOTP): optional by default, so each person turns it on
 * from the extension's options page; `required` makes every account set it up at its next sign-in.
 */
export function mfaSetting(scope: Construct): Mfa {
  const raw: unknown = scope.node.tryGetContext(mfaContextKey);
  if (raw === undefined || raw === 'optional') return Mfa.OPTIONAL;
  if (raw === 'required') return Mfa.REQUIRED;
  throw new Error(
    `Context value "${mfaContextKey}" must be "optional" or "required", not ${JSON.stringify(raw)}`,
  );
}
