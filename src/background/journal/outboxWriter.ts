import type { Clock } from '../../shared/clock';
import { accountKey, outboxKey } from '../../shared/keys';
import type { OutboxItem } from '../../shared/types';
import { reflectOutbox } from './effects';

export async function currentSub(): Promise<string | null> {
  return (await accountKey.get())?.sub ?? null;
}

/**
 * The outbox's writer: read-modify-write of the outbox key, one at a time. Handlers, alarms and
 * menu clicks run concurrently in the worker, and two interleaved writes would drop an item, so
 * the worker has exactly one of these (made by the composition root).
 */
export function createOutboxWriter(clock: Clock) {
  let chain: Promise<unknown> = Promise.resolve();

  function update(fn: (items: OutboxItem[]) => OutboxItem[]): Promise<OutboxItem[]> {
    const run = chain.then(async () => {
      const next = fn(await outboxKey.get());
      await outboxKey.set(next);
      await reflectOutbox(next, await currentSub(), clock());
      return next;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  /** On wake and sign-in changes: the badge and alarm as they should be for who is signed in now. */
  async function refreshEffects(): Promise<void> {
    await reflectOutbox(await outboxKey.get(), await currentSub(), clock());
  }

  return { update, refreshEffects };
}

export type OutboxWriter = ReturnType<typeof createOutboxWriter>;
