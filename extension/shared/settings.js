// User settings kept in extension storage (options page), with defaults.
import { api } from './browser-api.js';

// language: '' follows the browser; 'en' or 'zh_CN' is the person's choice in the options page.
export const DEFAULT_SETTINGS = Object.freeze({ defaultTags: [], defaultMode: 'as-seen', language: '' });

export async function getSettings() {
  const stored = await api.storage.local.get('settings');
  return { ...DEFAULT_SETTINGS, ...(stored.settings ?? {}) };
}

export async function saveSettings(changes) {
  const settings = { ...(await getSettings()), ...changes };
  await api.storage.local.set({ settings });
  return settings;
}
