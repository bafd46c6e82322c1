// Context menus: "Snapshot this link" (the link target, fresh), "Snapshot this page", "Open LinkSnap library".
import { api } from '../shared/browser-api.js';
import { captureTab, captureUrl } from './capture-service.js';
import { openLibrary } from './library.js';
import { notifyFailure } from './badge.js';

export const MENU_IDS = Object.freeze({ link: 'snapshot-link', page: 'snapshot-page', library: 'open-library' });

export function createMenus() {
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: MENU_IDS.link, title: 'Snapshot this link', contexts: ['link'] });
    api.contextMenus.create({ id: MENU_IDS.page, title: 'Snapshot this page', contexts: ['page'] });
    api.contextMenus.create({ id: MENU_IDS.library, title: 'Open LinkSnap library', contexts: ['page', 'action'] });
  });
}

/** Runs a menu item. info is the contextMenus.onClicked info ({menuItemId, linkUrl}). */
export async function runMenuItem(info, tab) {
  switch (info.menuItemId) {
    case MENU_IDS.link:
      return captureUrl(info.linkUrl);
    case MENU_IDS.page:
      return captureTab(tab.id);
    case MENU_IDS.library:
      try {
        return await openLibrary();
      } catch (e) {
        await notifyFailure('LinkSnap library', e.message);
        throw e;
      }
    default:
      throw new Error(`unknown menu item ${info.menuItemId}`);
  }
}
