// The known tags, for autocomplete (a shared <datalist>) and the tags page. Refreshed after edits.
import { api } from './api.js';
import { h } from './dom.js';

let cache = [];

export async function refreshTags() {
  try {
    cache = await api.tags();
  } catch {
    cache = [];
  }
  const list = document.getElementById('tag-suggestions');
  list.replaceChildren(...cache.map((t) => h('option', { value: t.name })));
  return cache;
}

export function knownTags() {
  return cache;
}
