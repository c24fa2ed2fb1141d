import type { OutboxItem } from './types';

/**
 * The one visibility rule of the outbox, used by the worker (what it sends, counts on the badge)
 * and the popup (what it lists): an account sees its own items and unowned ones; signed out, all.
 */
export function visibleTo(items: readonly OutboxItem[], sub: string | null): OutboxItem[] {
  return items.filter((item) => sub === null || item.owner === null || item.owner === sub);
}
