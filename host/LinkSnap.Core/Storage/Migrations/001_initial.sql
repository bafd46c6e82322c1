-- Links, tags, snapshots (each snapshot row is also its capture job) and the full-text index.
-- Times are ISO-8601 UTC text ("2026-01-02T03:04:05.678Z"): sortable as text.

CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    normalized_url TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    title_is_custom INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    latest_snapshot_id INTEGER
);
CREATE INDEX ix_links_created ON links (created_at, id);
CREATE INDEX ix_links_title ON links (title COLLATE NOCASE, id);
CREATE INDEX ix_links_site ON links (site, id);
CREATE INDEX ix_links_latest ON links (latest_snapshot_id);

-- name keeps the first spelling; key (NFC, lowercase) makes tags case-insensitively unique.
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE
);

CREATE TABLE link_tags (
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (link_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_link_tags_tag ON link_tags (tag_id, link_id);

CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'partial', 'failed')),
    stage TEXT,
    reason TEXT,
    mode TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    -- Relative to the data directory; set once the snapshot's folder exists.
    folder TEXT,
    -- As-seen mode: the DOM sent by the extension, kept in a file until the capture has used it.
    input_path TEXT,
    title TEXT,
    has_thumbnail INTEGER NOT NULL DEFAULT 0,
    metadata_json TEXT,
    artifacts_json TEXT,
    timings_json TEXT
);
CREATE INDEX ix_snapshots_link ON snapshots (link_id, id);
CREATE INDEX ix_snapshots_status ON snapshots (status, id);

-- One row per link (rowid = links.id). Text is stored pre-segmented (see SearchText): every CJK
-- character is its own token, separated by U+200B, so one- and two-character queries match.
CREATE VIRTUAL TABLE search USING fts5 (
    title, url, tags, note, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
