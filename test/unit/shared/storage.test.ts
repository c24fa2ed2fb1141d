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
