import { awsErrorOf } from './awsError';

/** What an API Gateway 403 asks of the client. */
export type Refusal =
  | { kind: 'skew'; serverTime: number | null }
  | { kind: 'credentials'; type: string }
  | { kind: 'other'; type: string };

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function parseAmzDate(value: string): number | null {
  const m = AMZ_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/**
 * The server's time from its answer: the `Date` header when CORS lets us read it, else the one
 * API Gateway writes into "Signature expired: … (20240101T120000Z - 5 min.)".
 */
export function serverTime(dateHeader: string | null, message: string): number | null {
  if (dateHeader) {
    const t = Date.parse(dateHeader);
    if (Number.isFinite(t)) return t;
  }
  const m = /\((\d{8}T\d{6}Z) [+-] 5 min\.\)/.exec(message);
  return m?.[1] ? parseAmzDate(m[1]) : null;
}

/**
 * Classifies a 403 by its `x-amzn-ErrorType` header, or, when CORS hides it (no host permission),
 * by the JSON body's `__type` and message.
 */
export function classifyRefusal(headers: Headers, body: string): Refusal {
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: the header alone decides.
  }
  const { message, ...error } = awsErrorOf(headers, parsed);
  const type = error.type ?? '';
  if (/Signature expired|Signature not yet current/i.test(message))
    return { kind: 'skew', serverTime: serverTime(headers.get('date'), message) };
  if (
    type === 'ExpiredTokenException' ||
    type === 'UnrecognizedClientException' ||
    /security token included in the request is (expired|invalid)/i.test(message)
  )
    return { kind: 'credentials', type: type || 'ExpiredTokenException' };
  return { kind: 'other', type: type || 'Forbidden' };
}
