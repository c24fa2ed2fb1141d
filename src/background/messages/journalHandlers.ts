import type { Clock } from '../../shared/clock';
import { MAX_ENTRY_CHARS } from '../../shared/entryLimits';
import { draftKey } from '../../shared/keys';
import type { JournalApi } from '../api/journalApi';
import { checkContent } from '../journal/content';
import type { Journal } from '../journal/journal';
import { cacheFirstPage, cacheRemoved, cacheUpdated } from '../journal/recentCache';
import { none, object, optionalInt, optionalString, string } from './parse';
import type { Handlers } from './router';

type JournalHandlers = Pick<
  Handlers,
  | 'journal.recent'
  | 'journal.get'
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
  api: JournalApi;
  clock: Clock;
}

export function createJournalHandlers({
  journal,
  api,
  clock,
}: JournalHandlerDeps): JournalHandlers {
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
      run: async ({ limit, nextToken }) => {
        const page = await api.recent({
          limit: limit ?? PAGE_SIZE,
          nextToken: nextToken ?? null,
        });
        if (!nextToken) await cacheFirstPage(page.items, page.nextToken, clock());
        // The journal answered, so whatever is due can go now (nothing is sent when nothing is).
        void journal.deliver().catch((err: unknown) => console.error('[journal] delivery', err));
        return page;
      },
    },
    'journal.get': { parse: idOnly, run: ({ id }) => api.get(id) },
    'journal.create': {
      parse: (raw) => ({ content: string(object(raw), 'content', TEXT) }),
      run: ({ content }) => journal.create(content),
    },
    'journal.update': {
      parse: idAndContent,
      run: async ({ id, content }) => {
        checkContent(content);
        const entry = await api.update({ id, content });
        await cacheUpdated(entry);
        return entry;
      },
    },
    'journal.delete': {
      parse: idOnly,
      run: async ({ id }) => {
        const entry = await api.delete(id);
        await cacheRemoved(id);
        return entry;
      },
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
