import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { isJournalError } from '../shared/errors';
import { accountKey, draftKey, outboxKey, recentCacheKey } from '../shared/keys';
import { hydrate } from '../shared/storage';
import type { Account, Entry, OutboxItem, RecentCache } from '../shared/types';
import { replaced, withFirst, without } from './entries';

export interface PopupData {
  /** Storage has been read: the draft and the cached list can be painted. */
  loaded: boolean;
  draft: string | null;
  account: Account | null;
  /** Known signed out: no account stored, or the worker said so. */
  signedOut: boolean;
  first: Entry[];
  older: Entry[];
  nextToken: string | null;
  /** The list shown is the cached one and a fresher one is on its way. */
  refreshing: boolean;
  outbox: OutboxItem[];
  error: string | null;
}

const START: PopupData = {
  loaded: false,
  draft: null,
  account: null,
  signedOut: false,
  first: [],
  older: [],
  nextToken: null,
  refreshing: true,
  outbox: [],
  error: null,
};

const signedOutError = (err: unknown) =>
  isJournalError(err, 'NOT_SIGNED_IN') || isJournalError(err, 'NOT_CONFIGURED');
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

// Started when the script runs, before the first render: the popup's open-to-ready time is
// mostly waiting on these reads, and an effect would only start them after the first paint.
const stored = hydrate([draftKey, accountKey, recentCacheKey, outboxKey]).then(() =>
  Promise.all([draftKey.get(), accountKey.get(), recentCacheKey.get(), outboxKey.get()]),
);

/** Paint from storage first, then ask the worker (stale-while-revalidate), and follow storage. */
export function usePopupData() {
  const [data, setData] = useState<PopupData>(START);
  const patch = (fn: (d: PopupData) => Partial<PopupData>) => setData((d) => ({ ...d, ...fn(d) }));

  const fromCache = (cache: RecentCache | null): Partial<PopupData> =>
    cache ? { first: cache.items, nextToken: cache.nextToken } : { first: [] };

  async function refresh(): Promise<void> {
    patch(() => ({ refreshing: true }));
    try {
      const page = await send('journal.recent', {});
      patch(() => ({
        first: page.items,
        older: [],
        nextToken: page.nextToken,
        signedOut: false,
        error: null,
      }));
    } catch (err) {
      if (signedOutError(err))
        patch(() => ({ signedOut: true, first: [], older: [], error: null }));
      else patch(() => ({ error: messageOf(err) }));
    } finally {
      patch(() => ({ refreshing: false }));
    }
  }

  useEffect(() => {
    let alive = true;
    void stored.then(([draft, account, cache, outbox]) => {
      if (!alive) return;
      // If the worker answered first (rare), its fresher list and verdict stand.
      patch((d) => ({
        loaded: true,
        draft: draft.text,
        account,
        outbox,
        ...(d.refreshing
          ? { signedOut: account === null, ...(account ? fromCache(cache) : {}) }
          : {}),
      }));
      // Someone opening the popup with entries waiting wants them saved: try now, not at the alarm.
      if (outbox.some((item) => item.status === 'pending'))
        void send('outbox.retry', {}).catch(() => undefined);
    });
    void refresh();
    // The worker writes these as it delivers, refreshes and signs in or out; take the new value
    // from the event itself, which is never stale.
    const stops = [
      outboxKey.watch((outbox) => patch(() => ({ outbox }))),
      recentCacheKey.watch((cache) => patch((d) => (d.signedOut ? {} : fromCache(cache)))),
      accountKey.watch((next) => {
        patch(() => ({ account: next, signedOut: next === null }));
        if (next) void refresh();
      }),
    ];
    return () => {
      alive = false;
      for (const stop of stops) stop();
    };
  }, []);

  return {
    data,
    refresh,
    async loadMore(): Promise<void> {
      if (!data.nextToken) return;
      try {
        const page = await send('journal.recent', { nextToken: data.nextToken });
        patch((d) => ({
          older: [...d.older, ...page.items],
          nextToken: page.nextToken,
          error: null,
        }));
      } catch (err) {
        patch(() => ({ error: messageOf(err) }));
      }
    },
    created(result: { entry: Entry | null; queued: OutboxItem | null }) {
      const { entry, queued } = result;
      if (entry) patch((d) => ({ first: withFirst(d.first, entry) }));
      if (queued)
        patch((d) => ({ outbox: [...d.outbox.filter((q) => q.id !== queued.id), queued] }));
    },
    updated: (entry: Entry) =>
      patch((d) => ({ first: replaced(d.first, entry), older: replaced(d.older, entry) })),
    deleted: (id: string) =>
      patch((d) => ({ first: without(d.first, id), older: without(d.older, id) })),
    setOutbox: (outbox: OutboxItem[]) => patch(() => ({ outbox })),
  };
}
