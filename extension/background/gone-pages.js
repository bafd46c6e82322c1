// A saved page whose tab now ends in 404/410 or a browser error page: the tab's badge says so and
// the popup offers the saved copy. What was found is kept per tab in session storage, because the
// service worker may be stopped between the navigation and the click on the toolbar button.
import { api } from '../shared/browser-api.js';
import { sendNative } from '../shared/native.js';
import { loadMessages, t } from '../shared/i18n.js';

const GONE_STATUSES = [404, 410];
// Errors that say nothing about the page: the user stopped it, it became a download, a blocker.
const IGNORED_ERRORS = ['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT'];
const key = (tabId) => `gone-tab-${tabId}`;
const storage = () => api.storage.session ?? api.storage.local;

export function watchGonePages() {
  const filter = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] };
  api.webRequest.onCompleted.addListener((d) => {
    inOrder(d.tabId, () => (GONE_STATUSES.includes(d.statusCode) ? markIfSaved(d.tabId, d.url, { status: d.statusCode }) : forget(d.tabId)));
  }, filter);
  api.webRequest.onErrorOccurred.addListener((d) => {
    if (IGNORED_ERRORS.includes(d.error)) return;
    inOrder(d.tabId, () => markIfSaved(d.tabId, d.url, { error: d.error }));
  }, filter);
  // The browser clears a tab's own badge when its navigation commits, and the request's events can come
  // before that (an error page always commits after onErrorOccurred; a slow renderer commits a 404 after
  // onCompleted): the badge is drawn again once the tab has finished loading.
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') inOrder(tabId, () => redrawIfGone(tabId, tab.url));
  });
  api.tabs.onRemoved.addListener((tabId) => { storage().remove(key(tabId)); });
}

// One tab's events are handled one after another, in the order they came, so that a later "it loads
// again" is never overtaken by an earlier "it is gone" still waiting for LinkSnap's answer.
const queues = new Map();
function inOrder(tabId, work) {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work).catch((e) => console.warn('LinkSnap gone pages:', e));
  queues.set(tabId, next);
  next.then(() => { if (queues.get(tabId) === next) queues.delete(tabId); });
}

/** What the tab's page came to, if it is a saved page that is gone now: {url, status|error, linkId, lastSavedAt} or null. */
export async function goneTab(tabId) {
  const found = await storage().get(key(tabId));
  return found[key(tabId)] ?? null;
}

async function markIfSaved(tabId, url, what) {
  if (tabId < 0) return;
  let found;
  try {
    found = await sendNative('lookup-url', { url });
  } catch {
    return; // LinkSnap is not reachable: there is no saved copy to offer now.
  }
  if (!found?.saved) {
    await forget(tabId);
    return;
  }
  const gone = { url, ...what, linkId: found.linkId, lastSavedAt: found.lastSavedAt };
  await storage().set({ [key(tabId)]: gone });
  await showBadge(tabId, gone);
}

async function redrawIfGone(tabId, tabUrl) {
  const gone = await goneTab(tabId);
  if (gone && withoutFragment(gone.url) === withoutFragment(tabUrl)) await showBadge(tabId, gone);
}

async function showBadge(tabId, gone) {
  await loadMessages();
  await api.action.setBadgeBackgroundColor({ tabId, color: '#dc2626' });
  await api.action.setBadgeText({ tabId, text: gone.status ? String(gone.status) : '✕' });
  await api.action.setTitle({ tabId, title: t('badge_gone') });
}

const withoutFragment = (url) => (url ?? '').split('#')[0];

async function forget(tabId) {
  if (tabId < 0 || !(await goneTab(tabId))) return;
  await storage().remove(key(tabId));
  // null gives the tab the global badge back (the last capture's state).
  await api.action.setBadgeText({ tabId, text: null });
  try {
    await api.action.setTitle({ tabId, title: null });
  } catch {
    await loadMessages(); // a browser that wants a string here gets the plain title
    await api.action.setTitle({ tabId, title: t('actionTitle') });
  }
}
