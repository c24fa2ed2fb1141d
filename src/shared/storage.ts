import browser from 'webextension-polyfill';

export type AreaName = 'local' | 'session';

export interface StorageKey<T> {
  readonly name: string;
  readonly area: AreaName;
  get(): Promise<T>;
  /** Reads storage itself, not the cache: another context may have written a moment ago. */
  fresh(): Promise<T>;
  set(value: T): Promise<void>;
  clear(): Promise<void>;
  /** Takes a value read from storage by someone else (see `hydrate`) into the cache. */
  accept(raw: unknown): void;
}

interface KeyOptions<T> {
  area?: AreaName;
  /** Returns the value when it has the right shape; anything else reads as `fallback`. */
  validate: (raw: unknown) => raw is T;
  fallback: T;
  /**
   * For the person's own words (draft, outbox): a stored value that fails validation is kept under
   * `<name>.unreadable.<time>` when it would be overwritten, never silently destroyed. Not for
   * secrets, which sign-out must be able to clear by name.
   */
  keepUnreadable?: boolean;
}

type Cached = { value: unknown } | undefined;
const caches = new Map<string, Cached>();
let listening = false;

// Another context (the popup, the worker) may write the same key: keep this context's copy honest.
function listenForChanges(): void {
  if (listening) return;
  listening = true;
  browser.storage.onChanged.addListener((changes, areaName) => {
    for (const name of Object.keys(changes)) caches.delete(`${areaName}:${name}`);
  });
}

/** A typed storage key: hydrated lazily, cached in memory, written through. */
export function storageKey<T>(name: string, options: KeyOptions<T>): StorageKey<T> {
  const area = options.area ?? 'local';
  const id = `${area}:${name}`;
  let unreadable: { raw: unknown } | undefined;
  return {
    name,
    area,
    async get() {
      listenForChanges();
      const cached = caches.get(id);
      return cached ? (cached.value as T) : this.fresh();
    },
    async fresh() {
      this.accept((await browser.storage[area].get(name))[name]);
      return caches.get(id)?.value as T;
    },
    accept(raw) {
      listenForChanges();
      const valid = options.validate(raw);
      if (!valid && raw !== undefined && options.keepUnreadable) unreadable = { raw };
      caches.set(id, { value: valid ? raw : options.fallback });
    },
    async set(value) {
      listenForChanges();
      caches.set(id, { value });
      const items: Record<string, unknown> = { [name]: value };
      if (unreadable) items[`${name}.unreadable.${Date.now()}`] = unreadable.raw;
      unreadable = undefined;
      await browser.storage[area].set(items);
    },
    async clear() {
      caches.set(id, { value: options.fallback });
      await browser.storage[area].remove(name);
    },
  };
}

/**
 * Reads several keys of one area in a single `storage.get` (one round trip to the browser instead
 * of one per key): what a page does before its first paint.
 */
export async function hydrate(
  keys: readonly StorageKey<unknown>[],
  area: AreaName = 'local',
): Promise<void> {
  const pending = keys.filter((key) => key.area === area && !caches.has(`${area}:${key.name}`));
  if (pending.length === 0) return;
  const raw = await browser.storage[area].get(pending.map((key) => key.name));
  for (const key of pending) key.accept(raw[key.name]);
}

/** For tests and sign-out: forget every cached value so the next read goes to storage. */
export function resetStorageCache(): void {
  caches.clear();
  listening = false;
}

export const isString = (raw: unknown): raw is string => typeof raw === 'string';
export const isNumber = (raw: unknown): raw is number =>
  typeof raw === 'number' && Number.isFinite(raw);
export function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}
