import { AwsError } from '../awsError';

// Cognito's default policy, with its messages: the first unmet rule is reported.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function checkPasswordPolicy(password: string): void {
  const fail = (why: string): never => {
    throw new AwsError('InvalidPasswordException', `Password did not conform with policy: ${why}`);
  };
  if (password.length < 8) fail('Password not long enough');
  if (!/[a-z]/.test(password)) fail('Password must have lowercase characters');
  if (!/[A-Z]/.test(password)) fail('Password must have uppercase characters');
  if (!/[0-9]/.test(password)) fail('Password must have numeric characters');
  if (!SYMBOLS.test(password)) fail('Password must have symbol characters');
}
