// Reading progress (decision 069): the reader frame's one script (ReaderPage.ProgressScript, allowed by
// its hash) posts how far the article is scrolled; this page keeps it for the link and sends it back
// when the frame has loaded, so the reader opens where the person stopped. The frame is opaque-origin
// and any page can postMessage, so a message counts only when it comes from this frame's own window
// and carries the random key this page put in the frame's fragment: a page the frame was navigated to,
// or another frame, cannot speak for this link. The number is clamped to 0..1; the link is this page's.
import { api } from './api.js';
import { h, showError } from './dom.js';
import { t } from './i18n.js';

const SAVE_AFTER_MS = 400;

// Returns the key to put after '#' in the frame's URL, and stop() for when the page leaves.
export function trackReading(frame, link) {
  const key = crypto.randomUUID();
  let fraction = link.readingProgress ?? 0;
  let saved = fraction;
  let timer = 0;
  const save = () => {
    timer = 0;
    if (fraction === saved) return;
    const value = fraction;
    api.setReadingProgress(link.id, value).then(() => { saved = value; }, showError);
  };
  const onMessage = (event) => {
    if (event.source !== frame.contentWindow || event.data?.linksnapReader !== key) return;
    if (event.data.kind === 'ready') {
      frame.contentWindow.postMessage({ linksnapRestore: fraction }, '*'); // 0 too: the answer is the same for every load
      return;
    }
    const value = Number(event.data.fraction);
    if (event.data.kind !== 'progress' || !Number.isFinite(value)) return;
    fraction = Math.min(1, Math.max(0, value));
    link.readingProgress = fraction; // the link page draws the frame again (tabs, settings) from this same link
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  };
  window.addEventListener('message', onMessage);
  const stop = () => {
    window.removeEventListener('message', onMessage);
    if (timer) { clearTimeout(timer); save(); }
  };
  return { key, stop };
}

// The bar on a card: nothing until the reader view was scrolled.
export function progressBar(link) {
  const fraction = link.readingProgress;
  if (!(fraction > 0)) return null;
  const percent = Math.round(fraction * 100);
  return h('progress', { class: 'reading-progress', max: 100, value: percent, title: t('reader.progress', { percent }), 'aria-label': t('reader.progress', { percent }) });
}
