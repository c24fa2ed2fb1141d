import type { Clock } from '../../shared/clock';
import { MAX_ENTRY_CHARS } from '../../shared/entryLimits';
import { draftKey } from '../../shared/keys';
import type { Journal } from '../journal/journal';
import { none, object, optionalInt, optionalString, string } from './parse';
import type { Handlers } from './router';

type JournalHandlers = Pick<
  Handlers,
  | 'journal.recent'
  | 'journal.create'
  | 'journal.update'
  | 'journal.delete'
  | 'outbox.list'
  | 'outbox.retry'
  | 'outbox.edit'
  | 'outbox.discard'
  | 'draft.get'
  | 'draft.set'
>;

const PAGE_SIZE = 20;
// Ids are UUIDs or the API's own; anything longer is not one of ours.
const ID = { min: 1, max: 200 };
// Longer than the limit on purpose: an over-long entry gets the sentence that says by how much.
const TEXT = { max: MAX_ENTRY_CHARS * 4 };

const idOnly = (raw: unknown) => ({ id: string(object(raw), 'id', ID) });
const idAndContent = (raw: unknown) => {
  const obj = object(raw);
  return { id: string(obj, 'id', ID), content: string(obj, 'content', TEXT) };
};

export interface JournalHandlerDeps {
  journal: Journal;
  clock: Clock;
}

export function createJournalHandlers({ journal, clock }: JournalHandlerDeps): JournalHandlers {
  return {
    'journal.recent': {
      parse: (raw) => {
        const obj = object(raw ?? {});
        const limit = optionalInt(obj, 'limit', 1, 100);
        const nextToken = optionalString(obj, 'nextToken', { max: 4096 });
        return {
          ...(limit !== undefined ? { limit } : {}),
          ...(nextToken !== undefined ? { nextToken } : {}),
        };
      },
      run: ({ limit, nextToken }) =>
        journal.recent({ limit: limit ?? PAGE_SIZE, nextToken: nextToken ?? null }),
    },
    'journal.create': {
      parse: (raw) => ({ content: string(object(raw), 'content', TEXT) }),
      run: ({ content }) => journal.create(content),
    },
    'journal.update': {
      parse: idAndContent,
      run: ({ id, content }) => journal.update(id, content),
    },
    'journal.delete': {
      parse: idOnly,
      run: ({ id }) => journal.remove(id),
    },
    'outbox.list': { parse: none, run: () => journal.visible() },
    'outbox.retry': {
      parse: (raw) => ({ id: optionalString(object(raw ?? {}), 'id', ID) }),
      run: ({ id }) => journal.retry(id),
    },
    'outbox.edit': {
      parse: idAndContent,
      run: ({ id, content }) => journal.editQueued(id, content),
    },
    'outbox.discard': { parse: idOnly, run: ({ id }) => journal.discardQueued(id) },
    'draft.get': { parse: none, run: () => draftKey.get() },
    'draft.set': {
      // Twice the entry limit: an over-long draft is kept so the person can trim it, not cut off.
      parse: (raw) => ({ text: string(object(raw), 'text', { max: MAX_ENTRY_CHARS * 2 }) }),
      run: async ({ text }) => {
        const draft = { text, updatedAt: clock() };
        await draftKey.set(draft);
        return draft;
      },
    },
  };
}
