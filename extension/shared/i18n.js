// The extension's language: every string a person reads comes from _locales/<lang>/messages.json.
// It follows the browser (chrome.i18n's UI language) unless the options page picked one, which
// chrome.i18n cannot do, so the chosen file is read here. Messages use {name} placeholders.
// The pseudo language "x-pseudo" (tests) wraps every message in ⟦…⟧ to find strings that bypass
// the files.
import { api } from './browser-api.js';
import { getSettings } from './settings.js';

export const languages = [['en', 'English'], ['zh_CN', '中文']];
let messages = {};
let lang = 'en';
let pseudo = false;

function browserLanguage() {
  return String(api.i18n.getUILanguage?.() ?? 'en').toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/** Reads the message file of the chosen (or the browser's) language; call before t(). */
export async function loadMessages() {
  const { language } = await getSettings();
  pseudo = language === 'x-pseudo';
  lang = languages.some(([code]) => code === language) ? language : browserLanguage();
  const response = await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`));
  messages = await response.json();
  return lang;
}

/** The BCP 47 tag of the language in use, for Intl and <html lang>. */
export function languageTag() {
  return lang.replace('_', '-');
}

export function t(key, params = {}) {
  const message = messages[key]?.message;
  if (message === undefined) {
    console.error(`i18n: no message "${key}" in ${lang}`);
    return key;
  }
  const text = message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  return pseudo ? `⟦${text}⟧` : text;
}

/** Translates elements marked data-i18n (text), data-i18n-placeholder, -title and -aria-label. */
export function translatePage(root = document) {
  document.documentElement.lang = languageTag();
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    for (const el of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}

export function formatDate(iso) {
  const text = new Date(iso).toLocaleString(languageTag(), { dateStyle: 'medium', timeStyle: 'short' });
  return pseudo ? `⟨${text}⟩` : text;
}
