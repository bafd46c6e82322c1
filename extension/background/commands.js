// Keyboard commands (manifest "commands"): "save-page" saves the active tab with the default tags
// and the default capture mode from the options page, without opening the popup.
import { api } from '../shared/browser-api.js';
import { captureTab } from './capture-service.js';
import { loadMessages, t } from '../shared/i18n.js';

export const COMMAND_IDS = Object.freeze({ savePage: 'save-page' });

export async function runCommand(command) {
  if (command !== COMMAND_IDS.savePage) throw new Error(`unknown command ${command}`);
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab) {
    await loadMessages();
    throw new Error(t('error_noActiveTab'));
  }
  return captureTab(tab.id);
}
