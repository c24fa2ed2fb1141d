/** Codes a reply from the worker may carry; each is rebuilt into a named error in the pages. */
export const ERROR_NAMES = {
  BAD_REQUEST: 'BadRequestError',
  FORBIDDEN: 'ForbiddenSenderError',
  UNKNOWN_TYPE: 'UnknownMessageError',
  INTERNAL: 'InternalError',
  WORKER_UNAVAILABLE: 'WorkerUnavailableError',
  NOT_CONFIGURED: 'NotConfiguredError',
  INVALID_CONFIG: 'InvalidConfigError',
  NOT_SIGNED_IN: 'NotSignedInError',
  AUTH: 'AuthError',
  NETWORK: 'NetworkError',
  BAD_USER_INPUT: 'BadUserInputError',
  NOT_FOUND: 'NotFoundError',
  SERVER: 'ServerError',
} as const;

export type ErrorCode = keyof typeof ERROR_NAMES;

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** A finer reason where one helps the UI choose words, e.g. a Cognito exception name. */
  reason?: string;
}

export class JournalError extends Error {
  readonly code: ErrorCode;
  readonly reason: string | undefined;
  /** `cause` is what a converter was given (the library's or the server's error), for the log. */
  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.code = info.code;
    this.reason = info.reason;
    this.name = ERROR_NAMES[info.code];
  }

  toInfo(): ErrorInfo {
    return this.reason === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, reason: this.reason };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_NAMES, value);
}

export function isJournalError(err: unknown, code?: ErrorCode): err is JournalError {
  return err instanceof JournalError && (code === undefined || err.code === code);
}
