import browser from 'webextension-polyfill';

export type AreaName = 'local' | 'session';

export interface StorageKey<T> {
  readonly name: string;
  readonly area: AreaName;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  clear(): Promise<void>;
}

interface KeyOptions<T> {
  area?: AreaName;
  /** Returns the value when it has the right shape; anything else reads as `fallback`. */
  validate: (raw: unknown) => raw is T;
  fallback: T;
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
  return {
    name,
    area,
    async get() {
      listenForChanges();
      const cached = caches.get(id);
      if (cached) return cached.value as T;
      const raw = (await browser.storage[area].get(name))[name];
      const value = options.validate(raw) ? raw : options.fallback;
      caches.set(id, { value });
      return value;
    },
    async set(value) {
      listenForChanges();
      caches.set(id, { value });
      await browser.storage[area].set({ [name]: value });
    },
    async clear() {
      caches.set(id, { value: options.fallback });
      await browser.storage[area].remove(name);
    },
  };
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
