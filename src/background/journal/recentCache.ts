import { recentCacheKey } from '../../shared/keys';
import type { Entry, RecentCache } from '../../shared/types';

/**
 * Keeps the popup's painted copy in step with what the API holds. With no cache yet there is
 * nothing to patch: the popup's next `journal.recent` writes the first page.
 */
async function patch(fn: (items: Entry[]) => Entry[]): Promise<void> {
  const cache = await recentCacheKey.get();
  if (!cache) return;
  const next: RecentCache = { ...cache, items: fn(cache.items) };
  await recentCacheKey.set(next);
}

export const cacheAdded = (entry: Entry) =>
  patch((items) => [entry, ...items.filter((e) => e.id !== entry.id)]);

export const cacheUpdated = (entry: Entry) =>
  patch((items) => items.map((e) => (e.id === entry.id ? entry : e)));

export const cacheRemoved = (id: string) => patch((items) => items.filter((e) => e.id !== id));

export async function cacheFirstPage(items: Entry[], nextToken: string | null, now: number) {
  await recentCacheKey.set({ items, nextToken, savedAt: now });
}
