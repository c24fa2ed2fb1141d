import type { Entry, OutboxItem } from '../shared/types';

/** The list's changes, pure: every one keeps ids unique so a doubled answer never shows twice. */
export function withFirst(entries: readonly Entry[], entry: Entry): Entry[] {
  return [entry, ...entries.filter((e) => e.id !== entry.id)];
}

export function replaced(entries: readonly Entry[], entry: Entry): Entry[] {
  return entries.map((e) => (e.id === entry.id ? entry : e));
}

export function without(entries: readonly Entry[], id: string): Entry[] {
  return entries.filter((e) => e.id !== id);
}

/** The first page, then older pages, minus anything still waiting in the outbox. */
export function listed(
  first: readonly Entry[],
  older: readonly Entry[],
  queued: readonly OutboxItem[],
): Entry[] {
  const seen = new Set(queued.map((q) => q.id));
  const out: Entry[] = [];
  for (const entry of [...first, ...older]) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(entry);
  }
  return out;
}
