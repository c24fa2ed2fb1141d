import { AwsError } from '../awsError';

/** Request bodies arrive as parsed JSON of unknown shape: read fields defensively, fail as Cognito does. */
export type Params = Record<string, unknown>;

export function asParams(input: unknown): Params {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Params) : {};
}

export function optionalString(p: Params, name: string): string | undefined {
  const v = p[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredString(p: Params, name: string): string {
  const v = optionalString(p, name);
  if (v === undefined || v === '') {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return v;
}

export function stringMap(p: Params, name: string): Record<string, string> {
  const v = p[name];
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [key, value] of Object.entries(v)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** `[{Name, Value}]` as sent in UserAttributes. */
export function attributeList(p: Params, name: string): Record<string, string> {
  const v = p[name];
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v as unknown[]) {
      const a = asParams(item);
      if (typeof a.Name === 'string' && typeof a.Value === 'string') out[a.Name] = a.Value;
    }
  }
  return out;
}

export function missing(name: string): AwsError {
  return new AwsError('InvalidParameterException', `Missing required parameter ${name}`);
}
