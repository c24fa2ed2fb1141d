import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../../fakes/setup';
import { cognitoStoreKey } from '../../../../src/background/auth/keys';
import { CognitoStorage } from '../../../../src/background/auth/cognitoStorage';
import { resetStorageCache } from '../../../../src/shared/storage';

describe('the synchronous Storage for amazon-cognito-identity-js', () => {
  beforeEach(freshBrowser);

  it('hydrates from its storage.local key, then answers synchronously', async () => {
    await browser.storage.local.set({ cognitoStore: { 'p.LastAuthUser': 'ann' } });
    const storage = new CognitoStorage(cognitoStoreKey);
    expect(storage.getItem('p.LastAuthUser')).toBeNull(); // nothing before hydration
    await storage.hydrate();
    expect(storage.getItem('p.LastAuthUser')).toBe('ann');
    expect(storage.getItem('missing')).toBeNull();
  });

  it('writes through, so a new worker sees what the old one stored', async () => {
    const first = new CognitoStorage(cognitoStoreKey);
    await first.hydrate();
    first.setItem('a', '1');
    first.setItem('b', '2');
    first.removeItem('a');
    await first.flush();
    expect(await browser.storage.local.get('cognitoStore')).toEqual({ cognitoStore: { b: '2' } });

    resetStorageCache(); // the worker stopped: nothing in memory survives
    const second = new CognitoStorage(cognitoStoreKey);
    await second.hydrate();
    expect(second.getItem('b')).toBe('2');
    expect(second.getItem('a')).toBeNull();
  });

  it('clear() leaves no key behind in storage.local', async () => {
    const storage = new CognitoStorage(cognitoStoreKey);
    await storage.hydrate();
    storage.setItem('token', 'eyJ...');
    storage.clear();
    await storage.flush();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('retain() drops a previous user’s items only', async () => {
    const storage = new CognitoStorage(cognitoStoreKey);
    await storage.hydrate();
    storage.setItem('c.old.idToken', 'x');
    storage.setItem('c.new.idToken', 'y');
    storage.retain((name) => name.includes('.new.'));
    await storage.flush();
    expect(await browser.storage.local.get('cognitoStore')).toEqual({
      cognitoStore: { 'c.new.idToken': 'y' },
    });
  });
});
