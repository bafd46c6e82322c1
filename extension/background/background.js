// LinkSnap background (service worker in Chromium, event page in Firefox). Listeners are registered
// at the top level so that an event wakes the worker and finds its handler.
import { api } from '../shared/browser-api.js';
import { sendNative } from '../shared/native.js';
import { setBadge } from './badge.js';
import { captureTab, captureUrl, flushPending } from './capture-service.js';
import { runCommand } from './commands.js';
import { openLibrary } from './library.js';
import { goneTab, watchGonePages } from './gone-pages.js';
import { createMenus, runMenuItem } from './menus.js';
import { listPending } from './pending-queue.js';
import { defaultTags, setDefaultTags } from './default-tags.js';
import { DEFAULT_SETTINGS } from '../shared/settings.js';

const RETRY_ALARM = 'linksnap-retry-pending';

api.runtime.onInstalled.addListener(() => {
  createMenus();
  api.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
});

api.runtime.onStartup.addListener(() => {
  api.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
  flushPending();
});

// A language picked in the options page renames the context menu items at once.
api.storage.onChanged.addListener((changes) => {
  const [before, after] = [changes.settings?.oldValue, changes.settings?.newValue];
  if (after && (before?.language ?? DEFAULT_SETTINGS.language) !== after.language) createMenus();
});

watchGonePages();

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) flushPending();
});

api.contextMenus.onClicked.addListener((info, tab) => {
  runMenuItem(info, tab).catch((e) => console.warn('LinkSnap menu:', e));
});

api.commands.onCommand.addListener((command) => {
  runCommand(command).catch((e) => console.warn('LinkSnap command:', e));
});

// Requests from the popup and the options page. Each returns {ok, result} or {ok:false, error, code}.
const handlers = {
  'capture-tab': (m) => captureTab(m.tabId, { tags: m.tags, note: m.note, mode: m.mode }),
  'capture-url': (m) => captureUrl(m.url, { tags: m.tags, useDefaultTags: m.useDefaultTags }),
  'default-tags': () => defaultTags(),
  'set-default-tags': (m) => setDefaultTags(m.tags),
  // The popup's "Start LinkSnap" after `linksnap stop`: the relay starts the daemon; then what waited is sent.
  'start-daemon': async () => {
    const info = await sendNative('start');
    await flushPending();
    return info;
  },
  'menu': async (m) => runMenuItem(m.info, m.tabId ? await api.tabs.get(m.tabId) : undefined),
  'command': (m) => runCommand(m.command),
  'native': (m) => sendNative(m.type, m.fields ?? {}),
  'open-library': (m) => openLibrary({ linkId: m.linkId, snapshotId: m.snapshotId }),
  'gone-tab': (m) => goneTab(m.tabId),
  'pending': () => listPending().then((items) => items.map(({ request, ...rest }) => ({ ...rest, url: request.url }))),
  'flush-pending': async () => {
    await flushPending();
    const left = await listPending();
    if (left.length === 0) await setBadge('none');
    return { pending: left.length };
  },
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.kind];
  if (!handler || sender.id !== api.runtime.id) return false;
  Promise.resolve()
    .then(() => handler(message))
    .then(
      (result) => sendResponse({ ok: true, result: result ?? null }),
      (e) => sendResponse({ ok: false, error: e?.message ?? String(e), code: e?.code ?? null }),
    );
  return true;
});
