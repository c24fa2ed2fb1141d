import { JournalError } from '../../../../src/shared/errors';
import type { Entry } from '../../../../src/shared/types';
import type { JournalApi } from '../../../../src/background/api/journalApi';
import { validateContent, validateEntrySize } from '../../../../backend/api/validation';

/** The real API's own input checks (backend/api/validation.ts), refused as the client reports them. */
function refuseAsTheApiDoes(content: string): void {
  try {
    validateContent(content);
    validateEntrySize(content, []);
  } catch (err) {
    throw new JournalError({
      code: 'BAD_USER_INPUT',
      message: (err as Error).message,
      reason: 'BAD_USER_INPUT',
    });
  }
}

type Mode = 'ok' | 'NETWORK' | 'NOT_SIGNED_IN' | 'SERVER' | 'BAD_USER_INPUT' | 'lostReply';

/**
 * An in-memory journal that behaves like the journal API (docs/journal-api.md): newest first, idempotent `createEntry` by id,
 * refuses empty or over-long text. `mode` makes every call fail as the real client would;
 * `lostReply` stores the entry and then fails like a dropped connection.
 */
export function fakeJournalApi() {
  const entries: Entry[] = [];
  const calls: { op: string; id?: string }[] = [];
  const state = { mode: 'ok' as Mode, refuseContaining: null as string | null };
  let gate: Promise<void> | null = null;

  const failure = (code: Exclude<Mode, 'ok' | 'lostReply'>) =>
    new JournalError({
      code,
      message: code === 'BAD_USER_INPUT' ? 'The journal refused this entry.' : `${code} failure`,
    });

  async function check(op: string, id?: string): Promise<void> {
    calls.push(id === undefined ? { op } : { op, id });
    if (gate) await gate;
    if (state.mode !== 'ok' && state.mode !== 'lostReply') throw failure(state.mode);
  }

  const api: JournalApi = {
    async recent({ limit, nextToken }) {
      await check('recent');
      const start = nextToken ? Number(nextToken) : 0;
      const items = entries.slice(start, start + limit);
      const next = start + limit < entries.length ? String(start + limit) : null;
      return { items, nextToken: next };
    },
    async create({ id, content, createDate }) {
      await check('create', id);
      refuseAsTheApiDoes(content);
      if (state.refuseContaining && content.includes(state.refuseContaining))
        throw failure('BAD_USER_INPUT');
      let entry = entries.find((e) => e.id === id);
      if (!entry) {
        entry = { id, content, createDate, updateDate: null };
        entries.unshift(entry);
      }
      if (state.mode === 'lostReply') throw failure('NETWORK');
      return entry;
    },
    async update({ id, content }) {
      await check('update', id);
      refuseAsTheApiDoes(content);
      const entry = entries.find((e) => e.id === id);
      if (!entry) throw new JournalError({ code: 'NOT_FOUND', message: 'No such entry.' });
      entry.content = content;
      entry.updateDate = new Date().toISOString();
      return { ...entry };
    },
    async delete(id) {
      await check('delete', id);
      const index = entries.findIndex((e) => e.id === id);
      const [entry] = index >= 0 ? entries.splice(index, 1) : [];
      if (!entry) throw new JournalError({ code: 'NOT_FOUND', message: 'No such entry.' });
      return entry;
    },
  };

  return {
    api,
    entries,
    calls,
    state,
    /** Holds every call until the returned function is called: a request in flight. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
  };
}
