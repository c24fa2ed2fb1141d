import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../fakes/setup';
import { hydrate, isNumber, isString, storageKey } from '../../../src/shared/storage';

const counter = () => storageKey<number>('counter', { validate: isNumber, fallback: 0 });

describe('storageKey', () => {
  beforeEach(freshBrowser);

  it('reads the fallback when nothing or something malformed is stored', async () => {
    expect(await counter().get()).toBe(0);
    freshBrowser();
    await browser.storage.local.set({ counter: 'not a number' });
    expect(await counter().get()).toBe(0);
  });

  it('writes through to storage', async () => {
    await counter().set(5);
    expect(await browser.storage.local.get('counter')).toEqual({ counter: 5 });
  });

  it('sees a change made by another context', async () => {
    const key = counter();
    expect(await key.get()).toBe(0);
    await browser.storage.local.set({ counter: 9 }); // e.g. the popup wrote it
    await new Promise((r) => setTimeout(r, 0));
    expect(await key.get()).toBe(9);
  });

  it('clear() removes the value from storage', async () => {
    const key = counter();
    await key.set(3);
    await key.clear();
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await key.get()).toBe(0);
  });

  it('keeps session-area keys out of local storage', async () => {
    const key = storageKey<number>('n', { area: 'session', validate: isNumber, fallback: 0 });
    await key.set(1);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browser.storage.session.get(null)).toEqual({ n: 1 });
  });
});

describe('hydrate', () => {
  beforeEach(freshBrowser);

  it('fills several keys with one storage read, validating each', async () => {
    await browser.storage.local.set({ counter: 4, other: 'bad' });
    const counterKey = counter();
    const otherKey = storageKey<number>('other', { validate: isNumber, fallback: -1 });
    const spy = vi.spyOn(browser.storage.local, 'get');
    await hydrate([counterKey, otherKey]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await counterKey.get()).toBe(4);
    expect(await otherKey.get()).toBe(-1);
    expect(spy).toHaveBeenCalledTimes(1); // the gets were served from the cache
  });

  it('reads nothing when every key is already cached', async () => {
    const key = counter();
    await key.get();
    const spy = vi.spyOn(browser.storage.local, 'get');
    await hydrate([key]);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('keepUnreadable', () => {
  beforeEach(freshBrowser);

  const words = (keep: boolean) =>
    storageKey<string>('words', { validate: isString, fallback: '', keepUnreadable: keep });

  it('sets an unreadable stored value aside when it is overwritten, instead of destroying it', async () => {
    await browser.storage.local.set({ words: { from: 'an older version', text: 'dear diary' } });
    const key = words(true);
    expect(await key.get()).toBe('');
    await key.set('new text');
    const all = await browser.storage.local.get(null);
    expect(all.words).toBe('new text');
    const aside = Object.entries(all).filter(([name]) => name.startsWith('words.unreadable.'));
    expect(aside.map(([, value]) => value)).toEqual([
      { from: 'an older version', text: 'dear diary' },
    ]);
    await key.set('newer text'); // set aside once, not on every write
    expect(Object.keys(await browser.storage.local.get(null))).toHaveLength(2);
  });

  it('keeps nothing aside for keys that did not ask, or when nothing was stored', async () => {
    await browser.storage.local.set({ words: 42 });
    await words(false).get();
    await words(false).set('x');
    expect(Object.keys(await browser.storage.local.get(null))).toEqual(['words']);
    freshBrowser();
    const fresh = words(true);
    await fresh.get();
    await fresh.set('y');
    expect(Object.keys(await browser.storage.local.get(null))).toEqual(['words']);
  });
});

describe('fresh', () => {
  beforeEach(freshBrowser);

  it('reads what another context wrote before the change event reaches this one', async () => {
    const key = counter();
    expect(await key.get()).toBe(0);
    await browser.storage.local.set({ counter: 7 }); // its onChanged has not been delivered yet
    expect(await key.fresh()).toBe(7);
    expect(await key.get()).toBe(7);
  });
});

describe('no-op writes', () => {
  beforeEach(freshBrowser);

  it('does not write a value equal to the one stored, and keeps its own write cached', async () => {
    const key = counter();
    await key.set(3);
    await new Promise((r) => setTimeout(r, 0)); // the write's own change event
    const set = vi.spyOn(browser.storage.local, 'set');
    const get = vi.spyOn(browser.storage.local, 'get');
    await key.set(3);
    expect(await key.get()).toBe(3);
    expect(set).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
    await key.set(4);
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('writes again once another context has changed the value', async () => {
    const key = counter();
    await key.set(3);
    await browser.storage.local.set({ counter: 8 }); // another context
    await new Promise((r) => setTimeout(r, 0));
    await key.set(3);
    expect(await browser.storage.local.get('counter')).toEqual({ counter: 3 });
  });

  it('replaces a malformed stored value even with the fallback', async () => {
    await browser.storage.local.set({ counter: 'garbage' });
    const key = counter();
    expect(await key.get()).toBe(0);
    await key.set(0);
    expect(await browser.storage.local.get('counter')).toEqual({ counter: 0 });
  });
});

describe('watch', () => {
  beforeEach(freshBrowser);

  it('reports validated changes from any context, once per real change, until stopped', async () => {
    const key = counter();
    const seen: [number, number][] = [];
    const stop = key.watch((value, old) => seen.push([value, old]));
    await key.set(1);
    await browser.storage.local.set({ counter: 1 }); // the same again: no event
    await browser.storage.local.set({ counter: 'bad' }); // malformed reads as the fallback
    await browser.storage.local.set({ unrelated: 5 });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    await key.set(7);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('ignores the same name in the other area', async () => {
    const key = counter();
    const seen: number[] = [];
    key.watch((value) => seen.push(value));
    await browser.storage.session.set({ counter: 2 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
  });
});

describe('versions and migrations', () => {
  beforeEach(freshBrowser);

  interface Note {
    text: string;
    at: number;
  }
  const isNote = (raw: unknown): raw is Note =>
    typeof raw === 'object' &&
    raw !== null &&
    isString((raw as Note).text) &&
    isNumber((raw as Note).at);
  // Version 1 stored a bare string; version 2 an object with the time.
  const noteKey = () =>
    storageKey<Note>('note', {
      validate: isNote,
      fallback: { text: '', at: 0 },
      version: 2,
      migrations: { 2: (raw) => (isString(raw) ? { text: raw, at: 0 } : raw) },
      keepUnreadable: true,
    });

  it('migrates a value stored by the previous version instead of setting it aside', async () => {
    await browser.storage.local.set({ note: 'written by version 1' });
    expect(await noteKey().get()).toEqual({ text: 'written by version 1', at: 0 });
  });

  it('writes the version with the value, and reads a current value as it is', async () => {
    const key = noteKey();
    await key.set({ text: 'now', at: 5 });
    expect(await browser.storage.local.get(null)).toEqual({
      note: { text: 'now', at: 5 },
      'note.version': 2,
    });
    freshBrowser();
    await browser.storage.local.set({ note: { text: 'now', at: 5 }, 'note.version': 2 });
    expect(await noteKey().get()).toEqual({ text: 'now', at: 5 });
  });

  it('writes the migrated value back on the next set, even when it is equal', async () => {
    await browser.storage.local.set({ note: 'old' });
    const key = noteKey();
    const migrated = await key.get();
    await key.set(migrated);
    expect(await browser.storage.local.get(null)).toEqual({
      note: { text: 'old', at: 0 },
      'note.version': 2,
    });
  });

  it('still keeps aside what no migration can read', async () => {
    await browser.storage.local.set({ note: 42 });
    const key = noteKey();
    expect(await key.get()).toEqual({ text: '', at: 0 });
    await key.set({ text: 'new', at: 1 });
    const all = await browser.storage.local.get(null);
    expect(Object.entries(all).find(([k]) => k.startsWith('note.unreadable.'))?.[1]).toBe(42);
  });

  it('hydrate() reads the version with the value in the same single read', async () => {
    await browser.storage.local.set({ note: 'old' });
    const key = noteKey();
    const get = vi.spyOn(browser.storage.local, 'get');
    await hydrate([key]);
    expect(await key.get()).toEqual({ text: 'old', at: 0 });
    expect(get).toHaveBeenCalledTimes(1);
  });
});
