import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  badgeText,
  claim,
  discard,
  dueItems,
  edit,
  enqueue,
  markAttempt,
  markDelivered,
  markRefused,
  newItem,
  nextAttemptTime,
} from '../../../../src/background/journal/outbox';
import type { OutboxItem } from '../../../../src/shared/types';

const T = 1_700_000_000_000;
const item = (id: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
  ...newItem({ id, content: `text ${id}`, createDate: new Date(T).toISOString(), owner: 'me' }),
  ...over,
});

describe('backoff', () => {
  it.each([
    [0, 5_000],
    [1, 5_000],
    [2, 15_000],
    [3, 60_000],
    [4, 300_000],
    [5, 900_000],
    [6, 900_000],
    [50, 900_000],
  ])('after %i failed attempts waits %i ms', (attempts, ms) => {
    expect(backoffMs(attempts)).toBe(ms);
  });
});

describe('state changes', () => {
  it.each<[string, (items: OutboxItem[]) => OutboxItem[], Partial<OutboxItem>[]]>([
    [
      'a new item is pending and due at once',
      (items) => items,
      [{ id: 'a', status: 'pending', attempts: 0, nextAttemptAt: null }],
    ],
    [
      'enqueue appends, so write order is delivery order',
      (items) => enqueue(items, item('b')),
      [{ id: 'a' }, { id: 'b' }],
    ],
    [
      'enqueue of a known id replaces, never doubles',
      (items) => enqueue(items, item('a', { content: 'again' })),
      [{ id: 'a', content: 'again' }],
    ],
    [
      'a failed attempt backs off from now',
      (items) => markAttempt(items, 'a', 'offline', T),
      [{ attempts: 1, lastError: 'offline', nextAttemptAt: T + 5_000, status: 'pending' }],
    ],
    [
      'a second failure backs off longer',
      (items) => markAttempt(markAttempt(items, 'a', 'x', T), 'a', 'y', T + 5_000),
      [{ attempts: 2, lastError: 'y', nextAttemptAt: T + 20_000 }],
    ],
    ['delivered leaves the outbox', (items) => markDelivered(items, 'a'), []],
    [
      'refused keeps the item with the reason and no retry time',
      (items) => markRefused(markAttempt(items, 'a', 'x', T), 'a', 'Too long.'),
      [{ status: 'refused', lastError: 'Too long.', nextAttemptAt: null, content: 'text a' }],
    ],
    [
      'editing a refused item makes it pending and due again',
      (items) => edit(markRefused(items, 'a', 'bad'), 'a', 'fixed'),
      [{ status: 'pending', content: 'fixed', lastError: null, nextAttemptAt: null, attempts: 0 }],
    ],
    [
      'discard removes only that item',
      (items) => discard(enqueue(items, item('b')), 'a'),
      [{ id: 'b' }],
    ],
    [
      'an unknown id changes nothing',
      (items) => markRefused(markAttempt(items, 'zz', 'x', T), 'zz', 'r'),
      [{ id: 'a', attempts: 0, status: 'pending' }],
    ],
  ])('%s', (_, fn, expected) => {
    const result = fn([item('a')]);
    expect(result).toHaveLength(expected.length);
    expected.forEach((fields, i) => expect(result[i]).toMatchObject(fields));
  });

  it('never changes the items it was given', () => {
    const items = Object.freeze([Object.freeze(item('a'))]) as OutboxItem[];
    expect(() =>
      markRefused(markAttempt(edit(items, 'a', 'x'), 'a', 'e', T), 'a', 'r'),
    ).not.toThrow();
    expect(items[0]).toMatchObject({ content: 'text a', attempts: 0 });
  });
});

describe('claim', () => {
  it.each<[string, string | null, (string | null)[]]>([
    ['unowned items among the ids go to whoever sends them', 'me', ['me', 'me', 'you']],
    ['nobody signed in claims nothing', null, [null, 'me', 'you']],
  ])('%s', (_, sub, owners) => {
    const items = [
      item('a', { owner: null }),
      item('b', { owner: 'me' }),
      item('c', { owner: 'you' }),
    ];
    expect(claim(items, ['a', 'b', 'c'], sub).map((i) => i.owner)).toEqual(owners);
  });

  it('leaves unowned items outside the ids alone', () => {
    expect(claim([item('a', { owner: null })], [], 'me')[0]?.owner).toBeNull();
  });
});

describe('due items', () => {
  const items = [
    item('old', { nextAttemptAt: T - 1 }),
    item('later', { nextAttemptAt: T + 10_000 }),
    item('fresh'),
    item('refused', { status: 'refused', lastError: 'bad' }),
    item('theirs', { owner: 'someone-else' }),
    item('unowned', { owner: null }),
  ];
  it.each<[string, string | null, Parameters<typeof dueItems>[3], string[]]>([
    ['due by time, oldest first; not refused or foreign', 'me', {}, ['old', 'fresh', 'unowned']],
    ['forced ignores the backoff', 'me', { force: true }, ['old', 'later', 'fresh', 'unowned']],
    ['one id only', 'me', { force: true, id: 'later' }, ['later']],
    ['a refused item is never due, even forced', 'me', { force: true, id: 'refused' }, []],
    [
      'the other account gets its own and the unowned',
      'someone-else',
      { force: true },
      ['theirs', 'unowned'],
    ],
    ['nothing is due while signed out', null, { force: true }, []],
  ])('%s', (_, sub, options, ids) => {
    expect(dueItems(items, T, sub, options).map((i) => i.id)).toEqual(ids);
  });
});

describe('next attempt time and badge', () => {
  it.each<[string, OutboxItem[], string | null, number | null, string]>([
    ['empty outbox: no alarm, no badge', [], 'me', null, ''],
    [
      'the earliest pending retry',
      [item('a', { nextAttemptAt: T + 60_000 }), item('b', { nextAttemptAt: T + 5_000 })],
      'me',
      T + 5_000,
      '2',
    ],
    [
      'refused items count on the badge but wait for the person',
      [item('a', { status: 'refused', lastError: 'x' })],
      'me',
      null,
      '1',
    ],
    [
      'another account’s items are neither counted nor scheduled',
      [item('a', { owner: 'you', nextAttemptAt: T })],
      'me',
      null,
      '',
    ],
    [
      'signed out: counted (nothing is hidden) but not scheduled',
      [item('a', { nextAttemptAt: T }), item('b', { owner: 'you' })],
      null,
      null,
      '2',
    ],
  ])('%s', (_, items, sub, next, badge) => {
    expect(nextAttemptTime(items, sub)).toBe(next);
    expect(badgeText(items, sub)).toBe(badge);
  });
});
