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
 * the worker has exactly one of these (made by the composition root). Writing does not touch the
 * badge or the alarm: whoever finishes a piece of work calls `reflect()` once (a delivery run
 * does it at its end), so one Save sets the badge once, not once per write.
 */
export function createOutboxWriter(clock: Clock) {
  let chain: Promise<unknown> = Promise.resolve();

  function update(fn: (items: OutboxItem[]) => OutboxItem[]): Promise<OutboxItem[]> {
    const run = chain.then(async () => {
      const next = fn(await outboxKey.get());
      await outboxKey.set(next);
      return next;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  /** The badge and alarm as they should be for the outbox now and who is signed in now. */
  function reflect(): Promise<void> {
    // Behind the writes in flight, so it shows their result.
    const run = chain.then(async () =>
      reflectOutbox(await outboxKey.get(), await currentSub(), clock()),
    );
    chain = run.catch(() => undefined);
    return run;
  }

  return { update, reflect };
}

export type OutboxWriter = ReturnType<typeof createOutboxWriter>;
