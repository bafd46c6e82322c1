// Opens the library in a normal tab. The daemon hands out a login link (it sets the session cookie);
// when a particular link is wanted, the tab moves on to it once the login page has redirected.
import { api } from '../shared/browser-api.js';
import { sendNative } from '../shared/native.js';

export async function openLibrary({ linkId, snapshotId } = {}) {
  const fields = {};
  if (linkId) fields.linkId = linkId;
  if (snapshotId) fields.snapshotId = snapshotId;
  const { url, pageUrl } = await sendNative('open-library', fields);
  const tab = await api.tabs.create({ url });
  if (pageUrl && pageUrl !== url && (linkId || snapshotId)) {
    const onUpdated = (tabId, change) => {
      if (tabId === tab.id && change.status === 'complete') {
        api.tabs.onUpdated.removeListener(onUpdated);
        api.tabs.update(tab.id, { url: pageUrl });
      }
    };
    api.tabs.onUpdated.addListener(onUpdated);
  }
  return { url, pageUrl };
}
