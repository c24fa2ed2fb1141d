import type { StorageKey } from '../../shared/storage';

/**
 * amazon-cognito-identity-js reads and writes its storage synchronously; extension storage is
 * asynchronous. This map is hydrated from one storage key before the pool is used, and every write
 * goes through to that key, so a stopped worker wakes up still signed in.
 */
export class CognitoStorage {
  private items = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly key: StorageKey<Record<string, string>>) {}

  async hydrate(): Promise<void> {
    this.items = new Map(Object.entries(await this.key.get()));
  }

  getItem(name: string): string | null {
    return this.items.get(name) ?? null;
  }

  setItem(name: string, value: string): string {
    this.items.set(name, String(value));
    this.persist();
    return value;
  }

  removeItem(name: string): boolean {
    const had = this.items.delete(name);
    if (had) this.persist();
    return had;
  }

  clear(): Record<string, never> {
    this.items.clear();
    this.persist();
    return {};
  }

  /** Drops every item `keep` refuses (e.g. a previous user's tokens after someone else signs in). */
  retain(keep: (name: string) => boolean): void {
    let changed = false;
    for (const name of [...this.items.keys()])
      if (!keep(name)) changed = this.items.delete(name) || changed;
    if (changed) this.persist();
  }

  /** Resolves when every write so far is in storage: await it before answering a page. */
  flush(): Promise<void> {
    return this.writing;
  }

  // Writes are chained so a slow earlier snapshot can never land after a newer one.
  private persist(): void {
    const snapshot = Object.fromEntries(this.items);
    const write = () => (Object.keys(snapshot).length ? this.key.set(snapshot) : this.key.clear());
    this.writing = this.writing.then(write, write);
  }
}
