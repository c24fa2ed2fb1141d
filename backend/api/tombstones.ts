/**
 * Tombstones: what is left of a deleted entry so that other devices learn of the deletion.
 *
 * They are kept for 90 days (DynamoDB's TTL then removes them; it may take a day or two longer).
 * 90 days covers a device left unused for a season — a laptop over a summer, a phone in a drawer —
 * while a tombstone is a hundred bytes without the entry's text, so keeping them costs nothing. A
 * device whose cursor is older than that may have missed a tombstone already removed: the changes
 * query refuses its cursor (CURSOR_EXPIRED) and the device syncs everything afresh.
 */
import { updatedSkOf } from './sortKeys';

export const TOMBSTONE_RETENTION_DAYS = 90;
export const TOMBSTONE_RETENTION_MS = TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000;

export interface TombstoneItem {
  pk: string;
  sk: string;
  deleted: true;
  updateDate: string;
  updatedSk: string;
  /** Epoch seconds, the table's TTL attribute. */
  expiresAt: number;
}

export function tombstoneItem(owner: string, id: string, now: Date): TombstoneItem {
  const updateDate = now.toISOString();
  return {
    pk: owner,
    sk: id,
    deleted: true,
    updateDate,
    updatedSk: updatedSkOf(updateDate, id),
    expiresAt: Math.ceil((now.getTime() + TOMBSTONE_RETENTION_MS) / 1000),
  };
}

export function isTombstone(
  item: Record<string, unknown>,
): item is Record<string, unknown> & TombstoneItem {
  return item['deleted'] === true;
}
