/**
 * Type tests for send(): checked by `npm run typecheck` (tsc reads test/), so a protocol change that
 * lets a page send the wrong request, or read the wrong response, fails the build. The runtime part
 * only keeps vitest from calling the file empty.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { send } from '../../../src/shared/client';
import type { Draft, EntryPage, OutboxItem, SessionView } from '../../../src/shared/types';

type Send = typeof send;

// Declared, never called: tsc checks the calls, nothing runs.
declare const s: Send;

function checked(): void {
  expectTypeOf(s('draft.get')).resolves.toEqualTypeOf<Draft>();
  expectTypeOf(s('draft.set', { text: 'x' })).resolves.toEqualTypeOf<Draft>();
  expectTypeOf(s('session.get')).resolves.toEqualTypeOf<SessionView>();
  expectTypeOf(s('journal.recent', {})).resolves.toEqualTypeOf<EntryPage>();
  expectTypeOf(s('outbox.retry', { id: 'a' })).resolves.toEqualTypeOf<OutboxItem[]>();
  expectTypeOf(s('journal.create', { content: 'x' })).resolves.toHaveProperty('queued');
  // Options come after the request, or alone for a message that takes none.
  void s('ping', undefined, { retryDelaysMs: [] });

  // @ts-expect-error a message that takes a request needs it
  void s('draft.set');
  // @ts-expect-error the request's fields are checked
  void s('draft.set', { txt: 'x' });
  // @ts-expect-error and their types
  void s('journal.create', { content: 42 });
  // @ts-expect-error a message that takes none refuses one
  void s('draft.get', { text: 'x' });
  // @ts-expect-error an unknown type is not a message
  void s('journal.get', { id: 'x' });
  // @ts-expect-error the response is what the protocol says, not anything
  expectTypeOf(s('draft.get')).resolves.toEqualTypeOf<SessionView>();
}

describe('send() types', () => {
  it('are checked by tsc', () => {
    expect(typeof checked).toBe('function');
  });
});
