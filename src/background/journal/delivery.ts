import { isJournalError } from '../../shared/errors';
import type { Entry } from '../../shared/types';
import type { Clock } from '../../shared/clock';
import { outboxKey } from '../../shared/keys';
import type { JournalApi } from '../api/journalApi';
import {
  claim,
  dueItems,
  markAttempt,
  markDelivered,
  markRefused,
  type DueOptions,
} from './outbox';
import { cacheAdded } from './recentCache';
import { currentSub, type OutboxWriter } from './outboxWriter';

export interface DeliveryDeps {
  api: JournalApi;
  clock: Clock;
  outbox: OutboxWriter;
}

/** The API refused the entry itself: retrying the same text cannot help. */
function isRefusal(err: unknown): err is Error {
  return isJournalError(err, 'BAD_USER_INPUT') || isJournalError(err, 'NOT_FOUND');
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : 'Could not reach the journal.';
}

async function deliverOnce(
  deps: DeliveryDeps,
  options: DueOptions,
  delivered: Map<string, Entry>,
): Promise<void> {
  const sub = await currentSub();
  const due = dueItems(await outboxKey.get(), deps.clock(), sub, options);
  if (due.length === 0) return;
  await deps.outbox.update((items) =>
    claim(
      items,
      due.map((i) => i.id),
      sub,
    ),
  );
  for (const [index, item] of due.entries()) {
    try {
      const entry = await deps.api.create({
        id: item.id,
        content: item.content,
        createDate: item.createDate,
      });
      delivered.set(item.id, entry);
      await deps.outbox.update((items) => markDelivered(items, item.id));
      await cacheAdded(entry);
    } catch (err) {
      if (isRefusal(err)) {
        await deps.outbox.update((items) => markRefused(items, item.id, err.message));
        continue;
      }
      // Offline, signed out, server trouble: the rest would fail the same way, and must not
      // overtake this one.
      const rest = due.slice(index).map((i) => i.id);
      const now = deps.clock();
      await deps.outbox.update((items) =>
        rest.reduce((acc, id) => markAttempt(acc, id, reasonOf(err), now), items),
      );
      return;
    }
  }
}

/** What a joined run must cover: forced beats due, all beats one. */
function widen(a: DueOptions | null, b: DueOptions): DueOptions {
  if (!a) return b;
  return {
    force: a.force === true || b.force === true,
    ...(a.id !== undefined && a.id === b.id ? { id: a.id } : {}),
  };
}

/**
 * One delivery run at a time. A request that arrives during a run joins it, and the run goes
 * round once more so the newcomer's items are included; everyone gets what was delivered.
 */
export function createDelivery(deps: DeliveryDeps) {
  let running: Promise<Map<string, Entry>> | null = null;
  let again: DueOptions | null = null;

  async function loop(first: DueOptions): Promise<Map<string, Entry>> {
    const delivered = new Map<string, Entry>();
    let options: DueOptions | null = first;
    try {
      while (options) {
        again = null;
        await deliverOnce(deps, options, delivered);
        options = again;
        if (options) continue;
        // Once per run: the badge counts what waits, the alarm is the next retry. Someone may
        // join while it is set; then the run goes round again.
        await deps.outbox.reflect();
        options = again;
      }
    } catch (err) {
      await deps.outbox.reflect().catch(() => undefined);
      throw err;
    }
    return delivered;
  }

  return function deliver(options: DueOptions = {}): Promise<Map<string, Entry>> {
    if (running) {
      again = widen(again, options);
      return running;
    }
    running = loop(options).finally(() => {
      running = null;
    });
    return running;
  };
}
