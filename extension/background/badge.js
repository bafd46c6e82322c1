// The toolbar badge shows the state of the last capture; failures also raise a notification.
import { api } from '../shared/browser-api.js';
import { loadMessages, t } from '../shared/i18n.js';

const STATES = {
  working: { text: '…', color: '#2563eb' },
  pending: { text: '⏸', color: '#d97706' },
  done: { text: '✓', color: '#16a34a' },
  partial: { text: '~', color: '#ca8a04' },
  failed: { text: '!', color: '#dc2626' },
};

// A finished save shows ✓ briefly; a failure or a pending page stays until the next event.
const CLEAR_DONE_AFTER_MS = 5000;

export async function setBadge(state, detail) {
  const s = STATES[state];
  if (!s) {
    await api.action.setBadgeText({ text: '' });
    return;
  }
  await api.action.setBadgeBackgroundColor({ color: s.color });
  await api.action.setBadgeText({ text: s.text });
  await loadMessages();
  const title = t(`badge_${state}`);
  await api.action.setTitle({ title: detail ? `${title}: ${detail}` : title });
  const setAt = Date.now();
  await api.storage.local.set({ lastBadge: { state, detail: detail ?? null, setAt } });
  if (state === 'done') setTimeout(() => clearIfStill(setAt), CLEAR_DONE_AFTER_MS);
}

async function clearIfStill(setAt) {
  const { lastBadge } = await api.storage.local.get('lastBadge');
  if (lastBadge?.setAt !== setAt) return;
  await api.action.setBadgeText({ text: '' });
  await api.action.setTitle({ title: t('actionTitle') });
  await api.storage.local.set({ lastBadge: { state: 'none', detail: null, setAt: Date.now() } });
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
