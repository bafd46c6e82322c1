// Captures requested from the popup, the context menus and the keyboard command. Sends them to the
// daemon, follows each job to its end for the badge, and keeps them in the pending queue while
// LinkSnap cannot be reached.
import { api } from '../shared/browser-api.js';
import { NativeError, isUnreachable, sendNative } from '../shared/native.js';
import { getSettings } from '../shared/settings.js';
import { setBadge, notifyFailure } from './badge.js';
import { loadMessages, t } from '../shared/i18n.js';
import { serializeTab, SerializeError } from './page-serializer.js';
import { addPending, listPending, markAttempt, removePending } from './pending-queue.js';
import { moveLegacyDefaultTags } from './default-tags.js';

const POLL_MS = 1000;
const TRACK_LIMIT_MS = 15 * 60 * 1000;
const FINAL = new Set(['done', 'partial', 'failed']);

/** The request's tags: those given, else (tags undefined) the daemon adds its default tags when it files the capture. */
function tagFields(tags, useDefaultTags) {
  if (tags === undefined || tags === null) return { useDefaultTags: true };
  return useDefaultTags ? { tags, useDefaultTags: true } : { tags };
}

/**
 * Saves a tab. mode 'as-seen' sends its live DOM; 'fresh' lets the daemon load the URL itself. Without
 * tags (the keyboard shortcut, the page's context menu) the daemon gives it the default tags.
 * Resolves to {snapshotId, linkId, status} or {pending: true, reason}; rejects with a readable error.
 */
export async function captureTab(tabId, { tags, note, mode } = {}) {
  const settings = await getSettings();
  const tab = await api.tabs.get(tabId);
  const request = {
    url: tab.url,
    title: tab.title ?? '',
    ...tagFields(tags),
    mode: mode ?? settings.defaultMode,
  };
  if (note) request.note = note;
  if (!/^https?:/i.test(request.url ?? '')) {
    await loadMessages();
    await setBadge('failed', t('error_onlyWebPagesShort'));
    throw new Error(t('error_onlyWebPages'));
  }
  if (request.mode === 'as-seen') {
    try {
      const page = await serializeTab(tabId);
      request.html = page.html;
      if (page.title) request.title = page.title;
    } catch (e) {
      await failed(request.url, e instanceof SerializeError ? e.message : String(e));
      throw e;
    }
  }
  return submit(request);
}

/** Saves a URL that is not (necessarily) open, e.g. a link target: always fresh. useDefaultTags adds the defaults to tags. */
export async function captureUrl(url, { tags, useDefaultTags } = {}) {
  return submit({ url, ...tagFields(tags, useDefaultTags), mode: 'fresh' });
}

async function submit(request) {
  await setBadge('working');
  try {
    await flushPending();
    const queued = await sendNative('capture', request);
    trackJob(queued.snapshotId, request.url);
    return queued;
  } catch (e) {
    if (isUnreachable(e)) {
      await addPending(request, e.message);
      await setBadge('pending', e.message);
      return { pending: true, reason: e.message };
    }
    await failed(request.url, e.message);
    throw e;
  }
}

let flushing = null;

/** Sends every pending capture while LinkSnap answers; stops at the first "unreachable". */
export function flushPending() {
  flushing ??= (async () => {
    try {
      // A good moment for the one-time move of old extension-side default tags to the daemon.
      await moveLegacyDefaultTags().catch(() => {});
      for (const entry of await listPending()) {
        try {
          const queued = await sendNative('capture', entry.request);
          await removePending(entry.localId);
          trackJob(queued.snapshotId, entry.request.url);
        } catch (e) {
          if (isUnreachable(e)) {
            await markAttempt(entry.localId, e.message);
            return;
          }
          // The daemon refused it (e.g. a URL it does not accept): retrying cannot help.
          await removePending(entry.localId);
          await failed(entry.request.url, e.message);
        }
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Follows a job until it ends, for the badge and a notification when it fails. */
export async function trackJob(snapshotId, url) {
  const started = Date.now();
  while (Date.now() - started < TRACK_LIMIT_MS) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    let status;
    try {
      status = await sendNative('status', { snapshotId });
    } catch (e) {
      if (e instanceof NativeError && e.code === 'not-found') return;
      continue;
    }
    if (FINAL.has(status.status)) {
      if (status.status === 'failed') {
        await failed(url, status.reason ?? 'unknown reason');
      } else {
        await setBadge(status.status, status.title ?? url);
      }
      return;
    }
  }
}

async function failed(url, reason) {
  await setBadge('failed', reason);
  await loadMessages();
  await notifyFailure(t('notify_failedTitle'), `${url}\n${reason}`);
}
