import { JournalError } from '../../shared/errors';

/** Request validators: a malformed request is a typed BAD_REQUEST, never a crash in a handler. */
function bad(message: string): JournalError {
  return new JournalError({ code: 'BAD_REQUEST', message });
}

export function none(raw: unknown): void {
  if (raw !== undefined && raw !== null) throw bad('This message takes no request.');
}

export function object(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw bad('The request must be an object.');
  return raw as Record<string, unknown>;
}

export function string(
  obj: Record<string, unknown>,
  field: string,
  options: { max?: number; min?: number } = {},
): string {
  const value = obj[field];
  if (typeof value !== 'string') throw bad(`"${field}" must be text.`);
  if (options.min !== undefined && value.length < options.min)
    throw bad(`"${field}" is too short.`);
  if (options.max !== undefined && value.length > options.max) throw bad(`"${field}" is too long.`);
  return value;
}

export function optionalString(
  obj: Record<string, unknown>,
  field: string,
  options: { max?: number } = {},
): string | undefined {
  return obj[field] === undefined || obj[field] === null ? undefined : string(obj, field, options);
}

export function optionalInt(
  obj: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw bad(`"${field}" must be a whole number from ${min} to ${max}.`);
  return value;
}
