/** The fake browser's alarms, context menus and tabs: state kept as the browser keeps it. */
import { FakeEvent } from './events';

export interface FakeAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export function createFakeAlarms() {
  const state = new Map<string, FakeAlarm>();
  const onAlarm = new FakeEvent<(alarm: FakeAlarm) => void>();
  return {
    state,
    api: {
      onAlarm,
      // Chrome replaces an alarm of the same name; `when` wins over `delayInMinutes`.
      async create(
        name: string,
        info: { when?: number; delayInMinutes?: number; periodInMinutes?: number },
      ): Promise<void> {
        await Promise.resolve();
        const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000;
        state.set(name, {
          name,
          scheduledTime,
          ...(info.periodInMinutes !== undefined ? { periodInMinutes: info.periodInMinutes } : {}),
        });
      },
      async get(name: string): Promise<FakeAlarm | undefined> {
        await Promise.resolve();
        const alarm = state.get(name);
        return alarm && { ...alarm };
      },
      async getAll(): Promise<FakeAlarm[]> {
        await Promise.resolve();
        return [...state.values()].map((a) => ({ ...a }));
      },
      async clear(name: string): Promise<boolean> {
        await Promise.resolve();
        return state.delete(name);
      },
      async clearAll(): Promise<boolean> {
        await Promise.resolve();
        const had = state.size > 0;
        state.clear();
        return had;
      },
    },
    /** What the browser does when the time comes: a one-shot alarm is gone before listeners run. */
    fire(name: string): void {
      const alarm = state.get(name);
      if (!alarm) throw new Error(`No alarm named ${name}`);
      if (alarm.periodInMinutes === undefined) state.delete(name);
      for (const listener of onAlarm.listeners) listener({ ...alarm });
    },
  };
}

export interface FakeMenuItem {
  id: string;
  title: string;
  contexts: string[];
}

export function createFakeContextMenus() {
  const state = new Map<string, FakeMenuItem>();
  const onClicked = new FakeEvent<
    (info: Record<string, unknown>, tab?: { id?: number; title?: string; url?: string }) => void
  >();
  return {
    state,
    api: {
      onClicked,
      // Synchronous and callback-style like the real one; a duplicate id is an error, as in Chrome.
      create(props: { id: string; title: string; contexts?: string[] }): string {
        if (state.has(props.id))
          throw new Error(`Cannot create item with duplicate id ${props.id}`);
        state.set(props.id, {
          id: props.id,
          title: props.title,
          contexts: props.contexts ?? ['page'],
        });
        return props.id;
      },
      async remove(id: string): Promise<void> {
        await Promise.resolve();
        if (!state.delete(id)) throw new Error(`Cannot find menu item with id ${id}`);
      },
      async removeAll(): Promise<void> {
        await Promise.resolve();
        state.clear();
      },
    },
  };
}

export function createFakeTabs() {
  const tabs: { id: number; url: string; title: string; active: boolean }[] = [];
  return {
    tabs,
    api: {
      async query(q: { active?: boolean } = {}) {
        await Promise.resolve();
        return tabs
          .filter((t) => q.active === undefined || t.active === q.active)
          .map((t) => ({ ...t }));
      },
      async create(props: { url: string; active?: boolean }) {
        await Promise.resolve();
        const tab = {
          id: tabs.length + 1,
          url: props.url,
          title: '',
          active: props.active ?? true,
        };
        tabs.push(tab);
        return { ...tab };
      },
    },
  };
}
