import browser from 'webextension-polyfill';

export type AreaName = 'local' | 'session';

export interface StorageKey<T> {
  readonly name: string;
  readonly area: AreaName;
  get(): Promise<T>;
  /** Reads storage itself, not the cache: another context may have written a moment ago. */
  fresh(): Promise<T>;
  /** Writes through; a value equal to the one this context holds is not written again. */
  set(value: T): Promise<void>;
  clear(): Promise<void>;
  /** Takes a value read from storage by someone else (see `hydrate`) into the cache. */
  accept(raw: unknown, storedVersion?: unknown): void;
  /**
   * Calls `listener` with the validated new and old value whenever another write changes this key
   * (from any context). Returns the function that stops it.
   */
  watch(listener: (value: T, old: T) => void): () => void;
}

/** Turns a value stored at version `n - 1` into the shape of version `n`. */
export type Migration = (raw: unknown) => unknown;

interface KeyOptions<T> {
  area?: AreaName;
  /** Returns the value when it has the right shape; anything else reads as `fallback`. */
  validate: (raw: unknown) => raw is T;
  fallback: T;
  /**
   * The value's shape version (1 when left out). A stored value of an older version is migrated
   * on read by `migrations[v]` for each version `v` above the stored one, then validated; the
   * version is kept under `<name>.version` (only once it is above 1).
   */
  version?: number;
  migrations?: Readonly<Record<number, Migration>>;
  /**
   * For the person's own words (draft, outbox): a stored value that fails validation (even after
   * migrations) is kept under `<name>.unreadable.<time>` when it would be overwritten, never
   * silently destroyed. Not for secrets, which sign-out must be able to clear by name.
   */
  keepUnreadable?: boolean;
}

/** `json` is what storage holds as far as this context knows: a write of the same is a no-op. */
type Cached = { value: unknown; json: string } | undefined;
const NOTHING = 'undefined';
// Storage holds something this code could not take as it is (old version, wrong shape).
const OTHER = '#other';
const caches = new Map<string, Cached>();
let listening = false;

const jsonOf = (value: unknown) => JSON.stringify(value) ?? NOTHING;
const versionName = (name: string) => `${name}.version`;

/**
 * Another context (the popup, the worker) may write the same key: keep this context's copy honest.
 * The echo of this context's own write carries the value it already holds, and keeps the cache;
 * anything else drops it, so the next read goes to storage (events of quick successive writes
 * arrive late, so the event's value is not taken as the truth).
 */
function listenForChanges(): void {
  if (listening) return;
  listening = true;
  browser.storage.onChanged.addListener((changes, areaName) => {
    for (const [name, change] of Object.entries(changes)) {
      const id = `${areaName}:${name}`;
      const cached = caches.get(id);
      if (cached && cached.json === jsonOf(change.newValue)) continue;
      caches.delete(id);
    }
  });
}

/** A typed storage key: hydrated lazily, cached in memory, written through, versioned. */
export function storageKey<T>(name: string, options: KeyOptions<T>): StorageKey<T> {
  const area = options.area ?? 'local';
  const id = `${area}:${name}`;
  const version = options.version ?? 1;
  let unreadable: { raw: unknown } | undefined;

  function migrate(raw: unknown, storedVersion: unknown): unknown {
    if (raw === undefined) return raw;
    let from =
      typeof storedVersion === 'number' && Number.isInteger(storedVersion) ? storedVersion : 1;
    let value: unknown = raw;
    while (from < version) {
      from += 1;
      const step = options.migrations?.[from];
      if (step) value = step(value);
    }
    return value;
  }

  function read(raw: unknown, storedVersion: unknown, keep = false): T {
    const value = migrate(raw, storedVersion);
    if (options.validate(value)) return value;
    if (keep && raw !== undefined && options.keepUnreadable) unreadable = { raw };
    return options.fallback;
  }

  const isCurrent = (storedVersion: unknown) =>
    (typeof storedVersion === 'number' ? storedVersion : 1) === version;

  const names = version > 1 ? [name, versionName(name)] : [name];

  function writeItems(value: T): Record<string, unknown> {
    const items: Record<string, unknown> = { [name]: value };
    if (version > 1) items[versionName(name)] = version;
    if (unreadable) items[`${name}.unreadable.${Date.now()}`] = unreadable.raw;
    unreadable = undefined;
    return items;
  }

  return {
    name,
    area,
    async get() {
      listenForChanges();
      const cached = caches.get(id);
      return cached ? (cached.value as T) : this.fresh();
    },
    async fresh() {
      const raw = await browser.storage[area].get(names);
      this.accept(raw[name], raw[versionName(name)]);
      return caches.get(id)?.value as T;
    },
    accept(raw, storedVersion) {
      listenForChanges();
      const value = read(raw, storedVersion, true);
      const json =
        raw === undefined
          ? NOTHING
          : isCurrent(storedVersion) && options.validate(raw)
            ? jsonOf(raw)
            : OTHER;
      caches.set(id, { value, json });
    },
    async set(value) {
      listenForChanges();
      const json = jsonOf(value);
      // A no-op write costs a storage round trip and wakes every listener: skip it.
      if (caches.get(id)?.json === json && !unreadable) return;
      caches.set(id, { value, json });
      await browser.storage[area].set(writeItems(value));
    },
    // Always removes, even when this context believes nothing is stored: sign-out relies on it.
    async clear() {
      listenForChanges();
      caches.set(id, { value: options.fallback, json: NOTHING });
      await browser.storage[area].remove(names);
    },
    watch(listener) {
      const onChanged = (
        changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
        areaName: string,
      ) => {
        const change = changes[name];
        if (areaName !== area || !change) return;
        // The version is written with the value; without it the value is this code's version.
        const stored = changes[versionName(name)]?.newValue ?? version;
        const value = read(change.newValue, stored);
        const old = read(change.oldValue, stored);
        if (jsonOf(value) !== jsonOf(old)) listener(value, old);
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
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
  const names = pending.flatMap((key) => [key.name, versionName(key.name)]);
  const raw = await browser.storage[area].get(names);
  for (const key of pending) key.accept(raw[key.name], raw[versionName(key.name)]);
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
