import type { Entry, EntryPage } from '../../shared/types';

/**
 * The journal API as the rest of the worker sees it: signed, refreshed and retried underneath.
 * Errors are JournalErrors: NOT_CONFIGURED, NOT_SIGNED_IN, NETWORK (offline, stack down), AUTH
 * (the backend refused our session), BAD_USER_INPUT / NOT_FOUND (from the API, with its message),
 * SERVER (anything else the API or gateway answered).
 */
export interface JournalApi {
  recent(input: { limit: number; nextToken: string | null }): Promise<EntryPage>;
  /** Idempotent by `id`: a retry returns the entry already stored. */
  create(input: { id: string; content: string; createDate: string }): Promise<Entry>;
  update(input: { id: string; content: string }): Promise<Entry>;
  delete(id: string): Promise<Entry>;
}
