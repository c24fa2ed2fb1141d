import { JournalError } from '../../shared/errors';
import { draftKey, outboxKey } from '../../shared/keys';
import type { Entry, EntryPage, OutboxItem } from '../../shared/types';
import { checkContent, contentProblem } from './content';
import { createDelivery, type DeliveryDeps } from './delivery';
import { visibleTo } from '../../shared/outboxVisibility';
import { discard, edit, enqueue, markRefused, newItem } from './outbox';
import { currentSub } from './outboxWriter';
import { cacheFirstPage, cacheRemoved, cacheUpdated } from './recentCache';

export interface JournalDeps extends DeliveryDeps {
  newId: () => string;
}

/** The worker's journal: writing goes through the outbox first, so no word waits on the network. */
export function createJournal(deps: JournalDeps) {
  const deliver = createDelivery(deps);

  async function enqueueNew(content: string, refusal: string | null): Promise<OutboxItem> {
    const item = newItem({
      id: deps.newId(),
      content,
      createDate: new Date(deps.clock()).toISOString(),
      owner: await currentSub(),
    });
    await deps.outbox.update((items) => {
      const added = enqueue(items, item);
      return refusal ? markRefused(added, item.id, refusal) : added;
    });
    return item;
  }

  async function outcome(id: string, delivered: Map<string, Entry>) {
    const entry = delivered.get(id);
    if (entry) return { entry, queued: null };
    const queued = (await outboxKey.get()).find((i) => i.id === id) ?? null;
    return { entry: null, queued };
  }

  async function visible(): Promise<OutboxItem[]> {
    return visibleTo(await outboxKey.get(), await currentSub());
  }

  return {
    deliver,
    visible,

    /** A page of the journal; the first page is what the popup paints next time it opens. */
    async recent(input: { limit: number; nextToken: string | null }): Promise<EntryPage> {
      const page = await deps.api.recent(input);
      if (!input.nextToken) await cacheFirstPage(page.items, page.nextToken, deps.clock());
      // The journal answered, so whatever is due can go now (nothing is sent when nothing is).
      void deliver().catch((err: unknown) => console.error('[journal] delivery', err));
      return page;
    },

    async update(id: string, content: string): Promise<Entry> {
      checkContent(content);
      const entry = await deps.api.update({ id, content });
      await cacheUpdated(entry);
      return entry;
    },

    async remove(id: string): Promise<Entry> {
      const entry = await deps.api.delete(id);
      await cacheRemoved(id);
      return entry;
    },

    async create(content: string) {
      checkContent(content);
      const item = await enqueueNew(content, null);
      // Safe in the outbox now; a draft that changed meanwhile is newer writing and stays.
      // Read storage itself: the worker's cached copy may not have seen the popup's last write.
      if ((await draftKey.fresh()).text === content) await draftKey.clear();
      // Forced and whole: older waiting entries go first, so order holds.
      return outcome(item.id, await deliver({ force: true }));
    },

    /** From the context menu: nobody is there to shorten an over-long quote, so it waits refused. */
    async createQuietly(content: string): Promise<void> {
      if (content.trim() === '') return;
      const item = await enqueueNew(content, contentProblem(content));
      await deliver({ force: true, id: item.id });
    },

    async editQueued(id: string, content: string) {
      checkContent(content);
      const item = (await outboxKey.get()).find((i) => i.id === id);
      if (!item)
        throw new JournalError({
          code: 'NOT_FOUND',
          message: 'That entry is no longer waiting to be saved.',
        });
      // A pending item may already be on the server under its id; new text would be lost there.
      if (item.status !== 'refused')
        throw new JournalError({
          code: 'BAD_REQUEST',
          message: 'Only an entry the journal refused can be changed before it is saved.',
        });
      await deps.outbox.update((items) => edit(items, id, content));
      await deliver({ force: true, id });
      return visible();
    },

    async discardQueued(id: string) {
      await deps.outbox.update((items) => discard(items, id));
      await deps.outbox.reflect();
      return visible();
    },

    async retry(id?: string) {
      await deliver({ force: true, ...(id !== undefined ? { id } : {}) });
      return visible();
    },

    /**
     * A fresh worker, or someone else signed in: everything waiting gets a try, and the run's end
     * sets the badge and alarm for whoever is signed in now.
     */
    async wake() {
      await deliver({ force: true });
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
