import { isJournalError, type ErrorInfo } from '../shared/errors';

/** Anything thrown on the way to the worker, as the sentence (and reason) the page shows. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (isJournalError(err)) return err.toInfo();
  return {
    code: 'INTERNAL',
    message: err instanceof Error && err.message ? err.message : 'Something went wrong. Try again.',
  };
}
