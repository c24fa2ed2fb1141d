import { draftKey } from '../shared/keys';
import type { Handlers } from './router';
import { bootId, bootedAt, recordBoot } from './boot';
import { none, object, string } from './parse';

/** Longest draft kept: the API's own limit on an entry. */
export const MAX_ENTRY_CHARS = 65_536;

export const handlers: Handlers = {
  ping: {
    parse: none,
    run: async () => ({ bootId, bootedAt, boots: await recordBoot() }),
  },
  'draft.get': { parse: none, run: () => draftKey.get() },
  'draft.set': {
    parse: (raw) => ({ text: string(object(raw), 'text', { max: MAX_ENTRY_CHARS * 2 }) }),
    run: async ({ text }) => {
      const draft = { text, updatedAt: Date.now() };
      await draftKey.set(draft);
      return draft;
    },
  },
};
