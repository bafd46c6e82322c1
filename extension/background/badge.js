// The toolbar badge shows the state of the last capture; failures also raise a notification.
import { api } from '../shared/browser-api.js';

const STATES = {
  working: { text: '…', color: '#2563eb', title: 'LinkSnap: saving…' },
  pending: { text: '⏸', color: '#d97706', title: 'LinkSnap: waiting for the LinkSnap app; will send when it is back' },
  done: { text: '✓', color: '#16a34a', title: 'LinkSnap: saved' },
  partial: { text: '~', color: '#ca8a04', title: 'LinkSnap: saved partially' },
  failed: { text: '!', color: '#dc2626', title: 'LinkSnap: the last capture failed' },
};

export async function setBadge(state, detail) {
  const s = STATES[state];
  if (!s) {
    await api.action.setBadgeText({ text: '' });
    return;
  }
  await api.action.setBadgeBackgroundColor({ color: s.color });
  await api.action.setBadgeText({ text: s.text });
  await api.action.setTitle({ title: detail ? `${s.title}: ${detail}` : s.title });
  await api.storage.local.set({ lastBadge: { state, detail: detail ?? null } });
}

export async function notifyFailure(title, message) {
  try {
    await api.notifications.create({
      type: 'basic',
      iconUrl: api.runtime.getURL('icons/icon-128.png'),
      title,
      message: String(message).slice(0, 500),
    });
  } catch (e) {
    // Notifications may be disabled by the user or the platform; the badge still says it failed.
    console.warn('LinkSnap: notification failed', e);
  }
}
