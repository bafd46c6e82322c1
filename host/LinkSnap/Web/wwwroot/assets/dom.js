// Small DOM helpers: element builder, messages, dialogs. No framework, no innerHTML with data.
import { t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// A snippet from the API is escaped text with <mark> around hits; keep only text and <mark>.
export function snippetNodes(snippet) {
  const doc = new DOMParser().parseFromString(`<body>${snippet}</body>`, 'text/html');
  const out = [];
  for (const node of doc.body.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(node.textContent));
    else if (node.nodeName === 'MARK') out.push(h('mark', {}, node.textContent));
    else out.push(document.createTextNode(node.textContent));
  }
  return out;
}

export function showError(error) {
  const notice = document.getElementById('notice');
  notice.textContent = error?.message || String(error);
  notice.hidden = false;
}

export function clearError() {
  const notice = document.getElementById('notice');
  notice.hidden = true;
  notice.textContent = '';
}

// A short message in the corner. At most three at a time (the oldest goes), so they never pile up
// over the cards. The handle's update() changes the text in place ("Saving…" → "Saved").
const maxToasts = 3;
export function toast(text, ms = 3500) {
  const host = document.getElementById('toasts');
  while (host.children.length >= maxToasts) host.firstElementChild.remove();
  const el = h('div', { class: 'toast', role: 'status' }, text);
  host.append(el);
  let timer = setTimeout(() => el.remove(), ms);
  return {
    update(next, after = 3500) {
      el.textContent = next;
      clearTimeout(timer);
      timer = setTimeout(() => el.remove(), after);
    },
  };
}

// Shows a modal dialog built from `content`; resolves with the clicked button's value or null.
export function openDialog(title, content, buttons) {
  const dialog = document.getElementById('dialog');
  dialog.replaceChildren(
    h('form', { method: 'dialog' },
      h('h2', {}, title),
      content,
      h('div', { class: 'actions' },
        h('button', { value: '', type: 'submit', formnovalidate: true }, t('action.cancel')),
        buttons.map((b) => h('button', { value: b.value, type: 'submit', class: b.class || '' }, b.label)))));
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue || null), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    const first = dialog.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}

export async function confirmDialog(title, text, label = t('action.delete')) {
  return (await openDialog(title, h('p', {}, text), [{ value: 'ok', label, class: 'danger' }])) === 'ok';
}

export function formatBytes(n) {
  if (!n && n !== 0) return '';
  const [value, unit] = n < 1024 ? [n, 'bytes'] : n < 1024 * 1024 ? [n / 1024, 'kb'] : [n / 1024 / 1024, 'mb'];
  return t(`unit.${unit}`, { n: Number(value.toFixed(unit === 'bytes' ? 0 : 1)) });
}

// True while an input method (pinyin, kana…) is composing: its Enter commits a word, not a tag.
export function isComposing(event) {
  return event.isComposing || event.keyCode === 229;
}

// Splits "a, b ,c" into trimmed, non-empty tags.
export function parseTags(text) {
  return (text || '').split(',').map((t) => t.trim()).filter(Boolean);
}

// Each page has its own title in the tab and the history list: "Tags — LinkSnap".
export function setPageTitle(page) {
  document.title = page ? t('app.pageTitle', { page }) : t('app.documentTitle');
}
