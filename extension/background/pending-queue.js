// Captures that could not reach LinkSnap, kept in extension storage until the host is back.
// Nothing is lost when the relay or the daemon is missing: the request (with its as-seen HTML)
// waits here and is sent on the next alarm, browser start or successful message.
import { api } from '../shared/browser-api.js';

const KEY = 'pendingCaptures';

export async function listPending() {
  const stored = await api.storage.local.get(KEY);
  return stored[KEY] ?? [];
}

export async function addPending(request, reason) {
  const entry = {
    localId: crypto.randomUUID(),
    request,
    reason,
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
  const items = await listPending();
  items.push(entry);
  await api.storage.local.set({ [KEY]: items });
  return entry;
}

export async function removePending(localId) {
  const items = await listPending();
  await api.storage.local.set({ [KEY]: items.filter((e) => e.localId !== localId) });
}

export async function markAttempt(localId, reason) {
  const items = await listPending();
  for (const e of items) {
    if (e.localId === localId) {
      e.attempts += 1;
      e.reason = reason;
    }
  }
  await api.storage.local.set({ [KEY]: items });
}
