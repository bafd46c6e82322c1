// "As seen" capture: serializes the tab's live DOM with a content script. Pages above the message
// limit fail with a clear reason instead of a stalled native port.
import { api } from '../shared/browser-api.js';
import { loadProtocol } from '../shared/protocol.js';

export class SerializeError extends Error {}

/** Returns {html, url, title} of the tab as the user sees it now. */
export async function serializeTab(tabId) {
  let results;
  try {
    results = await api.scripting.executeScript({ target: { tabId }, files: ['content/serialize-page.js'] });
  } catch (e) {
    throw new SerializeError(`cannot read this page (${e?.message ?? e}); browser pages and the web store cannot be captured as seen`);
  }
  const page = results?.[0]?.result;
  if (!page || typeof page.html !== 'string') {
    throw new SerializeError('the page could not be serialized');
  }
  const { limits } = await loadProtocol();
  const bytes = new TextEncoder().encode(page.html).length;
  if (bytes > limits.maxHtmlBytes) {
    const mb = (n) => (n / 1e6).toFixed(1);
    throw new SerializeError(
      `this page is ${mb(bytes)} MB as seen, over the ${mb(limits.maxHtmlBytes)} MB limit; use "Snapshot this link" (fresh) instead`,
    );
  }
  return page;
}
