// The page's language: every string a person reads comes from messages/<lang>.json through t().
// The language follows the browser (navigator.languages) until the person picks one in the
// header; the choice is remembered. Dates and numbers are formatted by Intl in the same locale.
//
// A message is a string with {name} placeholders, or, where a count decides the words, an object
// of Intl.PluralRules categories ({ "one": "{count} link", "other": "{count} links" }).
// The pseudo language "x-pseudo" (set by tests) wraps every message in ⟦…⟧ (and what Intl formats
// in ⟨…⟩), so a test can find any visible text that did not come from the message files.

export const languages = [['en', 'English'], ['zh-CN', '中文']];
const storageKey = 'linksnap-lang';

function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language]) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export const chosenLanguage = localStorage.getItem(storageKey) || '';
const pseudo = chosenLanguage === 'x-pseudo';
export const lang = languages.some(([code]) => code === chosenLanguage) ? chosenLanguage : pseudo ? 'en' : browserLanguage();
const messages = await (await fetch(`/assets/messages/${lang}.json`, { credentials: 'same-origin' })).json();
const plurals = new Intl.PluralRules(lang);

/** The message `key` with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  let message = messages[key];
  if (message === undefined) {
    console.error(`i18n: no message "${key}" in ${lang}`);
    return key;
  }
  if (typeof message === 'object') message = message[plurals.select(Number(params.count ?? 0))] ?? message.other;
  const text = message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? format(params[name]) : whole));
  return pseudo ? `⟦${text}⟧` : text;
}

function format(value) {
  return typeof value === 'number' ? Number(value).toLocaleString(lang) : String(value);
}

/** True when the message files have `key` (for words that come from data, such as a status). */
export function hasMessage(key) {
  return key in messages;
}

/** A status, stage or other code word from the API in the page's language; unknown codes as they are. */
export function word(group, code) {
  return hasMessage(`${group}.${code}`) ? t(`${group}.${code}`) : String(code ?? '');
}

/** Switches the page's language (or back to the browser's with ''), then reloads the page. */
export function setLanguage(code) {
  if (code) localStorage.setItem(storageKey, code); else localStorage.removeItem(storageKey);
  location.reload();
}

// In the pseudo language, what Intl formats is marked ⟨…⟩: locale-correct, but not a message.
const formatted = (text) => (pseudo && text ? `⟨${text}⟩` : text);

export function formatNumber(n) {
  return formatted(Number(n).toLocaleString(lang));
}

export function formatDate(iso, style = { dateStyle: 'medium', timeStyle: 'short' }) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? '' : formatted(d.toLocaleString(lang, style));
}

const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];

/** "3 days ago" / "3天前" for a past or future time. */
export function formatRelative(iso, now = Date.now()) {
  const d = new Date(iso);
  if (isNaN(d)) return '';
  const seconds = (d - now) / 1000;
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) || units[units.length - 1];
  return formatted(relative.format(Math.round(seconds / size), unit));
}

/**
 * Translates the static page: data-i18n (text), data-i18n-placeholder, data-i18n-title and
 * data-i18n-aria-label name message keys.
 */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [attribute, name] of [['placeholder', 'i18nPlaceholder'], ['title', 'i18nTitle'], ['aria-label', 'i18nAriaLabel']]) {
    for (const el of root.querySelectorAll(`[data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`)) {
      el.setAttribute(attribute, t(el.dataset[name]));
    }
  }
}
