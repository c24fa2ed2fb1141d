/** Pure checks of client input. Each throws a BAD_USER_INPUT GraphQLError a person can act on. */
import {
  MAX_ATTACHMENTS,
  MAX_ENTRY_CHARS,
  MAX_URL_CHARS,
  charactersOverLimit,
  countCharacters,
  entrySizeProblem,
  formatCount,
} from '../../src/shared/entryLimits';
import { badUserInput } from './errors';

// The entry limits are shared with the extension: src/shared/entryLimits.ts.
export { MAX_ATTACHMENTS, MAX_URL_CHARS, countCharacters, formatCount };
export const MAX_CONTENT_CHARS = MAX_ENTRY_CHARS;
export const MAX_ID_CHARS = 128;
export const DEFAULT_LIMIT = 20;
export const MIN_LIMIT = 1;
export const MAX_LIMIT = 100;

export interface Attachment {
  position: number;
  url: string;
}

/** A user's value quoted for a message, cut short so a huge value does not make a huge message. */
export function quote(value: string, max = 40): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

export function validateContent(content: string): string {
  if (content.trim() === '') {
    throw badUserInput('Entry is empty; write something before saving.');
  }
  const chars = charactersOverLimit(content);
  if (chars !== null) {
    throw badUserInput(
      `Entry is ${formatCount(chars)} characters; the limit is ${formatCount(MAX_CONTENT_CHARS)}.`,
    );
  }
  return content;
}

const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ID_CHARS}}$`);

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function validateId(id: string): string {
  if (!isValidId(id)) {
    throw badUserInput(
      `id must be 1 to ${MAX_ID_CHARS} characters of letters, digits, "_" or "-"; got ${quote(id)}.`,
    );
  }
  return id;
}

// RFC 3339 / ISO-8601 extended date-time with a zone: 2024-05-01T09:30Z, 2024-05-01T09:30:00.123+02:00
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO-8601 date-time with a time zone and returns it in the one canonical form
 * (`Date#toISOString`, UTC, milliseconds), so that stored dates sort as text in time order.
 * Refuses dates that do not exist (2023-02-29, 24:00, offsets past ±23:59).
 */
export function parseCreateDate(value: string): string {
  const refuse = () =>
    badUserInput(
      `createDate must be an ISO-8601 date and time with a time zone, like 2024-05-01T09:30:00Z; got ${quote(value)}.`,
    );
  const m = DATE_TIME.exec(value);
  if (!m) throw refuse();
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    (part) => Number(part ?? 0),
  ) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    throw refuse();
  }
  const sign = m[9] === '-' ? -1 : 1;
  const utc =
    Date.UTC(year, month - 1, day, hour, minute, second, millis) -
    sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  // Date.UTC maps years 0..99 to 1900..1999; years before 1000 are not a journal's concern.
  if (year < 1000 || !Number.isFinite(utc)) throw refuse();
  const canonical = new Date(utc).toISOString();
  if (!/^\d{4}-/.test(canonical)) throw refuse();
  return canonical;
}

export function validateLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < MIN_LIMIT || limit > MAX_LIMIT) {
    throw badUserInput(`limit must be between ${MIN_LIMIT} and ${MAX_LIMIT}; got ${limit}.`);
  }
  return limit;
}

export function validateAttachments(
  attachments: ReadonlyArray<Attachment | null> | null | undefined,
): Attachment[] {
  if (!attachments) return [];
  if (attachments.length > MAX_ATTACHMENTS) {
    throw badUserInput(
      `An entry can have at most ${MAX_ATTACHMENTS} attachments; got ${formatCount(attachments.length)}.`,
    );
  }
  return attachments.map((attachment, index) => {
    const which = `Attachment ${index + 1}`;
    if (!attachment) throw badUserInput(`${which} is null; send a position and a url.`);
    const { position, url } = attachment;
    if (!Number.isInteger(position) || position < 0) {
      throw badUserInput(`${which}: position must be 0 or more; got ${position}.`);
    }
    if (url.length > MAX_URL_CHARS) {
      throw badUserInput(
        `${which}: url is ${formatCount(url.length)} characters; the limit is ${formatCount(MAX_URL_CHARS)}.`,
      );
    }
    if (!isHttpUrl(url)) {
      throw badUserInput(
        `${which}: url must be an http:// or https:// address; got ${quote(url)}.`,
      );
    }
    return { position, url };
  });
}

/**
 * The stored item must fit DynamoDB's 400 KB, measured in UTF-8 as DynamoDB does (dynalite counts
 * UTF-16, so the local stack alone would let a too-large entry through).
 */
export function validateEntrySize(content: string, attachments: readonly Attachment[]): void {
  const problem = entrySizeProblem(
    content,
    attachments.map((a) => a.url),
  );
  if (problem) throw badUserInput(problem);
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host !== '';
  } catch {
    return false;
  }
}
