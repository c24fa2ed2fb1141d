/** An event like `browser.*.onX`: listeners really registered, really called. */
export class FakeEvent<L extends (...args: never[]) => unknown> {
  readonly listeners = new Set<L>();
  addListener(listener: L): void {
    this.listeners.add(listener);
  }
  removeListener(listener: L): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: L): boolean {
    return this.listeners.has(listener);
  }
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }
}
