// User settings kept in extension storage (options page), with defaults. The default tags are not here:
// the daemon keeps them (default-tags / set-default-tags), so a tag renamed in the library renames them.
import { api } from './browser-api.js';

// language: '' follows the browser; 'en' or 'zh_CN' is the person's choice in the options page.
// autoStart: start LinkSnap when a message finds it stopped by `linksnap stop` (decision 068: off, the
// person stopped it on purpose; the popup offers a Start button instead).
export const DEFAULT_SETTINGS = Object.freeze({ defaultMode: 'as-seen', language: '', autoStart: false });

export async function getSettings() {
  const stored = await api.storage.local.get('settings');
  const { defaultTags, ...settings } = stored.settings ?? {}; // defaultTags: before the daemon kept them (see default-tags.js)
  return { ...DEFAULT_SETTINGS, ...settings };
}

export async function saveSettings(changes) {
  const stored = (await api.storage.local.get('settings')).settings ?? {};
  const settings = { ...stored, ...changes };
  await api.storage.local.set({ settings });
  return getSettings();
}

/** Default tags an older version kept in extension storage (null when none are left to move to the daemon). */
export async function legacyDefaultTags() {
  const tags = (await api.storage.local.get('settings')).settings?.defaultTags;
  return Array.isArray(tags) ? tags : null;
}

/** Forgets the old extension-side default tags once the daemon has them. */
export async function forgetLegacyDefaultTags() {
  const { defaultTags, ...settings } = (await api.storage.local.get('settings')).settings ?? {};
  await api.storage.local.set({ settings });
}
