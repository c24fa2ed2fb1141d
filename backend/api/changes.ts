/**
 * The changes query: how a device keeps a replica of the journal.
 *
 * - No `since`: a full pass over every live entry, newest first by create date (the `byCreateDate`
 *   index, read consistently). Tombstones are left out: a device with nothing has nothing to delete.
 *   Entries written before the changes feed existed have no update time; reading by create date
 *   finds them all the same, so no backfill is needed on AWS.
 * - `since` a cursor: what was created, edited or deleted at or after it, latest change first (the
 *   `byUpdateDate` index). With nothing new this is one Query that reads nothing.
 *
 * The cursor a pass ends with is fixed when it starts: `SETTLE_MS` before the server's clock (or
 * `since`, if later). A GSI is eventually consistent and clocks of concurrent writers differ by a
 * little, so a change made in those last seconds may not be visible yet; it is delivered again by
 * the next sync instead of being missed. Devices keep, per id, the version with the latest
 * updateDate, so a change seen twice is harmless.
 */
import {
  decodeChangeToken,
  decodeCursor,
  encodeChangeToken,
  encodeCursor,
  type ChangeKey,
} from './changeCursor';
import type { EntryKey } from './cursor';
import { cursorExpired } from './errors';
import type { ApiContext } from './resolvers';
import type { EntryChangeRecord } from './store';
import { TOMBSTONE_RETENTION_DAYS, TOMBSTONE_RETENTION_MS } from './tombstones';
import { validateLimit } from './validation';

export const SETTLE_MS = 10_000;
export const DEFAULT_CHANGES_LIMIT = 100;

export interface ChangePage {
  items: EntryChangeRecord[];
  nextToken: string | null;
  cursor: string;
}

export async function changesPage(
  args: { since?: string | null; limit?: number | null; nextToken?: string | null },
  { store, identityId, now }: ApiContext,
): Promise<ChangePage> {
  const limit = validateLimit(args.limit ?? DEFAULT_CHANGES_LIMIT);
  const since = args.since == null ? null : decodeCursor(args.since);
  const at = now().getTime();
  if (since !== null && Date.parse(since) < at - TOMBSTONE_RETENTION_MS) {
    throw cursorExpired(
      `This device last synced more than ${TOMBSTONE_RETENTION_DAYS} days ago, and deletions ` +
        'from before then are forgotten. Sync from the start: send no since.',
    );
  }
  let cursor: string;
  let start: EntryKey | ChangeKey | undefined;
  if (args.nextToken) {
    ({ cursor, key: start } = decodeChangeToken(args.nextToken, identityId, since));
  } else {
    const settled = new Date(at - SETTLE_MS).toISOString();
    cursor = since !== null && since > settled ? since : settled;
  }
  let items: EntryChangeRecord[];
  let next: EntryKey | ChangeKey | undefined;
  if (since === null) {
    const page = await store.page(identityId, limit, start as EntryKey | undefined);
    items = page.entries.map((entry) => ({
      id: entry.id,
      updateDate: entry.updateDate ?? entry.createDate,
      deleted: false,
      entry,
    }));
    next = page.next;
  } else {
    const page = await store.changedSince(identityId, since, limit, start as ChangeKey | undefined);
    items = page.changes;
    next = page.next;
  }
  return {
    items,
    nextToken: next ? encodeChangeToken({ since, cursor, key: next }) : null,
    cursor: encodeCursor(cursor),
  };
}
