// User settings kept in extension storage (options page), with defaults.
import { api } from './browser-api.js';

export const DEFAULT_SETTINGS = Object.freeze({ defaultTags: [], defaultMode: 'as-seen' });

export async function getSettings() {
  const stored = await api.storage.local.get('settings');
  return { ...DEFAULT_SETTINGS, ...(stored.settings ?? {}) };
}

export async function saveSettings(changes) {
  const settings = { ...(await getSettings()), ...changes };
  await api.storage.local.set({ settings });
  return settings;
}
