import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { fakeState } from '../../../fakes/browser';
import { freshBrowser } from '../../../fakes/setup';
import { OUTBOX_ALARM } from '../../../../src/background/journal/effects';
import { draftKey, outboxKey, recentCacheKey } from '../../../../src/shared/keys';
import { ME, journalUnderTest } from '../journal/setup';

const badge = () => browser.action.getBadgeText({});

describe('journal.create', () => {
  beforeEach(freshBrowser);

  it('stores the entry once, returns it, empties the outbox and clears the saved draft', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    await draftKey.set({ text: 'first thought', updatedAt: 1 });
    const result = await call('journal.create', { content: 'first thought' });
    expect(result.queued).toBeNull();
    expect(result.entry).toMatchObject({
      content: 'first thought',
      createDate: '2025-03-01T10:00:00.000Z',
    });
    expect(fake.entries.map((e) => e.content)).toEqual(['first thought']);
    expect(await outboxKey.get()).toEqual([]);
    expect((await draftKey.get()).text).toBe('');
    expect(await badge()).toBe('');
  });

  it('keeps a draft that is not the text saved (newer writing)', async () => {
    const { call, signIn } = journalUnderTest();
    await signIn();
    await draftKey.set({ text: 'something newer', updatedAt: 1 });
    await call('journal.create', { content: 'older' });
    expect((await draftKey.get()).text).toBe('something newer');
  });

  it('prepends a delivered entry to the cached recent list', async () => {
    const { call, signIn } = journalUnderTest();
    await signIn();
    const old = {
      id: 'x',
      content: 'old',
      createDate: '2025-01-01T00:00:00.000Z',
      updateDate: null,
    };
    await recentCacheKey.set({ items: [old], nextToken: 'tok', savedAt: 1 });
    const { entry } = await call('journal.create', { content: 'new' });
    expect(await recentCacheKey.get()).toMatchObject({ items: [entry, old], nextToken: 'tok' });
  });

  it('refuses an over-long entry before the outbox, with the sentence, and keeps the draft', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    const content = 'x'.repeat(70_001);
    await draftKey.set({ text: content, updatedAt: 1 });
    await expect(call('journal.create', { content })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'This entry is 70,001 characters; the limit is 65,536. Shorten it and save again.',
    });
    expect(await outboxKey.get()).toEqual([]);
    expect(fake.calls).toEqual([]);
    expect((await draftKey.get()).text).toBe(content);
  });

  it('accepts exactly the limit', async () => {
    const { call, signIn } = journalUnderTest();
    await signIn();
    expect((await call('journal.create', { content: 'y'.repeat(65_536) })).entry).not.toBeNull();
  });

  it.each(['NETWORK', 'NOT_SIGNED_IN', 'SERVER'] as const)(
    'keeps the entry pending on %s, clears the draft, counts it on the badge and sets an alarm',
    async (mode) => {
      const { call, fake, clock, signIn } = journalUnderTest();
      await signIn();
      fake.state.mode = mode;
      await draftKey.set({ text: 'offline words', updatedAt: 1 });
      const { entry, queued } = await call('journal.create', { content: 'offline words' });
      expect(entry).toBeNull();
      expect(queued).toMatchObject({
        status: 'pending',
        attempts: 1,
        owner: ME.sub,
        nextAttemptAt: clock.t + 5_000,
      });
      expect(await outboxKey.get()).toHaveLength(1);
      expect((await draftKey.get()).text).toBe('');
      expect(await badge()).toBe('1');
      // Chrome fires alarms no sooner than 30 s: the alarm asks for that, not 5 s.
      expect(fakeState().alarms.get(OUTBOX_ALARM)?.scheduledTime).toBe(clock.t + 30_000);
    },
  );

  it('queues without trying the API while nobody is signed in, unowned', async () => {
    const { call, fake } = journalUnderTest();
    const { queued } = await call('journal.create', { content: 'signed out' });
    expect(queued).toMatchObject({ status: 'pending', attempts: 0, owner: null });
    expect(fake.calls).toEqual([]);
    expect(await badge()).toBe('1');
  });
});

describe('delivery', () => {
  beforeEach(freshBrowser);

  it('delivers waiting entries oldest first when retried, each exactly once', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'NETWORK';
    for (const content of ['one', 'two', 'three']) await call('journal.create', { content });
    expect(await badge()).toBe('3');
    fake.state.mode = 'ok';
    fake.calls.length = 0;
    expect(await call('outbox.retry', {})).toEqual([]);
    expect(fake.calls.map((c) => c.op)).toEqual(['create', 'create', 'create']);
    expect(fake.entries.map((e) => e.content)).toEqual(['three', 'two', 'one']);
    expect(await badge()).toBe('');
    expect(fakeState().alarms.has(OUTBOX_ALARM)).toBe(false);
  });

  it('makes no duplicate when the API stored the entry but the reply was lost', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'lostReply';
    const { queued } = await call('journal.create', { content: 'only once' });
    expect(queued).not.toBeNull();
    fake.state.mode = 'ok';
    await call('outbox.retry', {});
    await call('outbox.retry', {});
    expect(fake.entries.filter((e) => e.content === 'only once')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.op === 'create').map((c) => c.id)).toEqual([
      queued!.id,
      queued!.id,
    ]);
  });

  it('stops at the first failure so later entries never overtake earlier ones', async () => {
    const { call, fake, clock, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'NETWORK';
    await call('journal.create', { content: 'a' });
    await call('journal.create', { content: 'b' });
    fake.calls.length = 0;
    await call('outbox.retry', {});
    expect(fake.calls).toHaveLength(1);
    const items = await outboxKey.get();
    expect(items.map((i) => i.content)).toEqual(['a', 'b']);
    expect(items.every((i) => i.nextAttemptAt! > clock.t)).toBe(true);
  });

  it('keeps a refused entry with the reason, delivers the rest, and lets the person edit it', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.refuseContaining = 'BAD';
    const refused = await call('journal.create', { content: 'a BAD entry' });
    expect(refused.queued).toMatchObject({
      status: 'refused',
      lastError: 'The journal refused this entry.',
    });
    await call('journal.create', { content: 'a good one' });
    expect(fake.entries.map((e) => e.content)).toEqual(['a good one']);
    expect(await badge()).toBe('1');
    // A refused item is not retried on its own.
    await call('outbox.retry', {});
    expect(await outboxKey.get()).toHaveLength(1);

    expect(await call('outbox.edit', { id: refused.queued!.id, content: 'a fine entry' })).toEqual(
      [],
    );
    expect(fake.entries.map((e) => e.content)).toEqual(['a fine entry', 'a good one']);
    expect(await badge()).toBe('');
  });

  it('discards a refused entry only when asked', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'BAD_USER_INPUT';
    const { queued } = await call('journal.create', { content: 'rejected' });
    expect(await call('outbox.list')).toHaveLength(1);
    expect(await call('outbox.discard', { id: queued!.id })).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('refuses to edit a pending entry (it may already be on the server) or an unknown one', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'NETWORK';
    const { queued } = await call('journal.create', { content: 'pending' });
    await expect(call('outbox.edit', { id: queued!.id, content: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(call('outbox.edit', { id: 'nope', content: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('never delivers another account’s entries to the one signed in', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn({ email: 'other@example.com', sub: 'sub-other' });
    fake.state.mode = 'NETWORK';
    await call('journal.create', { content: 'theirs' });
    await signIn();
    fake.state.mode = 'ok';
    await call('journal.create', { content: 'mine' });
    await call('outbox.retry', {});
    expect(fake.entries.map((e) => e.content)).toEqual(['mine']);
    expect(await call('outbox.list')).toEqual([]);
    expect((await outboxKey.get()).map((i) => i.content)).toEqual(['theirs']);
  });

  it('runs one delivery at a time: a create during a run joins it and nothing is sent twice', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    fake.state.mode = 'NETWORK';
    const waiting = (await call('journal.create', { content: 'waiting' })).queued!;
    fake.state.mode = 'ok';
    fake.calls.length = 0;
    const release = fake.hold();
    const retry = call('outbox.retry', {});
    const create = call('journal.create', { content: 'during' });
    await new Promise((r) => setTimeout(r, 0));
    release();
    const [after, created] = await Promise.all([retry, create]);
    expect(created.entry).toMatchObject({ content: 'during' });
    expect(after).toEqual([]);
    expect(fake.calls.map((c) => c.id)).toEqual([waiting.id, created.entry!.id]);
    expect(fake.entries.map((e) => e.content)).toEqual(['during', 'waiting']);
  });
});

describe('journal.recent, update and delete', () => {
  beforeEach(freshBrowser);

  it('writes the first page to the cache the popup paints from, not later pages', async () => {
    const { call, signIn } = journalUnderTest();
    await signIn();
    for (let i = 0; i < 3; i++) await call('journal.create', { content: `e${i}` });
    const page = await call('journal.recent', { limit: 2 });
    expect(page.items.map((e) => e.content)).toEqual(['e2', 'e1']);
    expect(await recentCacheKey.get()).toMatchObject({
      items: page.items,
      nextToken: page.nextToken,
    });
    const older = await call('journal.recent', { limit: 2, nextToken: page.nextToken });
    expect(older.items.map((e) => e.content)).toEqual(['e0']);
    expect((await recentCacheKey.get())?.items).toEqual(page.items);
  });

  it('update and delete change the API and the cache', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    const a = (await call('journal.create', { content: 'a' })).entry!;
    const b = (await call('journal.create', { content: 'b' })).entry!;
    await call('journal.recent', {});
    await call('journal.update', { id: a.id, content: 'a, better' });
    await call('journal.delete', { id: b.id });
    expect(fake.entries.map((e) => e.content)).toEqual(['a, better']);
    expect((await recentCacheKey.get())?.items.map((e) => e.content)).toEqual(['a, better']);
  });

  it('refuses an over-long update before the API', async () => {
    const { call, fake, signIn } = journalUnderTest();
    await signIn();
    const a = (await call('journal.create', { content: 'a' })).entry!;
    fake.calls.length = 0;
    await expect(
      call('journal.update', { id: a.id, content: 'z'.repeat(65_537) }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(fake.calls).toEqual([]);
  });
});
