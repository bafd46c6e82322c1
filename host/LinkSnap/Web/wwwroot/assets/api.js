// Thin client of the daemon's JSON API. Every failure becomes an ApiError carrying the server's
// ProblemDetails text, so the page can show a message a person can act on.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

async function request(method, path, body, file) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  // The daemon refuses changes that are not declared JSON (415), even those without a body; file
  // uploads (imports) are the declared exception.
  if (method !== 'GET') init.headers['Content-Type'] = file ? 'application/octet-stream' : 'application/json';
  if (body !== undefined) init.body = JSON.stringify(body);
  if (file) init.body = file;
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, t('error.unreachableTitle'), t('error.unreachable'));
  }
  if (response.status === 401) {
    throw new ApiError(401, t('error.signedOutTitle'), t('error.signedOut'));
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (response.status === 429 && data?.max) {
    throw new ApiError(429, t('error.queueFullTitle'), t('error.queueFull', { count: data.queued, max: data.max }));
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.title, data?.detail || data?.title || t('error.http', { status: response.status }));
  }
  return data;
}

const enc = encodeURIComponent;

export const api = {
  links: (params) => request('GET', `/api/links?${params}`),
  link: (id) => request('GET', `/api/links/${enc(id)}`),
  updateLink: (id, patch) => request('PATCH', `/api/links/${enc(id)}`, patch),
  addTags: (id, tags) => request('POST', `/api/links/${enc(id)}/tags`, { tags }),
  removeTag: (id, tag) => request('DELETE', `/api/links/${enc(id)}/tags/${enc(tag)}`),
  deleteLink: (id) => request('DELETE', `/api/links/${enc(id)}`),
  recapture: (id) => request('POST', `/api/links/${enc(id)}/recapture`, { mode: 'fresh' }),
  capture: (url, tags) => request('POST', '/api/captures', { url, tags, mode: 'fresh' }),
  captureList: (text, tags) => request('POST', '/api/captures/list', { text, tags }),
  snapshot: (id) => request('GET', `/api/snapshots/${enc(id)}`),
  sandbox: (id) => request('GET', `/api/snapshots/${enc(id)}/sandbox`),
  deleteSnapshot: (id) => request('DELETE', `/api/snapshots/${enc(id)}`),
  retry: (id) => request('POST', `/api/snapshots/${enc(id)}/retry`),
  compare: (before, after) => request('GET', `/api/snapshots/${enc(before)}/compare/${enc(after)}`),
  changes: (linkId) => request('GET', `/api/links/${enc(linkId)}/changes`),
  jobs: (limit = 100) => request('GET', `/api/jobs?limit=${limit}`),
  tags: () => request('GET', '/api/tags'),
  renameTag: (from, to) => request('POST', '/api/tags/rename', { from, to }),
  mergeTags: (from, into) => request('POST', '/api/tags/merge', { from, into }),
  deleteTag: (name, force) => request('DELETE', `/api/tags/${enc(name)}${force ? '?force=true' : ''}`),
  bulk: (linkIds, action, tag) => request('POST', '/api/bulk', { linkIds, action, tag }),
  watch: (id) => request('GET', `/api/links/${enc(id)}/watch`),
  setWatch: (id, every) => request('PUT', `/api/links/${enc(id)}/watch`, { every }),
  setTagWatch: (tag, every) => request('PUT', '/api/tags/watch', { tag, every }),
  watches: () => request('GET', '/api/watches?limit=1'),
  markSeen: (id) => request('POST', `/api/links/${enc(id)}/seen`),
  setReadingProgress: (id, fraction) => request('PUT', `/api/links/${enc(id)}/reading-progress`, { fraction }),
  checkHealth: (linkIds) => request('POST', '/api/health/checks', { linkIds }),
  checkHealthPage: ({ tag, afterId }) => request('POST', '/api/health/checks', { tag, afterId, limit: 25 }),
  setup: () => request('GET', '/api/setup'),
  logout: () => request('POST', '/api/session/logout', {}),
  previewImport: (file, options) => request('POST', `/api/imports/preview?${importQuery(file, options)}`, undefined, file),
  startImport: (file, options) => request('POST', `/api/imports?${importQuery(file, options)}`, undefined, file),
  importProgress: (id) => request('GET', `/api/imports/${enc(id)}`),
  importInvalid: (id) => request('GET', `/api/imports/${enc(id)}/invalid`),
  importFailed: (id) => request('GET', `/api/imports/${enc(id)}/failed`),
  // A WACZ (previewed as format 'WACZ') is imported at once: each page a link with an imported version.
  importWacz: (file, { tags }) => request('POST', `/api/imports/wacz?${new URLSearchParams(tags.map((tag) => ['tag', tag]))}`, undefined, file),
  importAction: (id, action) => request('POST', `/api/imports/${enc(id)}/${enc(action)}`),
  fileUrl: (snapshotId, fileName) => `/api/snapshots/${enc(snapshotId)}/files/${enc(fileName)}`,
};

function importQuery(file, { folders, tags, noCapture }) {
  const q = new URLSearchParams({ name: file.name, folders, noCapture: String(noCapture) });
  for (const tag of tags) q.append('tag', tag);
  return q;
}
