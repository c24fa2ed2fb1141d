import { JournalError } from '../../shared/errors';
import { TransportError } from '../aws/transportError';

const API_NETWORK = 'Can’t reach your journal. Check your connection and try again.';

export const apiNetworkError = (reason = 'NetworkError', cause?: unknown) =>
  new JournalError({ code: 'NETWORK', message: API_NETWORK, reason }, { cause });

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown };
}

/**
 * graphql-request's ClientError (or anything else) as a JournalError: the API's input errors keep
 * its message, a refused signature is AUTH, a gateway that cannot reach the API is NETWORK.
 */
export function apiError(err: unknown): JournalError {
  if (err instanceof JournalError) return err;
  if (err instanceof TransportError || err instanceof TypeError)
    return apiNetworkError('NetworkError', err);
  const cause = { cause: err };
  const response = (err as { response?: { status?: unknown; errors?: unknown; body?: unknown } })
    .response;
  if (!response)
    return new JournalError(
      { code: 'SERVER', message: 'The journal answered something unexpected. Try again.' },
      cause,
    );
  const errors = Array.isArray(response.errors) ? (response.errors as GraphQLErrorLike[]) : [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if ((code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') && typeof e.message === 'string')
      return new JournalError({ code, message: e.message, reason: code }, cause);
  }
  const status = typeof response.status === 'number' ? response.status : 0;
  if (status === 403 || status === 401)
    return new JournalError(
      {
        code: 'AUTH',
        message: 'The journal refused this session. Sign out and in again.',
        reason: errorType(response.body) ?? String(status),
      },
      cause,
    );
  if (status >= 502 && status <= 504) return apiNetworkError(String(status), err);
  const first = errors[0]?.message;
  return new JournalError(
    {
      code: 'SERVER',
      message:
        typeof first === 'string' && first
          ? first
          : `The journal failed (HTTP ${status}). Try again.`,
      reason: String(status),
    },
    cause,
  );
}

function errorType(body: unknown): string | null {
  if (typeof body !== 'string') return null;
  try {
    const parsed = JSON.parse(body) as { __type?: unknown };
    return typeof parsed.__type === 'string' ? parsed.__type : null;
  } catch {
    return null;
  }
}
