import { JournalError } from '../../shared/errors';
import { draftKey } from '../../shared/keys';
import { MAX_ENTRY_CHARS } from '../limits';
import { none, object, string } from '../parse';
import type { Handlers } from '../router';

// Placeholder until the journal lands (issue 5).
const notYet = {
  parse: () => undefined as never,
  run: () => {
    throw new JournalError({ code: 'NOT_SIGNED_IN', message: 'The journal is not available yet.' });
  },
};

export const journalHandlers: Pick<
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
> = {
  'journal.recent': notYet,
  'journal.get': notYet,
  'journal.create': notYet,
  'journal.update': notYet,
  'journal.delete': notYet,
  'outbox.list': notYet,
  'outbox.retry': notYet,
  'outbox.edit': notYet,
  'outbox.discard': notYet,
  'draft.get': { parse: none, run: () => draftKey.get() },
  'draft.set': {
    // Twice the entry limit: an over-long draft is kept so the person can trim it, not cut off.
    parse: (raw) => ({ text: string(object(raw), 'text', { max: MAX_ENTRY_CHARS * 2 }) }),
    run: async ({ text }) => {
      const draft = { text, updatedAt: Date.now() };
      await draftKey.set(draft);
      return draft;
    },
  },
};
