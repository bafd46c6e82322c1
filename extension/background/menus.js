// Context menus: "Snapshot this link" (the link target, fresh, after a quick tag prompt), "Snapshot this
// page", "Open LinkSnap library".
import { api } from '../shared/browser-api.js';
import { captureTab } from './capture-service.js';
import { openLibrary } from './library.js';
import { notifyFailure } from './badge.js';
import { loadMessages, t } from '../shared/i18n.js';

export const MENU_IDS = Object.freeze({ link: 'snapshot-link', page: 'snapshot-page', library: 'open-library' });

export async function createMenus() {
  await loadMessages();
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: MENU_IDS.link, title: t('menu_snapshotLink'), contexts: ['link'] });
    api.contextMenus.create({ id: MENU_IDS.page, title: t('menu_snapshotPage'), contexts: ['page'] });
    api.contextMenus.create({ id: MENU_IDS.library, title: t('menu_openLibrary'), contexts: ['page', 'action'] });
  });
}

/**
 * "Snapshot this link" asks for tags first, in a small window of the extension's own (prompt/): an
 * extension page, so the page the link was on can neither read nor fake what is typed there.
 */
async function openLinkPrompt(linkUrl) {
  const url = api.runtime.getURL(`prompt/prompt.html?url=${encodeURIComponent(linkUrl)}`);
  const window = await api.windows.create({ url, type: 'popup', width: 420, height: 300, focused: true });
  return { prompt: true, windowId: window.id };
}

/** Runs a menu item. info is the contextMenus.onClicked info ({menuItemId, linkUrl}). */
export async function runMenuItem(info, tab) {
  switch (info.menuItemId) {
    case MENU_IDS.link:
      return openLinkPrompt(info.linkUrl);
    case MENU_IDS.page:
      return captureTab(tab.id);
    case MENU_IDS.library:
      try {
        return await openLibrary();
      } catch (e) {
        await loadMessages();
        await notifyFailure(t('notify_libraryTitle'), e.message);
        throw e;
      }
    default:
      throw new Error(`unknown menu item ${info.menuItemId}`);
  }
}
