import { resetFakeBrowser } from './browser';
import { resetStorageCache } from '../../src/shared/storage';

/** Each test starts with empty storage, no listeners and no cached values. */
export function freshBrowser(): void {
  resetFakeBrowser();
  resetStorageCache();
}
