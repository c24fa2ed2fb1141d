import type { Draft } from './protocol';
import { isNumber, isRecord, isString, storageKey } from './storage';

/** Keys the pages may read directly (to paint before the worker wakes). Secrets live in background/. */
export const draftKey = storageKey<Draft>('draft', {
  validate: (raw): raw is Draft => isRecord(raw) && isString(raw.text) && isNumber(raw.updatedAt),
  fallback: { text: '', updatedAt: 0 },
});
