import { describe, expect, it } from 'vitest';
import { listed, replaced, withFirst, without } from '../../../src/popup/entries';
import { visibleTo } from '../../../src/shared/outboxVisibility';
import type { Entry, OutboxItem } from '../../../src/shared/types';

const e = (id: string, content = id): Entry => ({
  id,
  content,
  createDate: '2025-01-01T00:00:00.000Z',
  updateDate: null,
});
const q = (id: string, owner: string | null): OutboxItem => ({
  id,
  content: id,
  createDate: '2025-01-01T00:00:00.000Z',
  status: 'pending',
  attempts: 0,
  lastError: null,
  nextAttemptAt: null,
  owner,
});
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('the popup’s list', () => {
  it.each([
    ['a new entry goes first', withFirst([e('a'), e('b')], e('c')), ['c', 'a', 'b']],
    [
      'an entry already listed moves up, not twice',
      withFirst([e('a'), e('b')], e('b')),
      ['b', 'a'],
    ],
    ['delete removes it', without([e('a'), e('b')], 'a'), ['b']],
    [
      'older pages follow, duplicates dropped',
      listed([e('a'), e('b')], [e('b'), e('c')], []),
      ['a', 'b', 'c'],
    ],
    [
      'an entry still in the outbox shows there only',
      listed([e('a'), e('b')], [], [q('a', null)]),
      ['b'],
    ],
  ])('%s', (_, result, expected) => {
    expect(ids(result)).toEqual(expected);
  });

  it('update replaces the text in place', () => {
    expect(replaced([e('a'), e('b')], e('b', 'new')).map((x) => x.content)).toEqual(['a', 'new']);
  });

  it.each([
    ['signed in: own and unowned', 'me', ['mine', 'nobody']],
    ['signed out: everything waiting', null, ['mine', 'nobody', 'theirs']],
  ])('queued items shown %s', (_, sub, expected) => {
    expect(ids(visibleTo([q('mine', 'me'), q('nobody', null), q('theirs', 'you')], sub))).toEqual(
      expected,
    );
  });
});
