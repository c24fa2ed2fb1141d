import { visibleTo } from '../../shared/outboxVisibility';
import type { OutboxItem } from '../../shared/types';

/**
 * The outbox's state changes, pure: every function takes the items (and the time where it
 * matters) and returns new items, so the rules are tested by tables and the I/O lives elsewhere.
 * Array order is write order, which is the order of delivery.
 */

/** Waits after the 1st, 2nd, … failed attempt; the last one repeats. */
const BACKOFF_MS: readonly number[] = [5_000, 15_000, 60_000, 300_000, 900_000];
const CAP_MS = 900_000;

export function backoffMs(attempts: number): number {
  return BACKOFF_MS[Math.max(attempts, 1) - 1] ?? CAP_MS;
}

export function newItem(input: {
  id: string;
  content: string;
  createDate: string;
  owner: string | null;
}): OutboxItem {
  return { ...input, status: 'pending', attempts: 0, lastError: null, nextAttemptAt: null };
}

export function enqueue(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  return [...items.filter((i) => i.id !== item.id), item];
}

function change(
  items: readonly OutboxItem[],
  id: string,
  fn: (item: OutboxItem) => OutboxItem,
): OutboxItem[] {
  return items.map((item) => (item.id === id ? fn(item) : item));
}

/** A failed delivery that may work later (offline, signed out, server trouble): back off. */
export function markAttempt(
  items: readonly OutboxItem[],
  id: string,
  error: string,
  now: number,
): OutboxItem[] {
  return change(items, id, (item) => ({
    ...item,
    attempts: item.attempts + 1,
    lastError: error,
    nextAttemptAt: now + backoffMs(item.attempts + 1),
  }));
}

export function markDelivered(items: readonly OutboxItem[], id: string): OutboxItem[] {
  return items.filter((item) => item.id !== id);
}

/** The API said the input is bad: kept for the person, never retried on its own. */
export function markRefused(
  items: readonly OutboxItem[],
  id: string,
  reason: string,
): OutboxItem[] {
  return change(items, id, (item) => ({
    ...item,
    status: 'refused',
    attempts: item.attempts + 1,
    lastError: reason,
    nextAttemptAt: null,
  }));
}

/** The person's fix for a refused item: due again at once. */
export function edit(items: readonly OutboxItem[], id: string, content: string): OutboxItem[] {
  return change(items, id, (item) => ({
    ...item,
    content,
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
  }));
}

export function discard(items: readonly OutboxItem[], id: string): OutboxItem[] {
  return items.filter((item) => item.id !== id);
}

/**
 * Whoever signs in first takes an unowned item: once sent with someone's credentials it may be in
 * their journal already, so it must never go to another account afterwards.
 */
export function claim(items: readonly OutboxItem[], ids: readonly string[], sub: string | null) {
  if (sub === null) return [...items];
  return items.map((item) =>
    item.owner === null && ids.includes(item.id) ? { ...item, owner: sub } : item,
  );
}

export interface DueOptions {
  /** Ignore the backoff (the person asked, or the worker just woke). */
  force?: boolean;
  /** Only this item. */
  id?: string;
}

/** Pending items to deliver now for `sub`, oldest first. Nothing is due while nobody is signed in. */
export function dueItems(
  items: readonly OutboxItem[],
  now: number,
  sub: string | null,
  options: DueOptions = {},
): OutboxItem[] {
  if (sub === null) return [];
  return visibleTo(items, sub).filter(
    (item) =>
      item.status === 'pending' &&
      (options.id === undefined || item.id === options.id) &&
      (options.force === true || item.nextAttemptAt === null || item.nextAttemptAt <= now),
  );
}

/** When the next pending item for `sub` falls due, or null when nothing waits on time. */
export function nextAttemptTime(items: readonly OutboxItem[], sub: string | null): number | null {
  if (sub === null) return null;
  let next: number | null = null;
  for (const item of visibleTo(items, sub)) {
    if (item.status !== 'pending' || item.nextAttemptAt === null) continue;
    next = next === null ? item.nextAttemptAt : Math.min(next, item.nextAttemptAt);
  }
  return next;
}

/** The badge: what this account has waiting or refused; '' when nothing. */
export function badgeText(items: readonly OutboxItem[], sub: string | null): string {
  const count = visibleTo(items, sub).length;
  return count === 0 ? '' : String(count);
}
