import type { FakeEvent } from './events';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: Changes, areaName: string) => void;

// Values cross the storage boundary as JSON, as in the browser: no shared references, no functions.
const clone = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/**
 * A `browser.storage` area that really stores and fires `onChanged` like the real one: later, and
 * only for values that changed.
 */
export class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  constructor(
    readonly name: string,
    private readonly onChanged: FakeEvent<ChangeListener>,
  ) {}

  async get(
    keys?: string | string[] | Record<string, unknown> | null,
  ): Promise<Record<string, unknown>> {
    await Promise.resolve();
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [k, v] of this.data) out[k] = clone(v);
      return out;
    }
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
    const names =
      typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const name of names) {
      if (this.data.has(name)) out[name] = clone(this.data.get(name));
      else if (name in defaults) out[name] = defaults[name];
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve();
    const changes: Changes = {};
    for (const [k, v] of Object.entries(items)) {
      const oldValue = clone(this.data.get(k));
      this.data.set(k, clone(v));
      // Chromium reports only keys whose value changed: writing the same value fires nothing.
      if (JSON.stringify(oldValue) === JSON.stringify(v)) continue;
      changes[k] = { oldValue, newValue: clone(v) };
    }
    this.emit(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    await Promise.resolve();
    const changes: Changes = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: clone(this.data.get(k)) };
      this.data.delete(k);
    }
    this.emit(changes);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  private emit(changes: Changes): void {
    if (Object.keys(changes).length === 0) return;
    // The browser delivers storage events asynchronously.
    queueMicrotask(() => {
      for (const listener of this.onChanged.listeners) listener(changes, this.name);
    });
  }
}
