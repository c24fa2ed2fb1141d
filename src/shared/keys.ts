import type { Account, Draft, OutboxItem, RecentCache } from './types';
import { isNumber, isRecord, isString, storageKey } from './storage';

/**
 * Keys the pages may read directly, to paint before the worker wakes. The worker writes them.
 * Secrets (tokens, credentials) have their own keys in background/ and never appear here.
 */
export const draftKey = storageKey<Draft>('draft', {
  validate: (raw): raw is Draft => isRecord(raw) && isString(raw.text) && isNumber(raw.updatedAt),
  fallback: { text: '', updatedAt: 0 },
  keepUnreadable: true,
});

export const accountKey = storageKey<Account | null>('account', {
  validate: (raw): raw is Account | null =>
    raw === null || (isRecord(raw) && isString(raw.email) && isString(raw.sub)),
  fallback: null,
});

const isEntry = (raw: unknown) =>
  isRecord(raw) &&
  isString(raw.id) &&
  isString(raw.createDate) &&
  isString(raw.content) &&
  (raw.updateDate === null || isString(raw.updateDate));

export const recentCacheKey = storageKey<RecentCache | null>('recentCache', {
  validate: (raw): raw is RecentCache | null =>
    raw === null ||
    (isRecord(raw) &&
      Array.isArray(raw.items) &&
      raw.items.every(isEntry) &&
      (raw.nextToken === null || isString(raw.nextToken)) &&
      isNumber(raw.savedAt)),
  fallback: null,
});

const isOutboxItem = (raw: unknown): raw is OutboxItem =>
  isRecord(raw) &&
  isString(raw.id) &&
  isString(raw.content) &&
  isString(raw.createDate) &&
  (raw.status === 'pending' || raw.status === 'refused') &&
  isNumber(raw.attempts) &&
  (raw.lastError === null || isString(raw.lastError)) &&
  (raw.nextAttemptAt === null || isNumber(raw.nextAttemptAt)) &&
  (raw.owner === null || isString(raw.owner));

export const outboxKey = storageKey<OutboxItem[]>('outbox', {
  validate: (raw): raw is OutboxItem[] => Array.isArray(raw) && raw.every(isOutboxItem),
  fallback: [],
  keepUnreadable: true,
});
