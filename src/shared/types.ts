/** Shapes the pages and the worker share. None of them holds a token or a key. */

export interface Draft {
  text: string;
  updatedAt: number;
}

/** The journal API's Entry (docs/journal-api.md), as the pages see it. */
export interface Entry {
  id: string;
  createDate: string;
  updateDate: string | null;
  content: string;
}

export interface EntryPage {
  items: Entry[];
  nextToken: string | null;
}

/** An entry written but not yet stored by the API. */
export interface OutboxItem {
  /** Client-chosen id: `createEntry(id, …)` makes every retry idempotent. */
  id: string;
  content: string;
  /** When the person wrote it (ISO 8601), kept as the entry's createDate. */
  createDate: string;
  /** `pending` is retried; `refused` (the API said the input is bad) waits for the person. */
  status: 'pending' | 'refused';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  /** The Cognito `sub` of who was signed in when it was written, or null if nobody was. */
  owner: string | null;
}

export interface SessionView {
  configured: boolean;
  signedIn: boolean;
  email: string | null;
  /** Why the person is signed out when they did not choose it (expired or revoked session). */
  signedOutReason: string | null;
}

/** What the pages may know about who is signed in: enough to paint, nothing secret. */
export interface Account {
  email: string;
  sub: string;
}

/** The copy of recent entries the popup paints at once, before asking the worker. */
export interface RecentCache {
  items: Entry[];
  nextToken: string | null;
  savedAt: number;
}
