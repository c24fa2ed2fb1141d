import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { quoteSelection } from './content';
import type { Journal } from './journal';

export const MENU_ID = 'journal-add-selection';

/** Menu items persist with the extension: made once per install or update, not on every wake. */
export async function installMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: 'Add selection to journal',
    contexts: ['selection'],
  });
}

export function onMenuClick(journal: Journal) {
  return (info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> | undefined => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return undefined;
    const content = quoteSelection(info.selectionText, tab?.title, tab?.url ?? info.pageUrl);
    return journal.createQuietly(content);
  };
}
