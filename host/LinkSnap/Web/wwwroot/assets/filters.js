// The browse state lives in the URL (so a filtered view can be bookmarked): q, tag (repeated),
// tagMode, site, author, from, to, status, health, changed, state, sort, order, view. Only known keys are read; bad values fall back.

const sorts = ['saved', 'published', 'title', 'site'];
const statuses = ['', 'done', 'partial', 'failed', 'queued', 'running'];
// 'gone' stands for the original being gone or a soft 404: "your copy is the only one".
export const healthFilters = ['', 'gone', 'moved', 'unknown', 'alive'];
// Read-later view: '' is everything but archived links (what read-later users expect; a search finds
// archived ones too), 'all' includes them (decision 042).
export const stateFilters = ['', 'unread', 'favorite', 'archived', 'all'];

export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const pick = (key, allowed, fallback) => (allowed.includes(p.get(key)) ? p.get(key) : fallback);
  return {
    q: (p.get('q') || '').slice(0, 500),
    tags: [...new Set(p.getAll('tag').map((t) => t.trim()).filter(Boolean))].slice(0, 20),
    tagMode: pick('tagMode', ['and', 'or'], 'and'),
    site: (p.get('site') || '').trim(),
    author: (p.get('author') || '').trim().slice(0, 200),
    from: validDate(p.get('from')),
    to: validDate(p.get('to')),
    status: pick('status', statuses, ''),
    health: pick('health', healthFilters, ''),
    changed: p.get('changed') === 'true',
    attention: p.get('attention') === 'true',
    linkState: pick('state', stateFilters, ''),
    sort: pick('sort', sorts, 'saved'),
    order: pick('order', ['desc', 'asc'], 'desc'),
    view: pick('view', ['grid', 'list'], localStorage.getItem('linksnap-view') || 'grid'),
  };
}

function validDate(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value || '') ? value : '';
}

// The page URL for a state (defaults left out to keep bookmarks short).
export function stateToSearch(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const tag of state.tags) p.append('tag', tag);
  if (state.tags.length > 1 && state.tagMode !== 'and') p.set('tagMode', state.tagMode);
  if (state.site) p.set('site', state.site);
  if (state.author) p.set('author', state.author);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.status) p.set('status', state.status);
  if (state.health) p.set('health', state.health);
  if (state.changed) p.set('changed', 'true');
  if (state.attention) p.set('attention', 'true');
  if (state.linkState) p.set('state', state.linkState);
  if (state.sort !== 'saved') p.set('sort', state.sort);
  if (state.order !== 'desc') p.set('order', state.order);
  if (state.view !== 'grid') p.set('view', state.view);
  const text = p.toString();
  return text ? `?${text}` : '';
}

// Query string for GET /api/links.
export function stateToApi(state, cursor, limit = 50) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const tag of state.tags) p.append('tag', tag);
  if (state.tags.length) p.set('tagMode', state.tagMode);
  if (state.site) p.set('site', state.site);
  if (state.author) p.set('author', state.author);
  if (state.from) p.set('from', `${state.from}T00:00:00.000Z`);
  if (state.to) p.set('to', endOfDay(state.to));
  if (state.status) p.set('status', state.status);
  for (const health of state.health === 'gone' ? ['gone', 'soft-404'] : state.health ? [state.health] : []) p.append('health', health);
  if (state.changed) p.set('changed', 'true');
  if (state.attention) p.set('attention', 'true');
  for (const s of apiStates(state)) p.append('state', s);
  if (!state.q || state.sort !== 'saved') p.set('sort', state.sort);
  p.set('order', state.order);
  p.set('limit', String(limit));
  if (cursor) p.set('cursor', cursor);
  return p.toString();
}

function apiStates({ linkState, q }) {
  const hideArchived = !q; // a search finds archived links
  switch (linkState) {
    case 'unread': return hideArchived ? ['unread', 'unarchived'] : ['unread'];
    case 'favorite': return ['favorite'];
    case 'archived': return ['archived'];
    case 'all': return [];
    default: return hideArchived ? ['unarchived'] : [];
  }
}

// Whether a link (after a change of its states on its card) still belongs in the view: an archived card
// leaves the default view at once, an un-favourited one the favourites, without reloading the list.
export function stillShown(state, link) {
  const holds = { unread: !link.read, unarchived: !link.archived, favorite: link.favorite, archived: link.archived };
  return apiStates(state).every((s) => holds[s]);
}

// "to" is a day chosen by a person: include the whole day.
function endOfDay(day) {
  return `${day}T23:59:59.999Z`;
}
