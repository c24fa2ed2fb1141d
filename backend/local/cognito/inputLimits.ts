import { AwsError } from '../awsError';
import { requiredString, type Params } from './params';

// The constraints of Cognito's API model (UsernameType, PasswordType, ConfirmationCodeType), checked
// before anything else as Cognito does, with its wording. The password pattern is the one the API
// reference documents: no leading or trailing white space.
export const MAX_USERNAME = 128;
export const MAX_PASSWORD = 256;
export const MAX_CODE = 2048;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const PASSWORD_PATTERN = '^[\\S]+.*[\\S]+$';
const PASSWORD = /^\S(?:.*\S)?$/su;
const CODE = /^\S+$/u;

const member = (name: string): string => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

function invalid(name: string, constraint: string): AwsError {
  return new AwsError(
    'InvalidParameterException',
    `1 validation error detected: Value at '${member(name)}' failed to satisfy constraint: ${constraint}`,
  );
}

function checkShape(
  value: string,
  name: string,
  max: number,
  pattern: RegExp,
  shown: string,
): string {
  if (value.length > max)
    throw invalid(name, `Member must have length less than or equal to ${max}`);
  if (!pattern.test(value))
    throw invalid(name, `Member must satisfy regular expression pattern: ${shown}`);
  return value;
}

export function usernameParam(p: Params, name = 'Username'): string {
  return checkShape(
    requiredString(p, name),
    name,
    MAX_USERNAME,
    USERNAME,
    '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  );
}

export function passwordParam(p: Params, name: string): string {
  return checkPassword(requiredString(p, name), name);
}

export function checkPassword(value: string, name: string): string {
  return checkShape(value, name, MAX_PASSWORD, PASSWORD, PASSWORD_PATTERN);
}

export function codeParam(p: Params, name = 'ConfirmationCode'): string {
  return checkShape(requiredString(p, name), name, MAX_CODE, CODE, '[\\S]+');
}
